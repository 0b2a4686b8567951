//! Watching the content and theme folders, and rebuilding.
//!
//! Events come straight from `notify` and are coalesced here in two steps. A burst of events
//! ends after [`QUICK`] without a new one (editors' saves, a truncate and a write, or a write
//! to a temporary file and a rename, arrive within a few milliseconds). When the burst touched
//! only issue files, they are reloaded and their pages re-rendered at once
//! ([`super::incremental`]), written in place into the served folder. Anything else waits
//! until [`SETTLE`] passes without an event (a `git checkout` or a theme edit touches many
//! files), then rebuilds everything from scratch, as before. Either way a failed rebuild keeps
//! the last good site served, and each outcome is published for live reload. After an
//! incremental update the search index is written again in the background
//! ([`super::search`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use super::full::build_once;
use super::incremental::{Live, Plan, Update};
use super::search::Refresher;
use super::state::{ServeError, Status};
use crate::messages::{self, Lang};
use crate::output::{InPlace, Sink};
use crate::pipeline::Inputs;

/// Quiet time that ends a burst of events.
const QUICK: Duration = Duration::from_millis(10);

/// Quiet time before a full rebuild.
const SETTLE: Duration = Duration::from_millis(200);

/// The running watcher; dropping it stops watching (and ends the rebuild thread).
pub(super) type Watcher = RecommendedWatcher;

/// The watcher's events, queued until [`spawn_rebuilds`] handles them.
pub(super) type Events = mpsc::Receiver<notify::Result<Event>>;

/// Starts watching `inputs`' folders; events queue up in the returned receiver.
pub(super) fn start(inputs: &Inputs) -> Result<(Watcher, Events), ServeError> {
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| ServeError::Watch(e.to_string()))?;
    for dir in [&inputs.content_dir, &inputs.theme_dir] {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| ServeError::Watch(format!("{}: {e}", dir.display())))?;
    }
    Ok((watcher, rx))
}

/// Handles `events` on a thread of its own: updates `live` (or rebuilds into `out`) and
/// publishes each outcome. The thread ends when the watcher is dropped.
pub(super) fn spawn_rebuilds(
    rx: Events,
    inputs: Inputs,
    out: PathBuf,
    live: Option<Live>,
    status: tokio::sync::watch::Sender<Status>,
    lang: Lang,
) {
    std::thread::spawn(move || {
        let mut live = live;
        let search = Refresher::start(out.clone());
        while let Ok(first) = rx.recv() {
            let mut burst = Burst::default();
            burst.add(first);
            burst.gather(&rx, QUICK);
            if burst.changed.is_empty() && !burst.lost {
                continue;
            }
            let paths: Vec<PathBuf> = burst.changed.iter().cloned().collect();
            let plan = match &live {
                // The watcher lost events (its queue overflowed): what changed is unknown.
                _ if burst.lost => Plan::Full("the file watcher lost events".into()),
                Some(l) => l.plan(&paths),
                None => Plan::Full("the last build failed".into()),
            };
            let reason = match plan {
                Plan::Nothing => continue,
                Plan::Issues(keys) => {
                    let Some(l) = live.as_mut() else { continue };
                    // The index in progress is of an older site: stop it, so that this
                    // update has the cores.
                    let owed = search.interrupt();
                    match update(l, keys, &inputs.content_dir, &out, lang) {
                        Ok(outcome) => {
                            let updated = outcome.is_ok();
                            publish(&status, outcome, lang);
                            // After a failed edit the site is as before: ask again only for
                            // the index that was stopped or still pending.
                            let copied = Instant::now();
                            let snapshot = (updated || owed).then(|| l.search_snapshot());
                            if let Some(snapshot) = snapshot.flatten() {
                                tracing::debug!(
                                    "site copied for the search index in {:.1} ms",
                                    copied.elapsed().as_secs_f64() * 1e3
                                );
                                search.request(snapshot);
                            }
                            continue;
                        }
                        Err(reason) => reason,
                    }
                }
                Plan::Full(reason) => {
                    burst.gather(&rx, SETTLE);
                    reason
                }
            };
            log_changed(&burst.changed);
            tracing::info!("full rebuild: {reason}");
            // The full build writes its own index; an older background one must not follow it.
            let writing = search.invalidate();
            let (outcome, kept) = build_once(&inputs, &out, lang);
            drop(writing);
            live = kept;
            publish(&status, outcome, lang);
        }
    });
}

/// An incremental rebuild: `Ok` with its outcome, or `Err` with why a full one is needed.
fn update(
    live: &mut Live,
    keys: BTreeSet<crate::content::reload::IssueKey>,
    content_dir: &Path,
    out: &Path,
    lang: Lang,
) -> Result<Result<String, String>, String> {
    let started = Instant::now();
    let names: Vec<String> = keys
        .iter()
        .map(|k| format!("{}/{}", k.province, k.slug))
        .collect();
    match live.update(keys) {
        Update::Full(reason) => Err(reason),
        Update::Failed(problems) => {
            let report = format!(
                "{}\n{}",
                problems.report(content_dir, lang),
                problems.summary(lang)
            );
            eprintln!("{report}\n{}", messages::text(lang, "serve-failed", &[]));
            Ok(Err(report))
        }
        Update::Rendered(updated) => {
            if !updated.warnings.is_empty() {
                eprintln!("{}", updated.warnings.render(content_dir, lang));
            }
            let sink = InPlace::new(out);
            let written = updated
                .files
                .iter()
                .try_for_each(|(path, bytes)| sink.put(path.clone(), bytes.clone()));
            if let Err(e) = written {
                let error = e.to_string();
                eprintln!(
                    "{}",
                    messages::text(lang, "serve-write-failed", &[("error", error.into())])
                );
                return Err(format!("writing the update failed ({e})"));
            }
            let line = messages::text(
                lang,
                "serve-updated",
                &[
                    ("names", names.join(", ").into()),
                    ("files", updated.files.len().into()),
                    (
                        "ms",
                        format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0).into(),
                    ),
                ],
            );
            eprintln!("{line}");
            Ok(Ok(line))
        }
    }
}

/// Publishes a build outcome to open pages.
fn publish(
    status: &tokio::sync::watch::Sender<Status>,
    outcome: Result<String, String>,
    lang: Lang,
) {
    status.send_modify(|s| {
        s.generation += 1;
        s.error = outcome.err().map(|e| super::livereload::overlay(lang, &e));
    });
}

/// The events of one burst.
#[derive(Default)]
struct Burst {
    /// Paths whose change affects what a build reads.
    changed: BTreeSet<PathBuf>,
    /// Whether events were lost (the watcher says to rescan, or reported an error).
    lost: bool,
}

impl Burst {
    /// Adds more events until `quiet` passes without one.
    fn gather(&mut self, rx: &Events, quiet: Duration) {
        while let Ok(event) = rx.recv_timeout(quiet) {
            self.add(event);
        }
    }

    /// Adds the paths of `event` if it changes what a build reads.
    fn add(&mut self, event: notify::Result<Event>) {
        match event {
            Ok(e) if e.need_rescan() => self.lost = true,
            Ok(e) if is_change(&e.kind) => self.changed.extend(e.paths),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!("watching: {e}");
                self.lost = true;
            }
        }
    }
}

fn log_changed(changed: &BTreeSet<PathBuf>) {
    let Some(first) = changed.first() else { return };
    match changed.len() {
        1 => tracing::info!("changed: {}", first.display()),
        n => tracing::info!("changed: {} and {} more", first.display(), n - 1),
    }
}

/// Whether an event changes what a build reads (our own reads raise access events, which
/// must not trigger another rebuild).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}
