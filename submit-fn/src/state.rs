//! [`AppState`]: what every request shares, built once in `main`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use winner_catalog::Catalog;

use crate::config::{Config, MailConfig};
use crate::store::Store;

/// Shared state: configuration, the catalog, the store. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    config: Config,
    catalog: Catalog,
    store: Store,
    /// The outbox's settings, when email is configured (set once, after [`AppState::new`]).
    mail: OnceLock<MailConfig>,
    local_ids: AtomicU64,
    /// Moving average of a stored submission's time in the store, in microseconds.
    store_time_us: AtomicU64,
}

impl AppState {
    /// Bundles what the handlers need; build the store's client once, before this.
    pub fn new(config: Config, catalog: Catalog, store: Store) -> AppState {
        AppState(Arc::new(Inner {
            config,
            catalog,
            store,
            mail: OnceLock::new(),
            local_ids: AtomicU64::new(0),
            store_time_us: AtomicU64::new(30_000),
        }))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.0.config
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.0.catalog
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// Turns on the outbox: from now on each new proposal is written with its messages.
    /// Only the first call counts.
    pub fn with_mail(self, mail: MailConfig) -> AppState {
        let _ = self.0.mail.set(mail);
        self
    }

    /// The outbox's settings, if email is configured.
    pub fn mail(&self) -> Option<&MailConfig> {
        self.0.mail.get()
    }

    /// How long a stored submission typically waits for the store (a moving average), so
    /// that decoy answers take as long as real ones.
    pub fn typical_store_time(&self) -> std::time::Duration {
        std::time::Duration::from_micros(self.0.store_time_us.load(Ordering::Relaxed))
    }

    /// Adds one stored submission's store time to [`AppState::typical_store_time`].
    pub fn record_store_time(&self, took: std::time::Duration) {
        let took = u64::try_from(took.as_micros())
            .unwrap_or(u64::MAX)
            .min(2_000_000);
        let _ = self
            .0
            .store_time_us
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |old| {
                Some((old * 7 + took) / 8)
            });
    }

    /// A request id for requests that did not come through Lambda.
    pub(crate) fn next_local_id(&self) -> String {
        let n = self.0.local_ids.fetch_add(1, Ordering::Relaxed) + 1;
        format!("local-{}-{n}", std::process::id())
    }
}
