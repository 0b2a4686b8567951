//! Incremental rebuilds for `generator serve`: after a full build, an edit of issue files
//! reloads just those files and re-renders just the pages that depend on them.
//!
//! [`Live`] keeps what a full build loaded: the [`Site`], the [`Theme`], the content
//! [`Index`] and the render options. [`Live::plan`] decides from the changed paths:
//!
//! - only existing issue files (`provinces/<p>/issues/<i>.md` or `.en.md`) that the last full
//!   build also found changed: [`Plan::Issues`], reloaded alone;
//! - hidden files, and files that neither existed at the last full build nor exist now
//!   (editors' temporary files): ignored;
//! - anything else: a file or folder that appeared, disappeared or was renamed, a theme file,
//!   `site.yaml`, `topics.yaml`, `form.yaml`, a province, news or page file: [`Plan::Full`],
//!   the full rebuild as before.
//!
//! [`Live::update`] reloads and re-validates the issues with the full load's own rules and
//! messages ([`content::reload`]); an issue whose headings change while other files link to
//! them, or a new day (proposal windows), also asks for a full rebuild. A failed reload leaves
//! the site as it was (the last good pages stay served) and remembers the files, so the next
//! update reloads them again.
//!
//! # What depends on an issue
//!
//! Read from `render/pages.rs`, `render/form.rs`, `render/context.rs` and the side outputs;
//! the issue keeps its slug (a new or removed file is a full rebuild), so the set of pages and
//! their URLs does not change. For each reloaded issue of province P:
//!
//! | what changed | what is rendered again (both languages) |
//! |---|---|
//! | anything (body, agencies, sources, …) | the issue's own page |
//! | its card: title or summary (either language), topic, status, `validated_on` | P's page (issue list, ordered by title), the topic page of the old and of the new topic (issue lists) |
//! | title (either language), topic or status | the form page (titles of validated issues), `catalog.json` |
//! | topic | home, the topics page (issue counts per topic), every province page (its topic list shows counts) |
//! | status | home (issue counts on province cards, the map), the provinces page (counts) |
//! | whether P has any validated issue | every issue page of P and P's page (proposals window in words, "apply" link), home (map marks, "proposals open"), the provinces page, the form page |
//!
//! Never affected by an edit that keeps the file: `sitemap.xml` (the same pages, sorted by
//! URL), the Atom feeds (news only), `robots.txt`, `404.html`, the search page (province and
//! topic names only), news and other pages, theme files and locator images.
//!
//! The search index (`pagefind/`, feature `search`) is not rebuilt on this path: it takes
//! seconds at 10,000 issues. It keeps the last full build's records (an edited title is found
//! under its old words) until the next full rebuild, which any non-issue change, or restarting
//! `serve`, triggers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use time::Date;
use winner_catalog::{IssueStatus, Lang};

use crate::content::reload::{self, Index, IssueKey, Reload, Swap};
use crate::content::{Diagnostics, Issue, Site};
use crate::pipeline::{Inputs, Kept, Problems};
use crate::render::map::Locator;
use crate::render::pages::Spec;
use crate::render::{self, RenderError, Subset, Theme};

/// What `serve` keeps of the last good full build to update it.
pub struct Live {
    site: Site,
    theme: Theme,
    index: Index,
    warnings: Diagnostics,
    options: render::Options,
    /// The province locator images: they depend on the theme and the province codes only,
    /// which an update never changes, and making them is a tenth of an update's time.
    locators: Option<BTreeMap<String, Locator>>,
    as_of: Option<Date>,
    /// The content folder as given, and as resolved (watchers report either form).
    content_dirs: Vec<PathBuf>,
    /// Issues whose last reload failed: the site holds their last good version, so every
    /// later update reloads them too.
    dirty: BTreeSet<IssueKey>,
}

/// What to do about a set of changed paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Nothing a build reads changed.
    Nothing,
    /// Reload these issues alone.
    Issues(BTreeSet<IssueKey>),
    /// Rebuild everything (the reason, for the log).
    Full(String),
}

/// The outcome of [`Live::update`].
#[derive(Debug)]
pub enum Update {
    /// The site is updated; write these files.
    Rendered(Updated),
    /// The edit has errors (reported as a full build would); the site is unchanged.
    Failed(Problems),
    /// The change needs a full rebuild (the reason, for the log).
    Full(String),
}

/// Files of an incremental rebuild.
#[derive(Debug)]
pub struct Updated {
    /// Output path (relative to the output folder) and bytes of every file rendered again.
    pub files: Vec<(String, Vec<u8>)>,
    /// The warnings of the reloaded files.
    pub warnings: Diagnostics,
}

impl Live {
    /// Keeps what a full build of `inputs` loaded.
    pub fn new(kept: Kept, inputs: &Inputs) -> Live {
        let mut content_dirs = vec![inputs.content_dir.clone()];
        if let Ok(resolved) = std::fs::canonicalize(&inputs.content_dir) {
            content_dirs.push(resolved);
        }
        // A failure here would have failed the full build that produced `kept`; without
        // locators every update falls back to a full rebuild (see `update`).
        let locators = render::context::locators_for(&kept.built.site, &kept.theme).ok();
        Live {
            locators,
            site: kept.built.site,
            warnings: kept.built.warnings,
            theme: kept.theme,
            index: kept.index,
            options: kept.options,
            as_of: inputs.as_of,
            content_dirs,
            dirty: BTreeSet::new(),
        }
    }

    /// The site as last updated.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Decides what the changed paths (as the watcher reports them) need (see the module
    /// docs).
    pub fn plan(&self, changed: &[PathBuf]) -> Plan {
        let mut keys = BTreeSet::new();
        for path in changed {
            let Some(rel) = self
                .content_dirs
                .iter()
                .find_map(|dir| path.strip_prefix(dir).ok())
            else {
                return Plan::Full(format!("`{}` changed", path.display()));
            };
            if rel.as_os_str().is_empty() || is_hidden(rel) {
                continue;
            }
            match (self.index.contains(rel), path.is_file()) {
                (true, true) => match IssueKey::of_path(rel) {
                    Some(key) => {
                        keys.insert(key);
                    }
                    None => return Plan::Full(format!("`{}` changed", rel.display())),
                },
                (true, false) => {
                    return Plan::Full(format!("`{}` was removed or renamed", rel.display()));
                }
                (false, true) => return Plan::Full(format!("`{}` is new", rel.display())),
                (false, false) if path.is_dir() || self.index.has_files_under(rel) => {
                    return Plan::Full(format!("the folder `{}` changed", rel.display()));
                }
                (false, false) => {}
            }
        }
        if keys.is_empty() {
            return Plan::Nothing;
        }
        keys.extend(self.dirty.iter().cloned());
        Plan::Issues(keys)
    }

    /// Reloads the issues `keys` and renders the pages that depend on them (see the module
    /// docs).
    pub fn update(&mut self, keys: BTreeSet<IssueKey>) -> Update {
        if winner_catalog::clock::today(self.as_of) != self.options.today {
            return Update::Full("a new day began (proposal windows)".into());
        }
        if self.locators.is_none() {
            return Update::Full("the province locator images are missing".into());
        }
        let started = std::time::Instant::now();
        let reloaded = reload::reload_issues(
            &mut self.site,
            &mut self.index,
            &self.warnings,
            &self.content_dirs[0],
            &keys,
        );
        let (swaps, warnings) = match reloaded {
            Reload::Unsupported(reason) => return Update::Full(reason),
            Reload::Failed(diagnostics) => {
                self.dirty = keys;
                return Update::Failed(Problems {
                    diagnostics,
                    render: Vec::new(),
                });
            }
            Reload::Applied { swaps, warnings } => (swaps, warnings),
        };
        tracing::debug!(
            "reloaded in {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        let rendered = {
            let subset = affected(&self.site, &swaps);
            let out = Mutex::new(Vec::new());
            let sink = |p, b| {
                out.lock()
                    .map_err(|_| RenderError::Output("a render thread panicked".into()))?
                    .push((p, b));
                Ok(())
            };
            let locators = self.locators.as_ref().ok_or_else(|| {
                RenderError::Output("the province locator images are missing".into())
            });
            locators
                .and_then(|l| {
                    render::render_subset(&self.site, &self.theme, &self.options, &subset, l, &sink)
                })
                .and_then(|()| {
                    out.into_inner()
                        .map_err(|_| RenderError::Output("a render thread panicked".into()))
                })
        };
        tracing::debug!(
            "rendered in {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        match rendered {
            Ok(mut files) => {
                files.sort();
                let paths: BTreeSet<PathBuf> = keys.iter().flat_map(IssueKey::paths).collect();
                let mut own = Diagnostics::new();
                own.extend(warnings.iter().filter(|d| paths.contains(&d.path)).cloned());
                self.warnings = warnings;
                self.dirty.clear();
                Update::Rendered(Updated {
                    files,
                    warnings: own,
                })
            }
            Err(e) => {
                reload::undo(&mut self.site, swaps);
                self.dirty = keys;
                Update::Failed(Problems {
                    diagnostics: warnings,
                    render: vec![e],
                })
            }
        }
    }
}

/// Whether a path inside the content folder is skipped by the load (a hidden file or folder).
fn is_hidden(rel: &Path) -> bool {
    rel.components().any(|c| match c {
        Component::Normal(name) => name.to_str().is_some_and(|s| s.starts_with('.')),
        _ => false,
    })
}

/// The pages (and side outputs) that depend on the swapped issues: the table in the module
/// docs.
pub(crate) fn affected<'a>(site: &'a Site, swaps: &[Swap]) -> Subset<'a> {
    let mut issue_pages: BTreeSet<(usize, &str)> = BTreeSet::new();
    let mut province_pages: BTreeSet<usize> = BTreeSet::new();
    let mut every_issue_of: BTreeSet<usize> = BTreeSet::new();
    let mut topic_pages: BTreeSet<String> = BTreeSet::new();
    let (mut home, mut provinces, mut topics, mut every_province) = (false, false, false, false);
    let (mut form, mut catalog) = (false, false);
    for s in swaps {
        let Some(new) = reload::find(site, s.province, &s.old.slug) else {
            continue;
        };
        let old = &s.old;
        issue_pages.insert((s.province, new.slug.as_str()));
        if card(old) != card(new) {
            province_pages.insert(s.province);
            topic_pages.insert(old.facts.topic.clone());
            topic_pages.insert(new.facts.topic.clone());
        }
        if entry(old) != entry(new) {
            form = true;
            catalog = true;
        }
        if old.facts.topic != new.facts.topic {
            (home, topics, every_province) = (true, true, true);
        }
        if old.facts.status != new.facts.status {
            (home, provinces) = (true, true);
        }
    }
    let changed: BTreeSet<usize> = swaps.iter().map(|s| s.province).collect();
    for at in changed {
        let Some(p) = site.provinces.get(at) else {
            continue;
        };
        let after = p.issues.iter().any(validated);
        let before = p.issues.iter().any(|i| {
            let was = swaps
                .iter()
                .find(|s| s.province == at && s.old.slug == i.slug)
                .map_or(i, |s| &s.old);
            validated(was)
        });
        if before != after {
            every_issue_of.insert(at);
            province_pages.insert(at);
            (home, provinces, form) = (true, true, true);
        }
    }
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        if home {
            pages.push(Spec::Home(lang));
        }
        if provinces {
            pages.push(Spec::Provinces(lang));
        }
        if topics {
            pages.push(Spec::Topics(lang));
        }
        if form {
            pages.push(Spec::Form(lang));
        }
        for (at, p) in site.provinces.iter().enumerate() {
            if every_province || province_pages.contains(&at) {
                pages.push(Spec::Province(p, lang));
            }
            for i in &p.issues {
                if every_issue_of.contains(&at) || issue_pages.contains(&(at, i.slug.as_str())) {
                    pages.push(Spec::Issue(p, i, lang));
                }
            }
        }
        for t in site.topics.iter().filter(|t| topic_pages.contains(&t.slug)) {
            pages.push(Spec::Topic(t, lang));
        }
    }
    Subset { pages, catalog }
}

/// What an issue's card, its list entries and its catalog entry show: the Indonesian and
/// English title and summary, topic, status and validation date.
type Card<'i> = (
    (&'i Option<String>, &'i Option<String>),
    Option<(&'i Option<String>, &'i Option<String>)>,
    &'i str,
    IssueStatus,
    Option<Date>,
);

/// The [`Card`] of an issue.
fn card(i: &Issue) -> Card<'_> {
    let en = i.words.en.as_ref();
    (
        (&i.words.id.title, &i.words.id.summary),
        en.map(|w| (&w.title, &w.summary)),
        &i.facts.topic,
        i.facts.status,
        i.facts.validated_on,
    )
}

/// What the form page and `catalog.json` show of an issue: its titles, topic and status.
fn entry(i: &Issue) -> (&Option<String>, Option<&Option<String>>, &str, IssueStatus) {
    (
        &i.words.id.title,
        i.words.en.as_ref().map(|w| &w.title),
        &i.facts.topic,
        i.facts.status,
    )
}

fn validated(i: &Issue) -> bool {
    i.facts.status == IssueStatus::Validated
}
