//! Keeps `serve`'s search index up to date after incremental updates.
//!
//! An incremental update renders only the pages an edit touched, within milliseconds; the
//! search index covers every page and takes seconds on a large site. So the rebuild thread
//! hands a [`Snapshot`] of the updated site to [`Refresher`], whose own thread writes the
//! whole index again into the served folder. Snapshots that arrive while one is being
//! indexed are coalesced into the newest. A full rebuild writes its own index: it calls
//! [`Refresher::invalidate`] and holds the returned guard while it builds, so an index of an
//! older snapshot can never overwrite the newer one.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::time::Instant;

use crate::content::Site;
use crate::output::{InPlace, Sink};
use crate::render::map::Locator;
use crate::render::{Options, context::Env};
use crate::theme::Theme;

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
                // Only the newest snapshot matters.
                while let Ok(newer) = queue.try_recv() {
                    next = newer;
                }
                let (asked, snapshot) = next;
                index(&out, asked, snapshot, &current, &lock);
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
    let files = Env::with_locators(&site, &theme, &options, locators)
        .and_then(|env| crate::render::search_index(&env, &site));
    let files = match files {
        Ok(f) => f,
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
