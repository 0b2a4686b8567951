//! Parsed files to the [`Site`]: grouping files by province, document and language, pairing
//! translations with their originals, and sorting everything into its display order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use time::Date;
use winner_catalog::{FormDefinition, Lang};

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Files;
use super::load_file::{self, Kind, Parsed};
use super::model::{
    IssueFront, NewsFront, PageFront, PageTranslation, ProvinceFile, ProvinceIndexFront,
    SearchFile, SiteFile, TopicsFile, Translation,
};
use super::site::{Bilingual, Issue, Markdown, NewsItem, Page, Province, Site, Words};
use crate::messages::{Msg, codes};

/// An original and its translation, as found.
struct Pair<F, T> {
    id: Option<(F, Markdown)>,
    en: Option<(T, Markdown)>,
}

impl<F, T> Default for Pair<F, T> {
    fn default() -> Self {
        Pair { id: None, en: None }
    }
}

#[derive(Default)]
struct ProvinceParts {
    facts: Option<ProvinceFile>,
    index: Pair<ProvinceIndexFront, Translation>,
    issues: BTreeMap<String, Pair<IssueFront, Translation>>,
}

#[derive(Default)]
struct Parts {
    config: Option<SiteFile>,
    topics: Option<TopicsFile>,
    form: Option<FormDefinition>,
    search: Option<SearchFile>,
    provinces: BTreeMap<String, ProvinceParts>,
    news: BTreeMap<(Date, String), Pair<NewsFront, Translation>>,
    pages: BTreeMap<String, Pair<PageFront, PageTranslation>>,
}

/// A Markdown body left out of the site, with its language and its Indonesian file.
pub(super) type LeftOut = (Markdown, Lang, PathBuf);

/// Which site-wide files were missing or broken and stand in empty in the assembled [`Site`]
/// (each one's problem is already in the diagnostics). A site with a stand-in is checked,
/// never rendered: the rules about a stand-in file, and the references into it, are skipped.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StandIns {
    /// `site.yaml`.
    pub(crate) config: bool,
    /// `topics.yaml`.
    pub(crate) topics: bool,
    /// `form.yaml`.
    pub(crate) form: bool,
}

impl StandIns {
    /// Whether any site-wide file stands in.
    pub(crate) fn any(self) -> bool {
        self.config || self.topics || self.form
    }
}

/// Builds the [`Site`] from the parsed files. A site-wide file that is missing or broken
/// stands in empty (see [`StandIns`]), so that every other file is still checked in the same
/// run. The bodies of a province left out (its province.yaml or index.md missing or broken)
/// go to `left_out`, so that their links are still checked.
pub(super) fn assemble(
    parsed: Vec<(PathBuf, Kind, Parsed)>,
    files: &Files,
    diags: &mut Diagnostics,
    left_out: &mut Vec<LeftOut>,
) -> (Site, StandIns) {
    let mut parts = Parts::default();
    for (path, kind, item) in parsed {
        place(&mut parts, &path, kind, item, diags);
    }
    check_pairs(files, diags);
    for name in ["site.yaml", "topics.yaml", "form.yaml"] {
        if !files.present.contains(Path::new(name)) {
            diags.push(Diagnostic::error(
                name,
                0,
                0,
                Msg::new(codes::SITE_FILE_MISSING).arg("name", name),
            ));
        }
    }
    let provinces = provinces(std::mem::take(&mut parts.provinces), files, diags, left_out);
    let news = news(std::mem::take(&mut parts.news));
    let pages = pages(std::mem::take(&mut parts.pages));
    let stand_ins = StandIns {
        config: parts.config.is_none(),
        topics: parts.topics.is_none(),
        form: parts.form.is_none(),
    };
    let topics = parts.topics.unwrap_or_default();
    let site = Site {
        config: parts.config.unwrap_or_default(),
        topics: topics.topics,
        topic_sources: topics.sources,
        form: parts.form.unwrap_or_default(),
        synonyms: parts.search.map(|s| s.synonyms).unwrap_or_default(),
        provinces,
        news,
        pages,
        media: Default::default(),
    };
    (site, stand_ins)
}

fn place(parts: &mut Parts, path: &Path, kind: Kind, item: Parsed, diags: &mut Diagnostics) {
    match (kind, item) {
        (_, Parsed::Site(v)) => parts.config = Some(*v),
        (_, Parsed::Topics(v)) => parts.topics = Some(v),
        (_, Parsed::Form(v)) => parts.form = Some(v),
        (_, Parsed::Search(v)) => parts.search = Some(v),
        (Kind::ProvinceFacts { province }, Parsed::Province(v)) => {
            parts.provinces.entry(province).or_default().facts = Some(*v);
        }
        (Kind::ProvinceIndex { province, .. }, Parsed::ProvinceIndex(f, md)) => {
            parts.provinces.entry(province).or_default().index.id = Some((f, md));
        }
        (Kind::ProvinceIndex { province, .. }, Parsed::Translation(t, md)) => {
            if t.title.is_some() {
                diags.push(Diagnostic::error(
                    path,
                    1,
                    1,
                    Msg::new(codes::NARRATIVE_HAS_TITLE),
                ));
            }
            parts.provinces.entry(province).or_default().index.en = Some((t, md));
        }
        (Kind::Issue { province, slug, .. }, Parsed::Issue(f, md)) => {
            let p = parts.provinces.entry(province).or_default();
            p.issues.entry(slug).or_default().id = Some((*f, md));
        }
        (Kind::Issue { province, slug, .. }, Parsed::Translation(t, md)) => {
            require_title(path, &t, diags);
            let p = parts.provinces.entry(province).or_default();
            p.issues.entry(slug).or_default().en = Some((t, md));
        }
        (Kind::News { date, slug, .. }, Parsed::News(f, md)) => {
            parts.news.entry((date, slug)).or_default().id = Some((f, md));
        }
        (Kind::News { date, slug, .. }, Parsed::Translation(t, md)) => {
            require_title(path, &t, diags);
            parts.news.entry((date, slug)).or_default().en = Some((t, md));
        }
        (Kind::Page { slug, .. }, Parsed::Page(f, md)) => {
            parts.pages.entry(slug).or_default().id = Some((f, md));
        }
        (Kind::Page { slug, .. }, Parsed::PageTranslation(t, md)) => {
            parts.pages.entry(slug).or_default().en = Some((t, md));
        }
        (_, _) => diags.push(Diagnostic::warning(
            path,
            0,
            0,
            Msg::new(codes::UNUSED_FILE),
        )),
    }
}

pub(super) fn require_title(path: &Path, t: &Translation, diags: &mut Diagnostics) {
    if t.title.as_deref().is_none_or(|s| s.trim().is_empty()) {
        diags.push(Diagnostic::error(
            path,
            1,
            1,
            Msg::new(codes::TRANSLATION_NO_TITLE),
        ));
    }
}

/// Orphan translations are errors; missing translations are warnings.
fn check_pairs(files: &Files, diags: &mut Diagnostics) {
    for path in &files.present {
        diags.extend(pair_problem(path, files));
    }
}

/// The pairing problem of one document file, if any: an orphan translation (error) or a
/// missing translation (warning). Depends only on which files exist.
pub(super) fn pair_problem(path: &Path, files: &Files) -> Option<Diagnostic> {
    let lang = match load_file::classify(path) {
        Ok(
            Kind::ProvinceIndex { lang, .. }
            | Kind::Issue { lang, .. }
            | Kind::News { lang, .. }
            | Kind::Page { lang, .. },
        ) => lang,
        _ => return None,
    };
    let name = path.to_string_lossy();
    match lang {
        Lang::En => {
            let original = load_file::original_of(path);
            (!files.present.contains(&original)).then(|| {
                Diagnostic::error(
                    path,
                    1,
                    1,
                    Msg::new(codes::ORPHAN_TRANSLATION)
                        .arg("original", original.display().to_string()),
                )
            })
        }
        Lang::Id => {
            let translation = PathBuf::from(format!(
                "{}.en.md",
                name.strip_suffix(".md").unwrap_or(&name)
            ));
            (!files.present.contains(&translation)).then(|| {
                Diagnostic::warning(
                    path,
                    1,
                    1,
                    Msg::new(codes::MISSING_TRANSLATION)
                        .arg("translation", translation.display().to_string()),
                )
            })
        }
    }
}

fn missing(path: PathBuf, code: &'static str) -> Diagnostic {
    Diagnostic::error(path, 0, 0, Msg::new(code))
}

fn provinces(
    found: BTreeMap<String, ProvinceParts>,
    files: &Files,
    diags: &mut Diagnostics,
    left_out: &mut Vec<LeftOut>,
) -> Vec<Province> {
    let mut out = Vec::new();
    for (slug, parts) in found {
        let dir = PathBuf::from("provinces").join(&slug);
        let facts_path = dir.join("province.yaml");
        let index_path = dir.join("index.md");
        if !files.present.contains(&facts_path) {
            diags.push(missing(facts_path, codes::PROVINCE_YAML_MISSING));
        }
        if !files.present.contains(&index_path) {
            diags.push(missing(index_path, codes::PROVINCE_INDEX_MISSING));
        }
        let mut issues: Vec<Issue> = parts
            .issues
            .into_iter()
            .filter_map(|(issue_slug, pair)| issue(&slug, issue_slug, pair.id, pair.en))
            .collect();
        sort_issues(&mut issues);
        let (facts, (front, body)) = match (parts.facts, parts.index.id) {
            (Some(facts), Some(index)) => (facts, index),
            (_, index) => {
                left_out_bodies(index, parts.index.en, issues, left_out);
                continue;
            }
        };
        out.push(Province {
            slug,
            facts,
            narrative: Bilingual {
                id: Words {
                    title: None,
                    summary: front.summary,
                    body,
                },
                en: parts.index.en.map(translated),
            },
            issues,
        });
    }
    out.sort_by(|a, b| (&a.facts.name, &a.slug).cmp(&(&b.facts.name, &b.slug)));
    out
}

/// The bodies of a province left out of the site: its narrative and its issues, both
/// languages.
fn left_out_bodies(
    index: Option<(ProvinceIndexFront, Markdown)>,
    index_en: Option<(Translation, Markdown)>,
    issues: Vec<Issue>,
    left_out: &mut Vec<LeftOut>,
) {
    let narrative = [
        index.map(|(_, md)| (md, Lang::Id)),
        index_en.map(|(_, md)| (md, Lang::En)),
    ];
    let words = issues.into_iter().flat_map(|i| {
        let Bilingual { id, en } = i.words;
        [Some((id.body, Lang::Id)), en.map(|w| (w.body, Lang::En))]
    });
    for (md, lang) in narrative.into_iter().chain(words).flatten() {
        let original = load_file::original_of(&md.path);
        left_out.push((md, lang, original));
    }
}

/// An issue from its Indonesian file and translation, as parsed; `None` without the
/// Indonesian file.
pub(super) fn issue(
    province: &str,
    slug: String,
    id: Option<(IssueFront, Markdown)>,
    en: Option<(Translation, Markdown)>,
) -> Option<Issue> {
    let (facts, body) = id?;
    let words = Bilingual {
        id: Words {
            title: Some(facts.title.clone()),
            summary: Some(facts.summary.clone()),
            body,
        },
        en: en.map(translated),
    };
    Some(Issue {
        slug,
        province: province.to_owned(),
        facts,
        words,
    })
}

/// A province's issues in display order: by Indonesian title, then slug.
pub(super) fn sort_issues(issues: &mut [Issue]) {
    issues.sort_by(|a, b| (&a.facts.title, &a.slug).cmp(&(&b.facts.title, &b.slug)));
}

fn translated((t, body): (Translation, Markdown)) -> Words {
    Words {
        title: t.title,
        summary: t.summary,
        body,
    }
}

fn news(found: BTreeMap<(Date, String), Pair<NewsFront, Translation>>) -> Vec<NewsItem> {
    let mut out: Vec<NewsItem> = found
        .into_iter()
        .filter_map(|((date, slug), pair)| {
            let (facts, body) = pair.id?;
            Some(NewsItem {
                slug,
                date,
                words: Bilingual {
                    id: Words {
                        title: Some(facts.title.clone()),
                        summary: Some(facts.summary.clone()),
                        body,
                    },
                    en: pair.en.map(translated),
                },
                facts,
            })
        })
        .collect();
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    out
}

fn pages(found: BTreeMap<String, Pair<PageFront, PageTranslation>>) -> Vec<Page> {
    let mut out: Vec<Page> = found
        .into_iter()
        .filter_map(|(slug, pair)| {
            let (facts, body) = pair.id?;
            let slug_en = pair
                .en
                .as_ref()
                .map_or_else(|| slug.clone(), |(t, _)| t.slug.clone());
            Some(Page {
                slug,
                slug_en,
                words: Bilingual {
                    id: Words {
                        title: Some(facts.title.clone()),
                        summary: Some(facts.summary.clone()),
                        body,
                    },
                    en: pair.en.map(|(t, body)| Words {
                        title: Some(t.title),
                        summary: Some(t.summary),
                        body,
                    }),
                },
                facts,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |p: &Page| (p.facts.nav_order.is_none(), p.facts.nav_order);
        key(a).cmp(&key(b)).then_with(|| a.slug.cmp(&b.slug))
    });
    out
}
