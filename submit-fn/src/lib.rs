//! submit-fn: accepts Kompetisi WiNNER proposals and stores them in DynamoDB.
//!
//! One axum [`Router`] ([`app`]) serves both inside AWS Lambda (through `lambda_http::run`,
//! API Gateway HTTP API / Function URL payload 2.0) and as a local server ([`serve`]).
//! The protocol is `docs/submit-api.md`; the catalog contract is `docs/catalog.md`.
//!
//! Modules follow the data: [`config`] (environment), [`http`] (routes, parsing, responses:
//! the edge), [`intake`] (the use case between the edge and the parts), [`validate`] (pure rules from the catalog), [`reference`] (idempotency keys and reference
//! codes), [`abuse`] (honeypot, fill time, rate limit, client hash), [`store`] (DynamoDB, the
//! table's key design), [`messages`] (Indonesian and English texts), [`export`] (the
//! reviewers' CSV / JSON Lines export), [`outbox`] (the receipt and organiser notice, sent
//! through a transactional outbox with SES), and the private link (#18): [`capability`] (its
//! secret, never stored in clear), [`status`] (statuses and history), [`link`] (the use case
//! behind the link: see, correct, withdraw, send again), [`review`] (the organiser's statuses).

pub mod abuse;
pub mod capability;
pub mod config;
pub mod export;
pub mod http;
pub mod intake;
pub mod link;
pub mod messages;
pub mod outbox;
pub mod reference;
pub mod review;
mod state;
pub mod status;
pub mod store;
pub mod validate;

use std::path::Path;

use axum::Router;
use winner_catalog::Catalog;

pub use state::AppState;

/// The one router, for Lambda and local serving alike.
pub fn app(state: AppState) -> Router {
    http::router(state)
}

pub use http::serve::Limits;

/// Serves `app` on `listener` within the default [`Limits`] (header and body read timeouts, a
/// connection cap), with the socket peer available to handlers (the client IP outside Lambda).
/// Runs until the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    http::serve::serve(listener, app, Limits::default()).await
}

/// [`serve`] within other `limits`.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: Limits,
) -> std::io::Result<()> {
    http::serve::serve(listener, app, limits).await
}

/// Why start-up failed.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Configuration.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// The catalog file could not be read.
    #[error("cannot read the catalog `{path}`: {source}")]
    ReadCatalog {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The catalog is not usable.
    #[error("the catalog `{path}` is not usable: {source}")]
    Catalog {
        /// The file.
        path: String,
        /// The cause.
        source: winner_catalog::CatalogError,
    },
}

/// Reads and checks `catalog.json`.
pub fn load_catalog(path: &Path) -> Result<Catalog, StartError> {
    let text = std::fs::read_to_string(path).map_err(|source| StartError::ReadCatalog {
        path: path.display().to_string(),
        source,
    })?;
    Catalog::from_json(&text).map_err(|source| StartError::Catalog {
        path: path.display().to_string(),
        source,
    })
}

/// Logging: tracing to stderr, JSON inside Lambda, compact text locally.
pub mod logging {
    use tracing_subscriber::EnvFilter;

    /// Dependencies whose debug output could contain request contents (the AWS SDK can log
    /// items it sends) are held at `warn` whatever `RUST_LOG` says.
    pub const CAPPED: [&str; 8] = [
        "aws_smithy_runtime=warn",
        "aws_smithy_http_client=warn",
        "aws_sdk_dynamodb=warn",
        "aws_sdk_sesv2=warn",
        "aws_config=warn",
        "hyper=warn",
        "lambda_runtime=info",
        "lambda_http=info",
    ];

    /// The filter: `rust_log` (the `RUST_LOG` value) or `info`, with [`CAPPED`] applied.
    pub fn filter(rust_log: Option<&str>) -> EnvFilter {
        let mut f = rust_log
            .and_then(|s| EnvFilter::try_new(s).ok())
            .unwrap_or_else(|| EnvFilter::new("info"));
        for d in CAPPED {
            if let Ok(d) = d.parse() {
                f = f.add_directive(d);
            }
        }
        f
    }

    /// Installs the global subscriber; `json` inside Lambda.
    pub fn init(json: bool, rust_log: Option<&str>) {
        let builder = tracing_subscriber::fmt()
            .with_env_filter(filter(rust_log))
            .with_writer(std::io::stderr)
            .with_target(false);
        let _ = if json {
            builder.json().flatten_event(true).without_time().try_init()
        } else {
            builder.compact().try_init()
        };
    }
}
