//! What the server tells open pages, and why it could not run.

use serde::Serialize;

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Socket, runtime or temporary folder trouble.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The error.
        source: std::io::Error,
    },
    /// The file watcher could not start.
    #[error("cannot watch for changes: {0}")]
    Watch(String),
}

/// The state of the latest build, as sent to open pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Status {
    /// Increases with every build attempt.
    pub generation: u64,
    /// The error of the latest attempt, if it failed.
    pub error: Option<String>,
}
