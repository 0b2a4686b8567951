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
//! stops it at its next step: its index would be dropped as stale anyway. The edit's own
//! snapshot follows ([`Refresher::request`]); if the edit fails, the site is unchanged and
//! the stopped index is asked for again, but no index is asked for when none was owed.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard};
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
    /// The generation of the last request, and of the last one written (or failed for good):
    /// while they differ an index is owed, and [`Refresher::interrupt`] says so to its caller,
    /// which must then ask again even if its edit fails. The indexing thread sets `settled`
    /// in the order of the requests; a full rebuild sets it to the last request.
    requested: Arc<AtomicU64>,
    settled: Arc<AtomicU64>,
}

impl Refresher {
    /// Starts the indexing thread, writing into the served folder `out`. The thread ends
    /// when the refresher is dropped.
    pub(super) fn start(out: PathBuf) -> Refresher {
        let (requests, queue) = mpsc::channel::<(u64, Snapshot)>();
        let generation = Arc::new(AtomicU64::new(0));
        let writing = Arc::new(Mutex::new(()));
        let (requested, settled) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let (current, lock, done) = (
            Arc::clone(&generation),
            Arc::clone(&writing),
            Arc::clone(&settled),
        );
        std::thread::spawn(move || {
            while let Ok(mut next) = queue.recv() {
                // Only the newest snapshot matters; wait for the edits to pause.
                loop {
                    match queue.recv_timeout(QUIET) {
                        Ok(newer) => next = newer,
                        Err(RecvTimeoutError::Timeout) => break,
                        // serve is stopping: nobody will read this index.
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                let (asked, snapshot) = next;
                // An edit that began during the pause brings its own snapshot.
                if current.load(Ordering::SeqCst) == asked
                    && index(&out, asked, snapshot, &current, &lock)
                {
                    done.store(asked, Ordering::SeqCst);
                }
            }
        });
        Refresher {
            requests,
            generation,
            writing,
            requested,
            settled,
        }
    }

    /// Asks for the index of `snapshot` (the site after an incremental update).
    pub(super) fn request(&self, snapshot: Snapshot) {
        if !cfg!(feature = "search") {
            return;
        }
        let asked = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.requested.store(asked, Ordering::SeqCst);
        // The thread ends only with the refresher, so a send cannot fail while it lives.
        let _ = self.requests.send((asked, snapshot));
    }

    /// Makes every pending or running index stale, so that it stops at its next step: an
    /// edit is about to be rendered. Returns whether an index was owed (pending, running or
    /// stopped so far): then the caller asks again after its edit even if the edit failed
    /// and the site is unchanged, or the index would stay behind the pages.
    pub(super) fn interrupt(&self) -> bool {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.settled.load(Ordering::SeqCst) != self.requested.load(Ordering::SeqCst)
    }

    /// Makes every pending or running index stale and keeps it from writing until the
    /// guard is dropped: a full rebuild holds it while it writes its own index.
    pub(super) fn invalidate(&self) -> MutexGuard<'_, ()> {
        let guard = self
            .writing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.generation.fetch_add(1, Ordering::SeqCst);
        // The full rebuild writes the index of the site it builds: nothing is owed.
        self.settled
            .store(self.requested.load(Ordering::SeqCst), Ordering::SeqCst);
        guard
    }
}

/// Indexes `snapshot` and writes the files, unless a newer request or a full rebuild came
/// in meanwhile. Returns whether the request is settled: written, or failed in a way that
/// asking again for the same site would repeat; `false` if it stopped or was dropped as stale.
fn index(
    out: &std::path::Path,
    asked: u64,
    snapshot: Snapshot,
    current: &AtomicU64,
    writing: &Mutex<()>,
) -> bool {
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
            return false;
        }
        Err(e) => {
            // The pages are served as updated; only search lags until the next full build.
            tracing::warn!("the search index was not updated: {e}");
            return true;
        }
    };
    let _guard = writing
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if current.load(Ordering::SeqCst) != asked {
        tracing::debug!("search index of an older update dropped");
        return false;
    }
    let sink = InPlace::new(out);
    for (path, bytes) in files {
        if let Err(e) = sink.put(path, bytes) {
            tracing::warn!("the search index was not updated: {e}");
            return true;
        }
    }
    tracing::info!(
        "search index updated in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    true
}

#[cfg(all(test, feature = "search"))]
mod tests {
    use super::*;
    use crate::output::Memory;
    use crate::pipeline::{self, Inputs};

    /// What serve hands the indexer after an update, for the bundled content.
    fn snapshot() -> Snapshot {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let inputs = Inputs {
            content_dir: root.join("content"),
            theme_dir: root.join("themes/default"),
            base_url: None,
            submit_url: None,
            as_of: None,
            search_index: false,
        };
        let Ok(kept) = pipeline::build(&inputs, &Memory::new()) else {
            panic!("the bundled content builds");
        };
        let locators =
            crate::render::context::locators_for(&kept.site, &kept.theme).expect("locators");
        Snapshot {
            site: kept.site,
            theme: kept.theme,
            options: kept.options,
            locators,
        }
    }

    /// An index is owed from its request until it is written; an edit during the quiet wait
    /// stops it without writing it, and it stays owed, so a failed edit asks for it again.
    #[test]
    fn an_index_stays_owed_until_it_is_written() {
        let out = tempfile::tempdir().expect("tempdir");
        let entry = out.path().join("pagefind/pagefind-entry.json");
        let refresher = Refresher::start(out.path().to_path_buf());
        assert!(!refresher.interrupt(), "nothing asked for yet");

        refresher.request(snapshot());
        assert!(
            refresher.interrupt(),
            "owed while it waits for the edits to pause"
        );
        std::thread::sleep(QUIET * 3);
        assert!(!entry.exists(), "the stopped index was not written");
        assert!(refresher.interrupt(), "still owed once stopped");

        refresher.request(snapshot());
        let deadline = Instant::now() + Duration::from_secs(120);
        while refresher.settled.load(Ordering::SeqCst) != refresher.requested.load(Ordering::SeqCst)
        {
            assert!(
                Instant::now() < deadline,
                "the index was not written in 120 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(entry.is_file(), "the index is written");
        assert!(!refresher.interrupt(), "nothing owed once written");
    }

    /// Pagefind is given the records in steps so that serve can stop between them; the steps
    /// change nothing (here rather than in render/, whose tests load no site).
    #[test]
    fn the_index_is_the_same_in_steps_of_any_size() {
        let Snapshot {
            site,
            theme,
            options,
            locators,
        } = snapshot();
        let env = Env::with_locators(&site, &theme, &options, locators).expect("env");
        let index = |step| {
            crate::render::search_index_in_steps(&env, &site, step)
                .expect("index")
                .expect("wanted")
        };
        let whole = index(usize::MAX);
        let fragments = whole.keys().filter(|p| p.contains("/fragment/")).count();
        assert!(fragments > 20, "{fragments} records");
        assert!(whole == index(7), "7 records at a time");
        assert!(whole == index(1), "one record at a time");
    }
}
