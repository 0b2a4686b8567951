//! [`load`]: the content folder in, a validated [`Site`] (or every problem found) out.

use std::path::PathBuf;

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::{Files, Index};
use super::load_file::{self, Kind, Parsed, Source};
use super::site::Site;
use super::{
    front_matter, links, load_assemble, load_walk, media, official, snippets, text_rules, validate,
};
use crate::messages::{Msg, codes};

/// What to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The content folder (`content` by default).
    pub content_dir: PathBuf,
    /// The official (Kemendagri) province list, code and name, that province codes are
    /// checked against (the theme's map is drawn from it); empty: codes are not checked.
    pub official: Vec<(String, String)>,
}

/// A site that loaded without errors, and the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The site.
    pub site: Site,
    /// Problems that do not stop the build (e.g. a missing translation), sorted.
    pub warnings: Diagnostics,
}

/// One file after reading and parsing: its kind and contents if it parsed, its YAML, and its
/// problems.
type FileOutcome = (
    PathBuf,
    Option<(Kind, Parsed)>,
    Option<Source>,
    Vec<Diagnostic>,
);

/// Loads and validates the site; warnings are dropped (see [`load_with_warnings`]).
pub fn load(options: &LoadOptions) -> Result<Site, Diagnostics> {
    load_with_warnings(options).map(|loaded| loaded.site)
}

/// Loads and validates the site. On success the warnings come with it; on failure the
/// diagnostics hold every error and warning found, sorted by file and line.
pub fn load_with_warnings(options: &LoadOptions) -> Result<Loaded, Diagnostics> {
    load_indexed(options).map(|(loaded, _)| loaded)
}

/// Loads and validates the site like [`load_with_warnings`], and also returns the [`Index`]
/// that [`reload_issues`](super::reload::reload_issues) needs to update the site one file at
/// a time (`generator serve`).
pub fn load_indexed(options: &LoadOptions) -> Result<(Loaded, Index), Diagnostics> {
    let root = &options.content_dir;
    let mut diags = Diagnostics::new();
    if !root.is_dir() {
        diags.push(Diagnostic::error(
            "",
            0,
            0,
            Msg::new(codes::CONTENT_DIR_MISSING).arg("dir", root.display().to_string()),
        ));
        return Err(diags);
    }
    let (paths, walk_problems) = load_walk::list(root);
    diags.extend(walk_problems);
    // Images and documents are never read as text (see `media`).
    let (media_paths, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| media::is_media_path(p));
    let (outside, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .into_iter()
        .partition(|p| media::has_media_extension(p));
    for rel in &outside {
        diags.push(Diagnostic::error(
            rel,
            0,
            0,
            Msg::new(codes::MEDIA_OUTSIDE_FOLDER),
        ));
    }
    let inspected: Vec<(PathBuf, Result<media::Media, Diagnostic>)> = media_paths
        .into_par_iter()
        .map(|rel| {
            let result = media::inspect(root, &rel);
            (rel, result)
        })
        .collect();

    let results: Vec<FileOutcome> = load_walk::read_all(root, &paths)
        .into_par_iter()
        .map(|(rel, text)| {
            let text = match text {
                Ok(t) => t,
                Err(d) => return (rel, None, None, vec![d]),
            };
            let kind = match load_file::classify(&rel) {
                Ok(k) => k,
                Err(d) => return (rel, None, None, vec![d]),
            };
            let (parsed, source, mut problems) = load_file::parse(&rel, &kind, &text);
            if kind != Kind::Unknown {
                problems.extend(text_rules::check(&rel, front_matter::strip_bom(&text)));
            }
            (rel, parsed.map(|p| (kind, p)), source, problems)
        })
        .collect();

    let mut files = Files::default();
    let mut media_files = std::collections::BTreeMap::new();
    for (rel, result) in inspected {
        match result {
            Ok(m) => {
                media_files.insert(rel.clone(), m);
            }
            Err(d) => {
                files.media_problems.insert(rel.clone(), d);
            }
        }
        files.present.insert(rel);
    }
    files.present.extend(outside);
    let mut parsed = Vec::new();
    for (rel, item, source, problems) in results {
        diags.extend(problems);
        if let Some(s) = source {
            files.sources.insert(rel.clone(), s);
        }
        match item {
            Some((_, Parsed::Unparsed(body, lang))) => {
                let original = load_file::original_of(&rel);
                files.unparsed.push((body, lang, original));
            }
            Some((kind, p)) => parsed.push((rel.clone(), kind, p)),
            None => {}
        }
        files.present.insert(rel);
    }

    let mut left_out = Vec::new();
    let (mut site, stand_ins) = load_assemble::assemble(parsed, &files, &mut diags, &mut left_out);
    files.unparsed.extend(left_out);
    site.media = media_files;
    validate::validate(&site, &files, stand_ins, &mut diags);
    if !options.official.is_empty() {
        official::check(&site, &files, &options.official, &mut diags);
    }
    let anchor_targets = links::check(&site, &files, &mut diags);
    snippets::attach(&mut diags, &site, &files);
    diags.sort();
    // A stand-in always comes with the error of its file; the site is never rendered with one.
    match site {
        site if !diags.has_errors() && !stand_ins.any() => Ok((
            Loaded {
                site,
                warnings: diags,
            },
            Index {
                files,
                anchor_targets,
            },
        )),
        _ => Err(diags),
    }
}
