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
//! What depends on an issue, and so what an update renders again, is
//! [`Jobs::for_issues`](crate::render::Jobs::for_issues), next to the page builders it
//! describes. The search index (`pagefind/`, feature `search`) is not rebuilt on this path:
//! it takes seconds at 10,000 issues, and the edited page must show within 100 ms. Instead
//! [`Live::search_snapshot`] hands a copy of the updated site to [`super::search`], which
//! writes the whole index again on a thread of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use time::Date;

use crate::content::reload::{self, Index, IssueKey, Reload};
use crate::content::{Diagnostics, Issue, Site};
use crate::output::Memory;
use crate::pipeline::{Build, Inputs, Problems};
use crate::render::context::{Env, locators_for};
use crate::render::map::Locator;
use crate::render::{self, Jobs, Stopped};
use crate::theme::Theme;

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
    /// The threads updates render on, apart from rayon's global pool: the background search
    /// indexer keeps that pool busy for seconds (Pagefind's parallel parts run there), and an
    /// update queued behind it took seconds instead of milliseconds. `None` if the threads
    /// could not be started (updates then share the global pool).
    pool: Option<Arc<rayon::ThreadPool>>,
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
    pub fn new(kept: Build, inputs: &Inputs) -> Live {
        let mut content_dirs = vec![inputs.content_dir.clone()];
        if let Ok(resolved) = std::fs::canonicalize(&inputs.content_dir) {
            content_dirs.push(resolved);
        }
        // A failure here would have failed the full build that produced `kept`; without
        // locators every update falls back to a full rebuild (see `update`).
        let locators = locators_for(&kept.site, &kept.theme).ok();
        Live {
            locators,
            site: kept.site,
            warnings: kept.warnings,
            theme: kept.theme,
            index: kept.index,
            options: kept.options,
            as_of: inputs.as_of,
            content_dirs,
            dirty: BTreeSet::new(),
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(rayon::current_num_threads())
                .thread_name(|i| format!("serve-update-{i}"))
                .build()
                .ok()
                .map(Arc::new),
        }
    }

    /// The site as last updated.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// What [`super::search`] needs to index the site as last updated, on another thread
    /// (`None` without the province locators, when every update is a full rebuild anyway).
    pub fn search_snapshot(&self) -> Option<super::search::Snapshot> {
        Some(super::search::Snapshot {
            site: self.site.clone(),
            theme: self.theme.clone(),
            options: self.options.clone(),
            locators: self.locators.clone()?,
        })
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
        match self.pool.clone() {
            Some(pool) => pool.install(|| self.update_here(keys)),
            None => self.update_here(keys),
        }
    }

    /// [`Live::update`] on the current thread (its parallel parts on the current pool).
    fn update_here(&mut self, keys: BTreeSet<IssueKey>) -> Update {
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
        let rendered = match self.locators.clone() {
            None => return Update::Full("the province locator images are missing".into()),
            Some(locators) => {
                let changed: Vec<(usize, &Issue)> =
                    swaps.iter().map(|s| (s.province, &s.old)).collect();
                let memory = Memory::new();
                Env::with_locators(&self.site, &self.theme, &self.options, locators)
                    .map_err(Stopped::from)
                    .and_then(|env| {
                        render::render_jobs(&env, &Jobs::for_issues(&self.site, &changed), &memory)
                    })
                    .map(|()| memory.into_output())
            }
        };
        tracing::debug!(
            "rendered in {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        match rendered {
            Ok(files) => {
                let files: Vec<(String, Vec<u8>)> = files.into_iter().collect();
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
                match e {
                    Stopped::Render(e) => Update::Failed(Problems {
                        diagnostics: warnings,
                        render: vec![e],
                    }),
                    // A sink in memory refuses only a path no page has; rebuild in full.
                    Stopped::Output(e) => Update::Full(e.to_string()),
                }
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
