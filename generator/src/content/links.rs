//! Checks the links and images of every Markdown body.
//!
//! - `@/path/to/file.md#anchor` (see the [module docs](super)): the file must be a content
//!   document and the anchor one of its heading ids (in the linking page's language);
//! - `#anchor`: a heading of the same document;
//! - root-relative links to content pages (`/provinsi/…`, `/berita/…`) work but break when URLs
//!   change: a warning suggests the `@/` form;
//! - `http(s):`, `mailto:`, `tel:` pass; anything else (relative paths, `javascript:`) is an error;
//! - images need alt text and must be served by the site itself (`/…`).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag, TagEnd};
use rayon::prelude::*;
use winner_catalog::Lang;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Files;
use super::site::{Bilingual, Markdown, Site, Words};
use super::slug::{UniqueIds, heading_slug};

/// The heading ids of a Markdown body, exactly as the renderer writes them.
pub fn heading_ids(text: &str) -> Vec<String> {
    ids_of(crate::markdown::events(text).iter().map(|(e, _)| e))
}

/// The heading ids of parsed events (see [`heading_ids`]).
fn ids_of<'e, 'a: 'e>(events: impl Iterator<Item = &'e Event<'a>>) -> Vec<String> {
    let mut ids = UniqueIds::new();
    let mut out = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                current = Some((id.as_ref().map(|i| i.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, words)) = current.as_mut() {
                    words.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, words)) = current.take() {
                    let base = explicit.unwrap_or_else(|| heading_slug(&words));
                    out.push(ids.unique(base));
                }
            }
            _ => {}
        }
    }
    out
}

/// One document in one language, with the ids its page will have.
struct Doc<'a> {
    md: &'a Markdown,
    lang: Lang,
    /// The Indonesian file this document belongs to (the `@/` target path).
    original: &'a Path,
}

/// An `@/file#anchor` link, checked once every document has been read.
struct AnchorLink {
    /// The linking document's file and the link's position in it.
    path: PathBuf,
    at: (usize, usize),
    lang: Lang,
    target: String,
    file: PathBuf,
    anchor: String,
}

/// Runs the link checks over every Markdown body of the site. Returns the files that
/// `@/…#anchor` links of other files point at (their heading ids are relied upon).
///
/// Each body is parsed once, in parallel; heading ids of other files are computed only for
/// the files that `@/…#anchor` links point at (usually few).
pub(crate) fn check(site: &Site, files: &Files, diags: &mut Diagnostics) -> BTreeSet<PathBuf> {
    let docs = all_docs(site);
    let by_path: BTreeMap<&Path, &Bilingual<Words>> = docs.iter().map(|(w, p)| (*p, *w)).collect();
    check_docs(site, &docs, &|p| by_path.get(p).copied(), files, diags)
}

/// Runs the same checks over some documents of the site only (`words` with the path of its
/// Indonesian file), e.g. the issues `generator serve` reloaded. Returns the files their
/// `@/…#anchor` links point at.
pub(crate) fn check_some<'s>(
    site: &'s Site,
    docs: &[(&'s Bilingual<Words>, &'s Path)],
    files: &Files,
    diags: &mut Diagnostics,
) -> BTreeSet<PathBuf> {
    let lookup = |path: &Path| {
        docs.iter()
            .copied()
            .chain(all_docs(site))
            .find(|(_, p)| *p == path)
            .map(|(w, _)| w)
    };
    check_docs(site, docs, &lookup, files, diags)
}

/// Every document of the site with the path of its Indonesian file.
fn all_docs(site: &Site) -> Vec<(&Bilingual<Words>, &Path)> {
    let mut docs: Vec<(&Bilingual<Words>, &Path)> = Vec::new();
    for p in &site.provinces {
        docs.push((&p.narrative, &p.narrative.id.body.path));
        for i in &p.issues {
            docs.push((&i.words, &i.words.id.body.path));
        }
    }
    for n in &site.news {
        docs.push((&n.words, &n.words.id.body.path));
    }
    for p in &site.pages {
        docs.push((&p.words, &p.words.id.body.path));
    }
    docs
}

/// The checks of `docs`; `lookup` finds the document of an `@/…#anchor` link's file.
fn check_docs<'s>(
    site: &'s Site,
    docs: &[(&'s Bilingual<Words>, &'s Path)],
    lookup: &dyn Fn(&Path) -> Option<&'s Bilingual<Words>>,
    files: &Files,
    diags: &mut Diagnostics,
) -> BTreeSet<PathBuf> {
    let mut all = Vec::new();
    for (words, original) in docs {
        all.push(Doc {
            md: &words.id.body,
            lang: Lang::Id,
            original,
        });
        if let Some(en) = &words.en {
            all.push(Doc {
                md: &en.body,
                lang: Lang::En,
                original,
            });
        }
    }
    let routes = RootRoutes::new(site);
    let checked: Vec<(Vec<Diagnostic>, Vec<AnchorLink>)> = all
        .par_iter()
        .map(|doc| check_doc(doc, files, &routes))
        .collect();
    let mut anchored = Vec::new();
    for (found, links) in checked {
        diags.extend(found);
        anchored.extend(links);
    }
    let targets: BTreeSet<PathBuf> = anchored.iter().map(|l| l.file.clone()).collect();
    if anchored.is_empty() {
        return targets;
    }
    // Heading ids of the targets, per (file, language), falling back to Indonesian like the
    // pages do.
    let mut ids: BTreeMap<(PathBuf, Lang), Vec<String>> = BTreeMap::new();
    for link in &anchored {
        let key = (link.file.clone(), link.lang);
        if ids.contains_key(&key) {
            continue;
        }
        if let Some(words) = lookup(link.file.as_path()) {
            let (words_in, _) = words.get(link.lang);
            ids.insert(key, heading_ids(&words_in.body.text));
        }
    }
    for link in anchored {
        let Some(target_ids) = ids.get(&(link.file.clone(), link.lang)) else {
            continue;
        };
        if !target_ids.contains(&link.anchor) {
            diags.push(Diagnostic::error(
                &link.path,
                link.at.0,
                link.at.1,
                format!(
                    "link `@/{}`: `{}` has no heading with the id `{}`",
                    link.target,
                    link.file.display(),
                    link.anchor
                ),
                anchor_hint(Some(target_ids)),
            ));
        }
    }
    targets
}

/// Root-relative paths that belong to content pages and should be `@/` links.
struct RootRoutes {
    prefixes: Vec<String>,
}

impl RootRoutes {
    fn new(site: &Site) -> Self {
        let mut prefixes: Vec<String> = ["/provinsi/", "/berita/", "/en/provinces/", "/en/news/"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        for p in &site.pages {
            prefixes.push(format!("/{}/", p.slug));
            prefixes.push(format!("/en/{}/", p.slug_en));
        }
        RootRoutes { prefixes }
    }

    fn is_content(&self, url: &str) -> bool {
        let path = url.split(['#', '?']).next().unwrap_or("");
        let path = if path.ends_with('/') {
            path.to_owned()
        } else {
            format!("{path}/")
        };
        self.prefixes.iter().any(|p| path.starts_with(p.as_str()))
    }
}

fn check_doc(
    doc: &Doc<'_>,
    files: &Files,
    routes: &RootRoutes,
) -> (Vec<Diagnostic>, Vec<AnchorLink>) {
    let md = doc.md;
    let mut diags = Vec::new();
    let mut anchored = Vec::new();
    let events: Vec<(Event<'_>, Range<usize>)> = crate::markdown::events(&md.text);
    let mut own_ids: Option<Vec<String>> = None;
    for (index, (event, range)) in events.iter().enumerate() {
        let at = || position(md, range.start);
        let err = |message: String, hint: &str| {
            let at = at();
            Diagnostic::error(&md.path, at.0, at.1, message, hint)
        };
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.as_ref();
                if let Some(target) = url.strip_prefix("@/") {
                    match check_internal(target, files, &err) {
                        Err(d) => diags.push(d),
                        Ok(Some((file, anchor))) => {
                            if file == doc.original {
                                // The same file: its ids in this language are these events'.
                                let own = own_ids
                                    .get_or_insert_with(|| ids_of(events.iter().map(|(e, _)| e)));
                                if !own.iter().any(|i| i == anchor) {
                                    diags.push(err(
                                        format!(
                                            "link `@/{target}`: `{}` has no heading with the id `{anchor}`",
                                            file.display()
                                        ),
                                        &anchor_hint(Some(own)),
                                    ));
                                }
                                continue;
                            }
                            anchored.push(AnchorLink {
                                path: md.path.clone(),
                                at: at(),
                                lang: doc.lang,
                                target: target.to_owned(),
                                file,
                                anchor: anchor.to_owned(),
                            });
                        }
                        Ok(None) => {}
                    }
                } else if let Some(anchor) = url.strip_prefix('#') {
                    let own = own_ids.get_or_insert_with(|| ids_of(events.iter().map(|(e, _)| e)));
                    if !own.iter().any(|i| i == anchor) && !is_footnote(md, anchor) {
                        diags.push(err(
                            format!("no heading with the id `{anchor}` on this page"),
                            &anchor_hint(Some(own)),
                        ));
                    }
                } else if url.starts_with('/') {
                    if routes.is_content(url) {
                        let at = at();
                        diags.push(Diagnostic::warning(
                            &md.path,
                            at.0,
                            at.1,
                            format!("link `{url}` uses a web address for a content page"),
                            "link to the content file instead, e.g. (@/provinces/banten/issues/stunting.md): it keeps working when web addresses change and is checked",
                        ));
                    }
                } else if !is_external(url) {
                    diags.push(err(
                        format!("link `{url}` is not allowed"),
                        "links may be https://… addresses, mailto:, tel:, #heading, or content files written as @/provinces/<province>/issues/<issue>.md",
                    ));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if alt_text(&events[index + 1..]).trim().is_empty() {
                    diags.push(err(
                        "this image has no alt text".into(),
                        "describe the image between the square brackets, e.g. ![Peta Kalimantan Barat](/images/peta.png), for people who cannot see it",
                    ));
                }
                let url = dest_url.as_ref();
                if !url.starts_with('/') || url.starts_with("//") {
                    diags.push(err(
                        format!("image `{url}` is not served by the site"),
                        "images must be files of the site, written as /path/to/image.png; the site never loads files from other hosts",
                    ));
                }
            }
            _ => {}
        }
    }
    (diags, anchored)
}

/// Checks the file part of an `@/` link; `Ok(Some((file, anchor)))` when an anchor remains
/// to be checked against the target's headings.
fn check_internal<'t>(
    target: &'t str,
    files: &Files,
    err: &dyn Fn(String, &str) -> Diagnostic,
) -> Result<Option<(PathBuf, &'t str)>, Diagnostic> {
    let (file, anchor) = match target.split_once('#') {
        Some((f, a)) => (f, Some(a)),
        None => (target, None),
    };
    if file.ends_with(".en.md") {
        return Err(err(
            format!("link `@/{target}` points at a translation"),
            "link to the Indonesian file (without .en); English pages link to the English version by themselves",
        ));
    }
    let path = PathBuf::from(file);
    if !is_document(&path) || !files.present.contains(&path) {
        return Err(err(
            format!("link `@/{target}`: there is no content file `{file}`"),
            "check the path: it starts after the content folder, e.g. @/provinces/kalimantan-barat/issues/stunting.md or @/pages/tentang.md",
        ));
    }
    Ok(anchor.map(|a| (path, a)))
}

fn anchor_hint(ids: Option<&Vec<String>>) -> String {
    match ids {
        Some(v) if !v.is_empty() => format!(
            "heading ids are made from the heading text, e.g. \"## Data dan Sumber\" gives #data-dan-sumber; this page has: {}",
            v.iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => "that page has no headings to link to; link to the page without #…".into(),
    }
}

/// Whether `path` is a document an `@/` link may target.
fn is_document(path: &Path) -> bool {
    let parts: Vec<&str> = path.iter().filter_map(|c| c.to_str()).collect();
    matches!(
        parts.as_slice(),
        ["provinces", _, "index.md"] | ["provinces", _, "issues", _] | ["news", _] | ["pages", _]
    ) && path.extension().is_some_and(|e| e == "md")
}

fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

fn is_footnote(md: &Markdown, anchor: &str) -> bool {
    md.text.contains(&format!("[^{anchor}]:"))
}

fn alt_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::End(TagEnd::Image) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// File (line, column) of byte `offset` of a body.
fn position(md: &Markdown, offset: usize) -> (usize, usize) {
    let offset = offset.min(md.text.len());
    let before = md.text.get(..offset).unwrap_or("");
    let line = md.first_line + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}
