//! `generator serve`: the development server.
//!
//! Builds once into a private temporary folder, serves it on 127.0.0.1 with `ServeDir`, and
//! rebuilds whenever the content or the theme changes ([`watch`]): an edit of issue files
//! reloads just those files and re-renders just the pages that depend on them
//! ([`incremental`]), written in place; anything else rebuilds from scratch. Open pages
//! reload themselves: served HTML (never the `build` output) gets a small script
//! ([`livereload`]) that listens to `/__livereload` (server-sent events). When a rebuild fails
//! the error is printed, the last good site stays served, and open pages show the error in an
//! overlay until the next good build.

mod full;
pub mod incremental;
pub mod livereload;
mod search;
mod state;
mod watch;

pub use state::{ServeError, Status};

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

use crate::pipeline::Inputs;
use full::build_once;

/// What `generator serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Inputs of every build.
    pub inputs: Inputs,
    /// Preferred port on 127.0.0.1; the next free one is used when it is taken.
    pub port: u16,
    /// The language of the messages (terminal and overlay).
    pub lang: crate::messages::Lang,
}

/// Shared by the handlers.
#[derive(Clone)]
struct AppState {
    out: PathBuf,
    status: tokio::sync::watch::Receiver<Status>,
}

/// Runs the server until Ctrl-C.
pub fn run(options: ServeOptions) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Io {
            what: "cannot start the async runtime".into(),
            source,
        })?;
    runtime.block_on(serve(options))
}

async fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let work = tempfile::Builder::new()
        .prefix("generator-serve-")
        .tempdir()
        .map_err(|source| ServeError::Io {
            what: "cannot create a temporary folder".into(),
            source,
        })?;
    let out = work.path().join("public");
    // Watch before the first build, so that edits made while it runs are queued and handled
    // after it (an issue edit then reloads the file as it is now).
    let (watcher, events) = watch::start(&options.inputs)?;
    let lang = options.lang;
    let (first, live) = build_once(&options.inputs, &out, lang);
    let (tx, rx) = tokio::sync::watch::channel(Status {
        generation: 1,
        error: first.err().map(|e| livereload::overlay(lang, &e)),
    });
    watch::spawn_rebuilds(events, options.inputs.clone(), out.clone(), live, tx, lang);
    let _watcher = watcher;
    let (listener, addr) = bind(options.port).await?;
    eprintln!("serving http://{addr}/ (Ctrl-C to stop)");
    let app = router(AppState { out, status: rx });
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|source| ServeError::Io {
            what: "the server stopped".into(),
            source,
        })?;
    drop(work);
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so that the temporary build folder is removed either way.
async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Binds 127.0.0.1 on `port`, or the next free port (saying so).
async fn bind(port: u16) -> Result<(TcpListener, SocketAddr), ServeError> {
    let mut last = None;
    for candidate in port..=port.saturating_add(20) {
        match TcpListener::bind((Ipv4Addr::LOCALHOST, candidate)).await {
            Ok(l) => {
                let addr = l.local_addr().map_err(|source| ServeError::Io {
                    what: "cannot read the bound address".into(),
                    source,
                })?;
                if candidate != port {
                    eprintln!("port {port} is taken, using {}", addr.port());
                }
                return Ok((l, addr));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last = Some(e),
            Err(source) => {
                return Err(ServeError::Io {
                    what: format!("cannot listen on 127.0.0.1:{candidate}"),
                    source,
                });
            }
        }
    }
    Err(ServeError::Io {
        what: format!("ports {port} to {} are all taken", port.saturating_add(20)),
        source: last.unwrap_or_else(|| std::io::Error::other("no port")),
    })
}

fn router(state: AppState) -> Router {
    let files = ServeDir::new(&state.out)
        .append_index_html_on_directories(true)
        .fallback(get(not_found).with_state(state.clone()));
    Router::new()
        .route(
            "/__livereload",
            get(livereload::events).with_state(state.status.clone()),
        )
        .fallback_service(files)
        .layer(axum::middleware::map_response(livereload::inject))
}

/// `404.html` of the current build with status 404 (or a bare page before the first build).
async fn not_found(State(state): State<AppState>) -> Response {
    let page = tokio::fs::read_to_string(state.out.join("404.html"))
        .await
        .unwrap_or_else(|_| {
            "<!doctype html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1><p>No successful build yet, or no such page.</p></body></html>".into()
        });
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, "no-store")],
        Html(page),
    )
        .into_response()
}
