//! The local server (`submit-fn serve`): the router over hyper's HTTP/1 connections, with the
//! limits a public listener needs and `axum::serve` does not set.
//!
//! - **Header read timeout** ([`Limits::header_read`]): a connection that has not sent a
//!   complete request head this long after it opened (or after its previous response, on a
//!   kept-alive connection) is closed (hyper's `header_read_timeout`).
//! - **Body read timeout** ([`Limits::body_read`]): a body that has not arrived in full this
//!   long after its head is refused (400, `too_slow`) and the connection closed; the request's
//!   deadline caps it too.
//! - **Connection cap** ([`Limits::max_connections`]): at most this many connections are
//!   served at once; further ones wait in the kernel's accept queue until one closes.
//!
//! Together these bound what slow or idle clients can hold: `max_connections` connections for
//! at most `header_read` + `body_read` + the request deadline each.
//!
//! Inside Lambda none of this runs: API Gateway / the Function URL hold the connections and
//! hand the function a complete request (body included, at most 6 MB), the function's
//! `Timeout` ends every invocation, and `ReservedConcurrentExecutions` caps how many run at
//! once (`deploy/template.yaml`).

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// Limits of the local server (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest wait for a complete request head.
    pub header_read: Duration,
    /// Longest wait for a complete body once the head has arrived.
    pub body_read: Duration,
    /// Most connections served at once.
    pub max_connections: usize,
}

impl Default for Limits {
    /// 5 s for the head, 5 s for the body (a 64 KiB form body needs far less even on a slow
    /// mobile link), 256 connections.
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(5),
            body_read: Duration::from_secs(5),
            max_connections: 256,
        }
    }
}

/// How long the body of this request may take to arrive (set by [`serve`]; absent in
/// Lambda, where the body arrives whole).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyReadTimeout(pub(crate) Duration);

/// Serves `app` on `listener` within `limits`, with the socket peer available to handlers
/// (`ConnectInfo<SocketAddr>`, the client IP outside Lambda). Runs until the listener fails.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    loop {
        // The permit is taken before accepting, so excess connections wait in the backlog.
        let Ok(permit) = permits.clone().acquire_owned().await else {
            return Ok(()); // the semaphore is never closed
        };
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) if transient(&e) => {
                // Out of file descriptors and the like: wait instead of spinning.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
            Err(e) => return Err(e),
        };
        let body_read = BodyReadTimeout(limits.body_read);
        let service = app.clone().map_request(move |mut req: Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            req.extensions_mut().insert(body_read);
            req
        });
        let header_read = limits.header_read;
        tokio::spawn(async move {
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_read)
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection closed with an error");
            }
            drop(permit);
        });
    }
}

/// Accept errors that concern one connection or a passing shortage, not the listener.
fn transient(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | Interrupted | WouldBlock | TimedOut
    ) || matches!(e.raw_os_error(), Some(23 | 24 | 105 | 12)) // ENFILE, EMFILE, ENOBUFS, ENOMEM
}
