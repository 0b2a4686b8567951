//! One content file: what kind it is (from its path) and its parsed contents.

use std::path::{Path, PathBuf};

use time::Date;
use winner_catalog::{FormDefinition, Lang};

use super::diagnostic::Diagnostic;
use super::front_matter;
use super::model::{
    IssueFront, NewsFront, PageFront, PageTranslation, ProvinceFile, ProvinceIndexFront,
    SearchFile, SiteFile, TopicsFile, Translation,
};
use super::site::Markdown;
use super::slug::is_slug;
use super::yaml::{self, Origin};
use crate::messages::{Msg, codes};

/// What a file is, from where it sits in the content folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// `site.yaml`.
    Site,
    /// `topics.yaml`.
    Topics,
    /// `form.yaml`.
    Form,
    /// `search.yaml` (optional).
    Search,
    /// `provinces/<p>/province.yaml`.
    ProvinceFacts { province: String },
    /// `provinces/<p>/index(.en).md`.
    ProvinceIndex { province: String, lang: Lang },
    /// `provinces/<p>/issues/<slug>(.en).md`.
    Issue {
        province: String,
        slug: String,
        lang: Lang,
    },
    /// `news/<date>-<slug>(.en).md`.
    News {
        date: Date,
        slug: String,
        lang: Lang,
    },
    /// `pages/<slug>(.en).md`.
    Page { slug: String, lang: Lang },
    /// Anything else: reported as unused.
    Unknown,
}

/// The YAML of a file, kept so that validation can find the line of a key or value.
#[derive(Debug, Clone, Default)]
pub(crate) struct Source {
    /// The YAML text (the whole file for `.yaml`, the front matter for `.md`).
    pub(crate) yaml: String,
    /// 1-based file line of the YAML's first line.
    pub(crate) first_line: usize,
}

impl Source {
    /// File (line, column) of the `nth` (1-based) occurrence of `key:`.
    pub(crate) fn key(&self, key: &str, nth: usize) -> Option<(usize, usize)> {
        yaml::locate_key(&self.yaml, self.first_line, key, nth)
    }

    /// File (line, column) of the first occurrence of `text` at or after file line `from`.
    pub(crate) fn text(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let from_yaml = (from + 1).saturating_sub(self.first_line).max(1);
        yaml::locate_text(&self.yaml, self.first_line, text, from_yaml)
    }

    /// File (line, column) of the value of `key:` (or of the key when it has no value on
    /// its line), or else the start of the YAML.
    pub(crate) fn value_or_start(&self, key: &str) -> (usize, usize) {
        let Some((line, col)) = self.key(key, 1) else {
            return self.key_or_start(key);
        };
        let text = self.yaml.lines().nth(line - self.first_line).unwrap_or("");
        let after_key: usize = text.chars().take(col - 1).count() + key.chars().count();
        let rest: String = text.chars().skip(after_key).collect();
        let Some(value) = rest.trim_start().strip_prefix(':') else {
            return (line, col);
        };
        let value_trimmed = value.trim_start();
        if value_trimmed.is_empty() || value_trimmed.starts_with('#') {
            return (line, col);
        }
        let skipped = rest.chars().count() - value_trimmed.chars().count();
        (line, after_key + skipped + 1)
    }

    /// File (line, column) of `key:` or else the start of the YAML.
    pub(crate) fn key_or_start(&self, key: &str) -> (usize, usize) {
        self.key(key, 1)
            .unwrap_or((self.first_line.saturating_sub(1).max(1), 1))
    }
}

/// A file's parsed contents.
#[derive(Debug)]
pub(super) enum Parsed {
    Site(Box<SiteFile>),
    Topics(TopicsFile),
    Form(FormDefinition),
    Search(SearchFile),
    Province(Box<ProvinceFile>),
    ProvinceIndex(ProvinceIndexFront, Markdown),
    Issue(Box<IssueFront>, Markdown),
    News(NewsFront, Markdown),
    Page(PageFront, Markdown),
    Translation(Translation, Markdown),
    PageTranslation(PageTranslation, Markdown),
    /// A Markdown file whose front matter did not parse: its body alone, in its language, so
    /// that its links and images are still checked in the same run (the loader keeps it out
    /// of the site).
    Unparsed(Markdown, Lang),
    Unknown,
}

/// Classifies `rel` by its place in the content folder.
pub(super) fn classify(rel: &Path) -> Result<Kind, Diagnostic> {
    let parts: Vec<&str> = rel
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()
        .ok_or_else(|| Diagnostic::error(rel, 0, 0, Msg::new(codes::NAME_NOT_UTF8)))?;
    let kind = match parts.as_slice() {
        ["site.yaml"] => Kind::Site,
        ["topics.yaml"] => Kind::Topics,
        ["form.yaml"] => Kind::Form,
        ["search.yaml"] => Kind::Search,
        ["provinces", p, "province.yaml"] => Kind::ProvinceFacts {
            province: slug(rel, p)?,
        },
        ["provinces", p, name] if name.ends_with(".md") => {
            let (stem, lang) = markdown_name(name);
            if stem != "index" {
                return Ok(Kind::Unknown);
            }
            Kind::ProvinceIndex {
                province: slug(rel, p)?,
                lang,
            }
        }
        ["provinces", p, "issues", name] if name.ends_with(".md") => {
            let (stem, lang) = markdown_name(name);
            Kind::Issue {
                province: slug(rel, p)?,
                slug: slug(rel, stem)?,
                lang,
            }
        }
        ["news", name] if name.ends_with(".md") => {
            let (stem, lang) = markdown_name(name);
            let (date, rest) = news_name(rel, stem)?;
            Kind::News {
                date,
                slug: slug(rel, rest)?,
                lang,
            }
        }
        ["pages", name] if name.ends_with(".md") => {
            let (stem, lang) = markdown_name(name);
            Kind::Page {
                slug: slug(rel, stem)?,
                lang,
            }
        }
        _ => Kind::Unknown,
    };
    Ok(kind)
}

/// `stunting.en.md` → (`stunting`, English); `stunting.md` → (`stunting`, Indonesian).
fn markdown_name(name: &str) -> (&str, Lang) {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match stem.strip_suffix(".en") {
        Some(s) => (s, Lang::En),
        None => (stem, Lang::Id),
    }
}

fn slug(rel: &Path, s: &str) -> Result<String, Diagnostic> {
    if is_slug(s) {
        Ok(s.to_owned())
    } else {
        Err(Diagnostic::error(
            rel,
            0,
            0,
            Msg::new(codes::NAME_NOT_SLUG).arg("name", s),
        ))
    }
}

fn news_name<'a>(rel: &Path, stem: &'a str) -> Result<(Date, &'a str), Diagnostic> {
    let bad = |reason: &str, value: &str| {
        Diagnostic::error(
            rel,
            0,
            0,
            Msg::new(codes::NEWS_NAME)
                .arg("reason", reason)
                .arg("value", value),
        )
    };
    let (date, rest) = match (stem.get(..10), stem.get(10..)) {
        (Some(d), Some(r)) if r.starts_with('-') => (d, &r[1..]),
        _ => return Err(bad("prefix", stem)),
    };
    let date = winner_catalog::clock::parse_date(date).map_err(|_| bad("date", date))?;
    Ok((date, rest))
}

/// The Indonesian file of an English translation (`x.en.md` -> `x.md`); other paths as they are.
pub(super) fn original_of(path: &Path) -> PathBuf {
    let name = path.to_string_lossy();
    match name.strip_suffix(".en.md") {
        Some(stem) => PathBuf::from(format!("{stem}.md")),
        None => path.to_path_buf(),
    }
}

/// Parses front matter `yaml` into `F` and makes the file's [`Parsed`] with its `body`; on
/// failure the problems, with the body handed back.
fn with_front<F: serde::de::DeserializeOwned>(
    yaml: &str,
    origin: Origin<'_>,
    body: Markdown,
    make: impl FnOnce(F, Markdown) -> Parsed,
) -> Result<Parsed, (Vec<Diagnostic>, Markdown)> {
    match yaml::parse(yaml, origin) {
        Ok(front) => Ok(make(front, body)),
        Err(all) => Err((all, body)),
    }
}

/// The language of a Markdown file's body (Indonesian for kinds without one).
fn lang_of(kind: &Kind) -> Lang {
    match kind {
        Kind::ProvinceIndex { lang, .. }
        | Kind::Issue { lang, .. }
        | Kind::News { lang, .. }
        | Kind::Page { lang, .. } => *lang,
        _ => Lang::Id,
    }
}

/// Parses one file of kind `kind` whose text is `text` (BOM allowed).
pub(super) fn parse(
    rel: &Path,
    kind: &Kind,
    text: &str,
) -> (Option<Parsed>, Option<Source>, Vec<Diagnostic>) {
    let text = front_matter::strip_bom(text);
    let whole = |first_line| Origin {
        path: rel,
        first_line,
        start_line: 1,
    };
    let yaml_file = |t: &str| Source {
        yaml: t.to_owned(),
        first_line: 1,
    };
    let result = match kind {
        Kind::Site => yaml::parse(text, whole(1)).map(|v| Parsed::Site(Box::new(v))),
        Kind::Topics => yaml::parse(text, whole(1)).map(Parsed::Topics),
        Kind::Form => yaml::parse(text, whole(1)).map(Parsed::Form),
        Kind::Search => yaml::parse(text, whole(1)).map(Parsed::Search),
        Kind::ProvinceFacts { .. } => {
            yaml::parse(text, whole(1)).map(|v| Parsed::Province(Box::new(v)))
        }
        Kind::Unknown => return (Some(Parsed::Unknown), None, Vec::new()),
        _ => return parse_markdown(rel, kind, text),
    };
    let source = Some(yaml_file(text));
    match result {
        Ok(parsed) => (Some(parsed), source, Vec::new()),
        Err(all) => (None, source, all),
    }
}

fn parse_markdown(
    rel: &Path,
    kind: &Kind,
    text: &str,
) -> (Option<Parsed>, Option<Source>, Vec<Diagnostic>) {
    let split = match front_matter::split(text) {
        Ok(s) => s,
        Err(e) => {
            let d = Diagnostic::error(rel, e.line, 1, Msg::new(codes::UNCLOSED_FRONT_MATTER));
            return (None, None, vec![d]);
        }
    };
    let yaml = split.yaml.unwrap_or("");
    let origin = Origin {
        path: rel,
        first_line: split.yaml_first_line,
        start_line: 1,
    };
    let body = Markdown {
        text: split.body.to_owned(),
        path: PathBuf::from(rel),
        first_line: split.body_first_line,
    };
    let source = Some(Source {
        yaml: yaml.to_owned(),
        first_line: split.yaml_first_line,
    });
    // The body goes into what parsed, or, when the front matter did not, back out for the
    // link checks: moved either way, never copied.
    let result = match kind {
        Kind::ProvinceIndex { lang: Lang::Id, .. } => {
            with_front(yaml, origin, body, Parsed::ProvinceIndex)
        }
        Kind::Issue { lang: Lang::Id, .. } => {
            with_front(yaml, origin, body, |f, b| Parsed::Issue(Box::new(f), b))
        }
        Kind::News { lang: Lang::Id, .. } => with_front(yaml, origin, body, Parsed::News),
        Kind::Page { lang: Lang::Id, .. } => with_front(yaml, origin, body, Parsed::Page),
        Kind::Page { lang: Lang::En, .. } => {
            with_front(yaml, origin, body, Parsed::PageTranslation)
        }
        _ => with_front(yaml, origin, body, Parsed::Translation),
    };
    match result {
        Ok(parsed) => (Some(parsed), source, Vec::new()),
        Err((mut all, body)) => {
            if split.yaml.is_none() {
                for d in all.iter_mut().filter(|d| d.code() == codes::MISSING_FIELD) {
                    d.msg.id = codes::NO_FRONT_MATTER;
                }
            }
            (Some(Parsed::Unparsed(body, lang_of(kind))), source, all)
        }
    }
}
