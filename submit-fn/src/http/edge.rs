//! What every handler of the edge shares: the request id, the client's addresses, the
//! deadline, whether the client wants JSON, and reading a body within its limit and time.
//! Its own module so that the routes (`mod.rs`) and the private link's handlers (`link.rs`)
//! both use it without importing each other.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap, header};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use time::OffsetDateTime;

use super::parse::{self, Kind};
use super::respond::Reply;
use crate::abuse::ClientAddress;
use crate::state::AppState;
use crate::validate::Submission;

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 64 * 1024;

#[derive(Clone)]
pub(super) struct RequestId(pub(super) String);

pub(super) fn wants_json(headers: &HeaderMap, kind: Option<Kind>) -> bool {
    kind == Some(Kind::Json)
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("application/json"))
}

/// The addresses the request came with: API Gateway's `sourceIp` inside Lambda, the socket
/// peer locally, and `X-Forwarded-For` for [`crate::abuse::client_ip`] to judge.
pub(super) fn client_address(ext: &Extensions, headers: &HeaderMap) -> ClientAddress {
    let source_ip = match ext.get::<lambda_http::request::RequestContext>() {
        Some(lambda_http::request::RequestContext::ApiGatewayV2(ctx)) => {
            ctx.http.source_ip.as_deref().and_then(|ip| ip.parse().ok())
        }
        _ => None,
    };
    ClientAddress {
        source_ip,
        peer: ext.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()),
        forwarded_for: {
            let all: Vec<&str> = headers
                .get_all("x-forwarded-for")
                .iter()
                .map(|v| v.to_str().unwrap_or(""))
                .collect();
            (!all.is_empty()).then(|| all.join(","))
        },
    }
}

/// The request's deadline: [`crate::config::Config::deadline`] from arrival, and inside Lambda
/// never later than the invocation's own deadline less the same margin.
pub(super) fn deadline(
    state: &AppState,
    ext: &Extensions,
    now: OffsetDateTime,
) -> tokio::time::Instant {
    let mut budget = state.config().deadline();
    if let Some(ctx) = ext.get::<lambda_http::Context>() {
        let now_ms = u64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
        let left = Duration::from_millis(ctx.deadline.saturating_sub(now_ms));
        // A deadline with no time left before the margin is not a real one (local emulators
        // such as `cargo lambda watch` send none usable): keep the configured budget then.
        if left > crate::config::DEADLINE_MARGIN {
            budget = budget.min(left.saturating_sub(crate::config::DEADLINE_MARGIN));
        }
    }
    tokio::time::Instant::now() + budget
}

/// Content type, size limit, parsing; the body must have arrived by `by`.
pub(super) async fn read(
    headers: &HeaderMap,
    kind: Option<Kind>,
    body: Body,
    by: tokio::time::Instant,
) -> Result<Submission, Reply> {
    let kind = kind.ok_or(Reply::UnsupportedType)?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(Reply::TooLarge);
    }
    let collected = tokio::time::timeout_at(by, Limited::new(body, BODY_LIMIT).collect()).await;
    let bytes = match collected {
        Ok(Ok(c)) => c.to_bytes(),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(Reply::TooLarge);
        }
        Ok(Err(_)) => return Err(Reply::Malformed(parse::ParseError::Unreadable)),
        Err(_) => return Err(Reply::Malformed(parse::ParseError::TooSlow)),
    };
    parse::parse(kind, &bytes).map_err(Reply::Malformed)
}
