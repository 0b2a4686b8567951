//! Watching the content and theme folders: debounced (200 ms), each burst of changes triggers
//! one full rebuild from scratch; a failed rebuild keeps the last good site served.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::{ServeError, Status, build_once};
use crate::pipeline::Inputs;

/// The running watcher; dropping it stops watching (and ends the rebuild thread).
pub(super) type Watcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Starts watching `inputs`' folders; rebuilds into `out` and publishes each outcome.
pub(super) fn spawn(
    inputs: Inputs,
    out: PathBuf,
    status: tokio::sync::watch::Sender<Status>,
) -> Result<Watcher, ServeError> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(200), None, tx)
        .map_err(|e| ServeError::Watch(e.to_string()))?;
    for dir in [&inputs.content_dir, &inputs.theme_dir] {
        debouncer
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| ServeError::Watch(format!("{}: {e}", dir.display())))?;
    }
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            // Coalesce everything that arrived meanwhile into one rebuild.
            let mut batches = vec![first];
            batches.extend(rx.try_iter());
            let changed: Vec<String> = batches
                .iter()
                .filter_map(|b| b.as_ref().ok())
                .flatten()
                .filter(|e| is_change(&e.kind))
                .flat_map(|e| e.paths.iter())
                .map(|p| p.display().to_string())
                .collect();
            let Some(first_path) = changed.first() else {
                continue;
            };
            match changed.len() {
                1 => tracing::info!("changed: {first_path}"),
                n => tracing::info!("changed: {first_path} and {} more", n - 1),
            }
            let outcome = build_once(&inputs, &out);
            status.send_modify(|s| {
                s.generation += 1;
                s.error = outcome.err();
            });
        }
    });
    Ok(debouncer)
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
