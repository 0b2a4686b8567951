//! Keeps `serve`'s search index up to date after incremental updates.
//!
//! An incremental update renders only the pages an edit touched, within milliseconds; the
//! search index covers every page and takes seconds on a large site. So the rebuild thread
//! hands a [`Snapshot`] of the updated site to [`Refresher`], whose own thread writes the
//! whole index again into the served folder. Snapshots that arrive while one is being
//! indexed are coalesced into the newest. A full rebuild writes its own index: it calls
//! [`Refresher::invalidate`] and holds the returned guard while it builds, so an index of an
//! older snapshot can never overwrite the newer one.
//!
//! The index competes with the page updates for the same cores (two, on the benchmark
//! machine, where indexing 10,000 issues takes about 12 s), and an editor waits for the page,
//! not for search. So the indexer starts only once no edit has come for [`QUIET`], and an
//! edit that comes while it runs ([`Refresher::interrupt`], called before the page update)
//! stops it at its next step: its index would be dropped as stale anyway.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

use crate::content::Site;
use crate::output::{InPlace, Sink};
use crate::render::map::Locator;
use crate::render::{Options, context::Env};
use crate::theme::Theme;

/// How long the indexer waits after the last edit of a burst before it starts: longer than
/// the gap between saves of someone editing in quick succession (the studio saves both
/// language files of an issue at once; `bench/serve_edit.py` edits every ~0.4 s), short
/// enough that a search finds the edit within 2 s on the real content
/// (`tests/e2e/serve-search.test.mjs`).
const QUIET: Duration = Duration::from_millis(500);

/// What indexing the site needs, owned, so that it can move to another thread.
pub struct Snapshot {
    pub(super) site: Site,
    pub(super) theme: Theme,
    pub(super) options: Options,
    pub(super) locators: BTreeMap<String, Locator>,
}

/// The background indexer (see the module docs).
pub(super) struct Refresher {
    requests: mpsc::Sender<(u64, Snapshot)>,
    generation: Arc<AtomicU64>,
    writing: Arc<Mutex<()>>,
}

impl Refresher {
    /// Starts the indexing thread, writing into the served folder `out`. The thread ends
    /// when the refresher is dropped.
    pub(super) fn start(out: PathBuf) -> Refresher {
        let (requests, queue) = mpsc::channel::<(u64, Snapshot)>();
        let generation = Arc::new(AtomicU64::new(0));
        let writing = Arc::new(Mutex::new(()));
        let (current, lock) = (Arc::clone(&generation), Arc::clone(&writing));
        std::thread::spawn(move || {
            while let Ok(mut next) = queue.recv() {
                // Only the newest snapshot matters; wait for the edits to pause.
                while let Ok(newer) = queue.recv_timeout(QUIET) {
                    next = newer;
                }
                let (asked, snapshot) = next;
                // An edit that began during the pause brings its own snapshot.
                if current.load(Ordering::SeqCst) == asked {
                    index(&out, asked, snapshot, &current, &lock);
                }
            }
        });
        Refresher {
            requests,
            generation,
            writing,
        }
    }

    /// Asks for the index of `snapshot` (the site after an incremental update).
    pub(super) fn request(&self, snapshot: Snapshot) {
        if !cfg!(feature = "search") {
            return;
        }
        let asked = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        // The thread ends only with the refresher, so a send cannot fail while it lives.
        let _ = self.requests.send((asked, snapshot));
    }

    /// Makes every pending or running index stale, so that it stops at its next step: an
    /// edit is about to be rendered, and [`Refresher::request`] follows with its snapshot.
    pub(super) fn interrupt(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Makes every pending or running index stale and keeps it from writing until the
    /// guard is dropped: a full rebuild holds it while it writes its own index.
    pub(super) fn invalidate(&self) -> MutexGuard<'_, ()> {
        let guard = self
            .writing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.generation.fetch_add(1, Ordering::SeqCst);
        guard
    }
}

/// Indexes `snapshot` and writes the files, unless a newer request or a full rebuild came
/// in meanwhile.
fn index(
    out: &std::path::Path,
    asked: u64,
    snapshot: Snapshot,
    current: &AtomicU64,
    writing: &Mutex<()>,
) {
    let started = Instant::now();
    let Snapshot {
        site,
        theme,
        options,
        locators,
    } = snapshot;
    let wanted = || current.load(Ordering::SeqCst) == asked;
    let files = Env::with_locators(&site, &theme, &options, locators)
        .and_then(|env| crate::render::search_index(&env, &site, &wanted));
    let files = match files {
        Ok(Some(f)) => f,
        Ok(None) => {
            tracing::debug!(
                "search index of an older update stopped after {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
            return;
        }
        Err(e) => {
            // The pages are served as updated; only search lags until the next full build.
            tracing::warn!("the search index was not updated: {e}");
            return;
        }
    };
    let _guard = writing
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if current.load(Ordering::SeqCst) != asked {
        tracing::debug!("search index of an older update dropped");
        return;
    }
    let sink = InPlace::new(out);
    for (path, bytes) in files {
        if let Err(e) = sink.put(path, bytes) {
            tracing::warn!("the search index was not updated: {e}");
            return;
        }
    }
    tracing::info!(
        "search index updated in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
}
