//! Checks the links and images of every Markdown body.
//!
//! - `@/path/to/file.md#anchor` (see the [module docs](super)): the file must be a content
//!   document and the anchor one of its heading ids (in the linking page's language);
//! - `#anchor`: a heading of the same document;
//! - root-relative links to content pages (`/provinsi/…`, `/berita/…`) work but break when URLs
//!   change: a warning suggests the `@/` form;
//! - `http(s):`, `mailto:`, `tel:` pass; a relative path must point at an image or document
//!   in an `images/` or `files/` folder (see [`media`](super::media)) that exists and was
//!   accepted; anything else (`../page.md`, `javascript:`) is an error;
//! - images need alt text and must be served by the site itself: a file of a media folder,
//!   or a root-relative `/…` path.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag, TagEnd};
use rayon::prelude::*;
use winner_catalog::Lang;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Files;
use super::media;
use super::site::{Bilingual, Markdown, Site, Words};
use super::slug;
use crate::messages::{Msg, codes};
use crate::urls::{ContentFile, Route};

/// The heading ids of a Markdown body, exactly as the renderer writes them.
pub fn heading_ids(text: &str) -> Vec<String> {
    slug::heading_ids(crate::markdown::events(text).iter().map(|(e, _)| e))
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
/// the files that `@/…#anchor` links point at (usually few). Images and documents that no
/// body uses are reported here too: a refused one at the file itself (one used is reported
/// where it is used), an accepted one as unused.
pub(crate) fn check(site: &Site, files: &Files, diags: &mut Diagnostics) -> BTreeSet<PathBuf> {
    let docs = all_docs(site);
    let by_path: BTreeMap<&Path, &Bilingual<Words>> = docs.iter().map(|(w, p)| (*p, *w)).collect();
    let mut used = BTreeSet::new();
    // Files whose front matter failed are not in the site; their bodies are checked all the
    // same, so that their link mistakes are not left for the next run.
    let unparsed: Vec<Doc<'_>> = files
        .unparsed
        .iter()
        .map(|(md, lang, original)| Doc {
            md,
            lang: *lang,
            original,
        })
        .collect();
    let targets = check_docs(
        site,
        &docs,
        &unparsed,
        &|p| by_path.get(p).copied(),
        files,
        diags,
        &mut used,
    );
    for (path, problem) in &files.media_problems {
        if !used.contains(path) {
            diags.push(problem.clone());
        }
    }
    for path in site.media.keys() {
        if !used.contains(path) {
            diags.push(Diagnostic::warning(
                path,
                0,
                0,
                Msg::new(codes::MEDIA_UNUSED),
            ));
        }
    }
    targets
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
    check_docs(site, docs, &[], &lookup, files, diags, &mut BTreeSet::new())
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

/// The checks of `docs` and of `extra` (bodies outside the site); `lookup` finds the document
/// of an `@/…#anchor` link's file. The images and documents the bodies use are added to
/// `used`.
fn check_docs<'s>(
    site: &'s Site,
    docs: &[(&'s Bilingual<Words>, &'s Path)],
    extra: &[Doc<'s>],
    lookup: &dyn Fn(&Path) -> Option<&'s Bilingual<Words>>,
    files: &Files,
    diags: &mut Diagnostics,
    used: &mut BTreeSet<PathBuf>,
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
    all.extend(extra.iter().map(|d| Doc {
        md: d.md,
        lang: d.lang,
        original: d.original,
    }));
    let routes = RootRoutes::new(site);
    let checked: Vec<Checked> = all
        .par_iter()
        .map(|doc| check_doc(doc, site, files, &routes))
        .collect();
    let mut anchored = Vec::new();
    // Heading ids of the documents just checked, by file: no second parse for a link target.
    let mut checked_ids: HashMap<PathBuf, Vec<String>> = HashMap::new();
    for found in checked {
        diags.extend(found.diags);
        anchored.extend(found.anchored);
        used.extend(found.media);
        checked_ids.insert(found.ids.0, found.ids.1);
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
            let body = &words_in.body;
            let found = match checked_ids.get(&body.path) {
                Some(known) => known.clone(),
                // A target outside this run (an incremental check of a few documents).
                None => heading_ids(&body.text),
            };
            ids.insert(key, found);
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
                Msg::new(codes::ANCHOR_MISSING_THERE)
                    .arg("target", link.target.as_str())
                    .arg("file", link.file.display().to_string())
                    .arg("anchor", link.anchor.as_str())
                    .arg("ids", id_list(target_ids)),
            ));
        }
    }
    targets
}

/// Root-relative paths that belong to content pages and should be `@/` links: under the
/// router's province, topic and news paths, or a page's, in either language.
struct RootRoutes {
    prefixes: Vec<String>,
}

impl RootRoutes {
    fn new(site: &Site) -> Self {
        let mut prefixes = Vec::new();
        for lang in Lang::ALL {
            for route in [Route::Provinces, Route::Topics, Route::News] {
                prefixes.push(route.path(lang));
            }
            for p in &site.pages {
                prefixes.push(
                    Route::Page {
                        id: &p.slug,
                        en: &p.slug_en,
                    }
                    .path(lang),
                );
            }
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

/// What checking one document found.
struct Checked {
    diags: Vec<Diagnostic>,
    anchored: Vec<AnchorLink>,
    /// The images and documents it uses (content paths).
    media: Vec<PathBuf>,
    /// Its file, and the ids of its headings.
    ids: (PathBuf, Vec<String>),
}

fn check_doc(doc: &Doc<'_>, site: &Site, files: &Files, routes: &RootRoutes) -> Checked {
    let md = doc.md;
    let mut diags = Vec::new();
    let mut anchored = Vec::new();
    let mut used = Vec::new();
    let events: Vec<(Event<'_>, Range<usize>)> = crate::markdown::events(&md.text);
    // The ids its page will have, from the same parse (other documents' `#anchor` links to
    // this one are checked against them too).
    let own = slug::heading_ids(events.iter().map(|(e, _)| e));
    for (index, (event, range)) in events.iter().enumerate() {
        let at = || position(md, range.start);
        let err = |msg: Msg| {
            let at = at();
            Diagnostic::error(&md.path, at.0, at.1, msg)
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
                                if !own.iter().any(|i| i == anchor) {
                                    diags.push(err(Msg::new(codes::ANCHOR_MISSING_THERE)
                                        .arg("target", target)
                                        .arg("file", file.display().to_string())
                                        .arg("anchor", anchor)
                                        .arg("ids", id_list(&own))));
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
                    if !own.iter().any(|i| i == anchor) && !is_footnote(md, anchor) {
                        diags.push(err(Msg::new(codes::ANCHOR_MISSING_HERE)
                            .arg("anchor", anchor)
                            .arg("ids", id_list(&own))));
                    }
                } else if url.starts_with('/') {
                    if routes.is_content(url) {
                        let at = at();
                        diags.push(Diagnostic::warning(
                            &md.path,
                            at.0,
                            at.1,
                            Msg::new(codes::ROOT_RELATIVE_LINK).arg("url", url),
                        ));
                    }
                } else if is_media_link(&md.path, url) {
                    let found = check_media(site, files, &md.path, at(), url, Use::Link);
                    diags.extend(found.err());
                    used.extend(media::resolve(&md.path, url));
                } else if !is_external(url) {
                    diags.push(err(Msg::new(codes::LINK_NOT_ALLOWED).arg("url", url)));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if alt_text(&events[index + 1..]).trim().is_empty() {
                    diags.push(err(Msg::new(codes::IMAGE_NO_ALT)));
                }
                let url = dest_url.as_ref();
                if media::is_relative_reference(url) {
                    let found = check_media(site, files, &md.path, at(), url, Use::Image);
                    diags.extend(found.err());
                    used.extend(media::resolve(&md.path, url));
                } else if let Some(file) = library_file(files, url) {
                    diags.push(err(Msg::new(codes::MEDIA_LIBRARY_PATH)
                        .arg("url", url)
                        .arg("file", file.display().to_string())
                        .arg("relative", media::relative_path(&md.path, &file))));
                    used.push(file);
                } else if !url.starts_with('/') || url.starts_with("//") {
                    diags.push(err(Msg::new(codes::IMAGE_NOT_LOCAL).arg("url", url)));
                }
            }
            _ => {}
        }
    }
    Checked {
        diags,
        anchored,
        media: used,
        ids: (md.path.clone(), own),
    }
}

/// Whether a link's `url` means a file of a media folder: a relative path into one, to a
/// file with an image or document extension, or out of the content folder (a relative link
/// to another page, `../stunting.md`, is a different mistake).
fn is_media_link(from: &Path, url: &str) -> bool {
    media::is_relative_reference(url)
        && media::resolve(from, url)
            .is_none_or(|t| media::is_media_path(&t) || media::has_media_extension(&t))
}

/// The content file of a media folder that a root-relative `url` names, as the studio
/// writes files of its shared library (`/images/logo.png` for `images/logo.png`): the site
/// serves no such address.
fn library_file(files: &Files, url: &str) -> Option<PathBuf> {
    let path = PathBuf::from(url.strip_prefix('/')?.split(['#', '?']).next()?);
    (media::is_media_path(&path) && files.present.contains(&path)).then_some(path)
}

/// How a Markdown body uses an image or document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// `![alt](images/peta.png)`: shown in the page.
    Image,
    /// `[text](files/laporan.pdf)`: linked.
    Link,
}

/// Checks a relative `url` of the Markdown file `from`, at `at` in it: it must point at an
/// accepted file of a media folder (an image, when shown as one). A refused file's own
/// problem is reported here, where it is used.
fn check_media(
    site: &Site,
    files: &Files,
    from: &Path,
    at: (usize, usize),
    url: &str,
    how: Use,
) -> Result<(), Diagnostic> {
    let here = |msg: Msg| Diagnostic::error(from, at.0, at.1, msg);
    let target = match media::resolve(from, url) {
        Some(t) if media::is_media_path(&t) => t,
        _ => return Err(here(Msg::new(codes::MEDIA_REF_OUTSIDE).arg("url", url))),
    };
    let file = target.display().to_string();
    if let Some(m) = site.media.get(&target) {
        if how == Use::Image && !m.format.is_image() {
            return Err(here(
                Msg::new(codes::MEDIA_WRONG_TYPE)
                    .arg("file", file)
                    .arg("expected", "PNG, JPEG, WebP, GIF")
                    .arg("found", m.format.name()),
            ));
        }
        return Ok(());
    }
    if let Some(problem) = files.media_problems.get(&target) {
        return Err(here(problem.msg.clone()));
    }
    let code = match how {
        Use::Image => codes::IMAGE_MISSING,
        Use::Link => codes::LINKED_FILE_MISSING,
    };
    Err(here(Msg::new(code).arg("url", url).arg("file", file)))
}

/// Checks the file part of an `@/` link; `Ok(Some((file, anchor)))` when an anchor remains
/// to be checked against the target's headings.
fn check_internal<'t>(
    target: &'t str,
    files: &Files,
    err: &dyn Fn(Msg) -> Diagnostic,
) -> Result<Option<(PathBuf, &'t str)>, Diagnostic> {
    let (file, anchor) = match target.split_once('#') {
        Some((f, a)) => (f, Some(a)),
        None => (target, None),
    };
    if file.ends_with(".en.md") {
        return Err(err(
            Msg::new(codes::LINK_TO_TRANSLATION).arg("target", target)
        ));
    }
    let path = PathBuf::from(file);
    if !is_document(&path) || !files.present.contains(&path) {
        return Err(err(Msg::new(codes::LINK_TARGET_MISSING)
            .arg("target", target)
            .arg("file", file)));
    }
    Ok(anchor.map(|a| (path, a)))
}

/// The heading ids of a page for a hint (`#a, #b`), or `none`.
fn id_list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    ids.iter()
        .map(|i| format!("#{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `path` is a document an `@/` link may target.
fn is_document(path: &Path) -> bool {
    let parts: Vec<&str> = path.iter().filter_map(|c| c.to_str()).collect();
    ContentFile::parse(&parts.join("/")).is_ok()
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
