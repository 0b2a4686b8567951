//! Reloading single issue files into a loaded [`Site`] (`generator serve`).
//!
//! [`load_indexed`](super::load_indexed) returns, besides the site, an [`Index`]: which files
//! exist, the YAML of each (so diagnostics find their lines), and which files other files'
//! `@/…#anchor` links rely on. [`reload_issues`] re-reads the Indonesian file and translation of
//! some issues, runs every rule that concerns those files (parsing, pairing, the issue rules of
//! [`validate`](super::validate), the link checks of their bodies) with the same code and
//! messages as a full load, and swaps the new issues into the site. What a full load would
//! report elsewhere cannot change when only these files change, as long as no file appears or
//! disappears (the caller checks that) and no heading id that another file links to changes
//! (checked here: [`Reload::Unsupported`] then asks for a full load).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use winner_catalog::Lang;

use super::diagnostic::{Diagnostic, Diagnostics};
pub use super::index::Index;
use super::links;
use super::load_assemble;
use super::load_file::{self, Kind, Parsed};
use super::load_walk;
use super::site::{Issue, Site};
use super::snippets;
use super::validate;

/// An issue, by province slug and issue slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IssueKey {
    /// The province's folder name.
    pub province: String,
    /// The issue's file stem.
    pub slug: String,
}

impl IssueKey {
    /// The issue whose file (Indonesian or translation) `rel` is, if it is an issue file
    /// (`provinces/<p>/issues/<slug>.md` or `<slug>.en.md`).
    pub fn of_path(rel: &Path) -> Option<IssueKey> {
        match load_file::classify(rel) {
            Ok(Kind::Issue { province, slug, .. }) => Some(IssueKey { province, slug }),
            _ => None,
        }
    }

    /// The Indonesian file and the translation, relative to the content folder.
    pub fn paths(&self) -> [PathBuf; 2] {
        let dir = PathBuf::from("provinces")
            .join(&self.province)
            .join("issues");
        [
            dir.join(format!("{}.md", self.slug)),
            dir.join(format!("{}.en.md", self.slug)),
        ]
    }
}

/// One reloaded issue, as swapped into the site.
#[derive(Debug, Clone)]
pub struct Swap {
    /// Position of the province in [`Site::provinces`].
    pub province: usize,
    /// The issue before the reload (to compare, and to undo).
    pub old: Issue,
}

/// The outcome of [`reload_issues`].
#[derive(Debug)]
pub enum Reload {
    /// The site holds the reloaded issues; `warnings` are the whole site's, as a full load
    /// would report them.
    Applied {
        /// What was swapped, one entry per issue.
        swaps: Vec<Swap>,
        /// Every warning of the site.
        warnings: Diagnostics,
    },
    /// The files have errors; the site is unchanged. Every error and warning of the site,
    /// as a full load would report them.
    Failed(Diagnostics),
    /// The change cannot be applied alone; load the whole site instead (the reason, for the
    /// log).
    Unsupported(String),
}

/// Re-reads the files of the issues `keys` from `root` into `site` (see the module docs).
/// `warnings` are the site's warnings before the reload. On [`Reload::Applied`] the caller
/// may [`undo`] the swap (e.g. when rendering fails).
pub fn reload_issues(
    site: &mut Site,
    index: &mut Index,
    warnings: &Diagnostics,
    root: &Path,
    keys: &BTreeSet<IssueKey>,
) -> Reload {
    let changed: BTreeSet<PathBuf> = keys.iter().flat_map(IssueKey::paths).collect();
    let mut diags = Diagnostics::new();
    diags.extend(
        warnings
            .iter()
            .filter(|d| !changed.contains(&d.path))
            .cloned(),
    );
    let mut fresh: Vec<(usize, Issue)> = Vec::new();
    let mut unparsed = false;
    for key in keys {
        let [id_path, en_path] = key.paths();
        if !index.files.present.contains(&id_path) {
            return Reload::Unsupported(format!("`{}` has no original", en_path.display()));
        }
        let Some(at) = site.provinces.iter().position(|p| p.slug == key.province) else {
            return Reload::Unsupported(format!("no province `{}`", key.province));
        };
        if !site.provinces[at].issues.iter().any(|i| i.slug == key.slug) {
            return Reload::Unsupported(format!("no issue `{}/{}`", key.province, key.slug));
        }
        let id = read(root, &id_path, index, &mut diags);
        let en = if index.files.present.contains(&en_path) {
            read(root, &en_path, index, &mut diags)
        } else {
            None
        };
        for path in [&id_path, &en_path] {
            if index.files.present.contains(path) {
                diags.extend(load_assemble::pair_problem(path, &index.files));
            }
        }
        let id = match id {
            Some(Parsed::Issue(front, body)) => Some((*front, body)),
            _ => None,
        };
        let en = match en {
            Some(Parsed::Translation(t, body)) => {
                load_assemble::require_title(&en_path, &t, &mut diags);
                Some((t, body))
            }
            _ => None,
        };
        match load_assemble::issue(&key.province, key.slug.clone(), id, en) {
            Some(issue) => fresh.push((at, issue)),
            None => unparsed = true,
        }
    }
    // Swap in what parsed, then check it in place (links between reloaded issues see each
    // other's new text); undone below on errors.
    let swaps: Vec<Swap> = fresh
        .into_iter()
        .filter_map(|(at, issue)| swap(site, at, issue).map(|old| Swap { province: at, old }))
        .collect();
    let mut targets = BTreeSet::new();
    let mut unsupported = None;
    for s in &swaps {
        let Some(new) = site.issue(s.province, &s.old.slug) else {
            continue;
        };
        if index.anchor_targets.contains(&new.words.id.body.path) && ids_changed(&s.old, new) {
            unsupported = Some(format!(
                "the headings of `{}` changed and other files link to them",
                new.words.id.body.path.display()
            ));
            break;
        }
        let province = &site.provinces[s.province].slug;
        validate::issue(site, &index.files, province, new, &mut diags);
        let docs = [(&new.words, new.words.id.body.path.as_path())];
        targets.extend(links::check_some(site, &docs, &index.files, &mut diags));
    }
    if let Some(reason) = unsupported {
        undo(site, swaps);
        return Reload::Unsupported(reason);
    }
    // Before any undo: the snippets come from the new text.
    snippets::attach(&mut diags, site, &index.files);
    diags.sort();
    if unparsed || diags.has_errors() {
        undo(site, swaps);
        return Reload::Failed(diags);
    }
    index.anchor_targets.extend(targets);
    Reload::Applied {
        swaps,
        warnings: diags,
    }
}

/// Puts the issues of `swaps` back as they were before [`reload_issues`].
pub fn undo(site: &mut Site, swaps: Vec<Swap>) {
    for s in swaps.into_iter().rev() {
        let _ = swap(site, s.province, s.old);
    }
}

/// Replaces the issue with `issue`'s slug in province `at`, keeping the display order;
/// returns the issue it replaced.
fn swap(site: &mut Site, at: usize, issue: Issue) -> Option<Issue> {
    let issues = &mut site.provinces.get_mut(at)?.issues;
    let pos = issues.iter().position(|i| i.slug == issue.slug)?;
    let old = std::mem::replace(&mut issues[pos], issue);
    load_assemble::sort_issues(issues);
    Some(old)
}

/// Reads and parses one file, recording its YAML in `index` and its problems in `diags`.
fn read(root: &Path, rel: &Path, index: &mut Index, diags: &mut Diagnostics) -> Option<Parsed> {
    let text = match load_walk::read_text(root, rel) {
        Ok(t) => t,
        Err(d) => {
            index.files.sources.remove(rel);
            diags.push(d);
            return None;
        }
    };
    let kind = match load_file::classify(rel) {
        Ok(k) => k,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let (parsed, source, mut problems): (_, _, Vec<Diagnostic>) =
        load_file::parse(rel, &kind, &text);
    problems.extend(super::text_rules::check(
        rel,
        super::front_matter::strip_bom(&text),
    ));
    match source {
        Some(s) => {
            index.files.sources.insert(rel.to_path_buf(), s);
        }
        None => {
            index.files.sources.remove(rel);
        }
    }
    diags.extend(problems);
    parsed
}

/// Whether the heading ids of an issue's page changed in either language.
fn ids_changed(old: &Issue, new: &Issue) -> bool {
    Lang::ALL.iter().any(|&lang| {
        let ids = |i: &Issue| links::heading_ids(&i.words.get(lang).0.body.text);
        ids(old) != ids(new)
    })
}
