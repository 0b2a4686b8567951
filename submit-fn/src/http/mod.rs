//! Routes, the body limit and CORS. Handlers extract, call the library, and respond: for a
//! proposal, the edge reads the body into a [`Submission`], the client's addresses into a
//! [`ClientAddress`], the request id, and the clock once; [`intake::accept`] decides; the
//! decision is rendered by [`respond`].
//!
//! - `POST /proposals`: one proposal (form or JSON);
//! - `OPTIONS /proposals`: CORS preflight, answered (204) only for `ALLOWED_ORIGINS`, 403 otherwise;
//! - `GET /health`: `ok` (the catalog is loaded before the router exists);
//! - `/proposals/link...`: the private link (#18), see [`link`];
//! - `GET /proposals/received/{reference}`: the reference of a proposal sent without
//!   JavaScript, shown in the page (#14), see [`received`].
//!
//! Every response carries `x-request-id` and `cache-control: no-store`; responses to
//! `POST /proposals` also carry `server-timing` (`store` = time in DynamoDB, `app` = the rest),
//! which the benchmark reads. One log line per request: request id, outcome, status, timings,
//! and for accepted proposals the province/issue slugs and the reference. Never answers.

mod edge;
pub mod link;
mod link_page;
mod page;
pub mod parse;
pub mod received;
pub mod respond;
pub mod serve;

use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use time::OffsetDateTime;

use crate::intake::{self, Decision};
use crate::state::AppState;
pub use edge::BODY_LIMIT;
use edge::{RequestId, client_address, deadline, read, wants_json};
use parse::Kind;
use respond::{Ctx, Mode, Reply};

/// The router (see [`crate::app`]).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/proposals", post(submit).options(preflight))
        .route("/proposals/link", post(link::post).options(preflight))
        .route("/proposals/link/", get(link::lost))
        .route(
            "/proposals/link/resend",
            post(link::resend).options(preflight),
        )
        .route("/proposals/link/{token}", get(link::get_page))
        .route("/proposals/received/{reference}", get(received::get))
        .route("/health", get(health))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            common_headers,
        ))
        .with_state(state)
}

async fn health() -> &'static str {
    "ok"
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found\n").into_response()
}

/// The request id: Lambda's, API Gateway's, or a local counter.
fn request_id(state: &AppState, req: &Request) -> String {
    if let Some(ctx) = req.extensions().get::<lambda_http::Context>() {
        return ctx.request_id.clone();
    }
    if let Some(lambda_http::request::RequestContext::ApiGatewayV2(ctx)) =
        req.extensions()
            .get::<lambda_http::request::RequestContext>()
        && let Some(id) = &ctx.request_id
    {
        return id.clone();
    }
    state.next_local_id()
}

/// Request id, CORS headers for allowed origins, `no-store`, `nosniff`.
async fn common_headers(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let id = request_id(&state, &req);
    req.extensions_mut().insert(RequestId(id.clone()));
    let origin = allowed_origin(&state, req.headers());
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert("x-request-id", v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.append(header::VARY, HeaderValue::from_static("origin"));
    if let Some(origin) = origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    resp
}

fn allowed_origin(state: &AppState, headers: &HeaderMap) -> Option<HeaderValue> {
    let origin = headers.get(header::ORIGIN)?;
    let text = origin.to_str().ok()?;
    state
        .config()
        .allowed_origins
        .iter()
        .any(|o| o == text)
        .then(|| origin.clone())
}

async fn preflight(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let method_ok = headers
        .get(header::ACCESS_CONTROL_REQUEST_METHOD)
        .is_some_and(|m| m == "POST");
    if allowed_origin(&state, &headers).is_none() || !method_ok {
        return (StatusCode::FORBIDDEN, "origin or method not allowed\n").into_response();
    }
    (
        StatusCode::NO_CONTENT,
        [
            (header::ACCESS_CONTROL_ALLOW_METHODS, "POST"),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, "content-type, accept"),
            (header::ACCESS_CONTROL_MAX_AGE, "600"),
        ],
    )
        .into_response()
}

/// The reply for a decision of the use case.
fn reply(decision: Decision) -> Reply {
    match decision {
        Decision::Created(r) => Reply::Created(r),
        Decision::Repeated(r) => Reply::Repeated(r),
        Decision::Invalid(e) => Reply::Invalid(e),
        Decision::RateLimited(s) => Reply::RateLimited(s),
        Decision::Unavailable => Reply::Unavailable,
        Decision::Unconfirmed => Reply::Unconfirmed,
        Decision::Conflict(r) => Reply::Conflict(r),
    }
}

async fn submit(State(state): State<AppState>, req: Request) -> Response {
    let started = Instant::now();
    let now = OffsetDateTime::now_utc(); // the one clock read of a request
    let id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let (parts, body) = req.into_parts();
    let kind = parse::content_kind(&parts.headers);
    let mode = if wants_json(&parts.headers, kind) {
        Mode::Json
    } else {
        Mode::Html
    };
    let budget = deadline(&state, &parts.extensions, now);
    let body_by = parts
        .extensions
        .get::<serve::BodyReadTimeout>()
        .map_or(budget, |t| budget.min(tokio::time::Instant::now() + t.0));
    let (reply, lang, outcome) = match read(&parts.headers, kind, body, body_by).await {
        Err(reply) => (reply, winner_catalog::Lang::Id, None),
        Ok(sub) => {
            let client = intake::Client {
                address: client_address(&parts.extensions, &parts.headers),
                scripted: kind == Some(Kind::Json),
            };
            let now = intake::Now {
                wall: now,
                deadline: budget,
            };
            let outcome = intake::accept(&state, &sub, &client, now).await;
            (reply(outcome.decision.clone()), sub.lang(), Some(outcome))
        }
    };
    let detail = match (&outcome, &reply) {
        (Some(o), _) => o.detail,
        (None, Reply::Malformed(e)) => e.kind(),
        (None, _) => "",
    };
    let store_time = outcome.as_ref().map_or(Duration::ZERO, |o| o.store_time);
    let target = outcome
        .as_ref()
        .and_then(|o| o.target.as_ref())
        .map(|(p, i)| (p.as_str(), i.as_str()));
    let ctx = Ctx {
        mode,
        lang,
        catalog: state.catalog(),
        site_url: &state.config().site_url,
        target,
    };
    let mut resp = respond::render(&reply, &ctx);
    let total = started.elapsed();
    let app = total.saturating_sub(store_time);
    if let Ok(v) = HeaderValue::from_str(&format!(
        "store;dur={:.3}, app;dur={:.3}",
        store_time.as_secs_f64() * 1e3,
        app.as_secs_f64() * 1e3
    )) {
        resp.headers_mut().insert("server-timing", v);
    }
    let reference = match &reply {
        Reply::Created(r) | Reply::Repeated(r) => r.as_str(),
        _ => "",
    };
    tracing::info!(
        request_id = %id,
        outcome = reply.outcome(),
        detail,
        status = resp.status().as_u16(),
        province = target.map_or("", |t| t.0),
        issue = target.map_or("", |t| t.1),
        reference,
        store_ms = store_time.as_secs_f64() * 1e3,
        total_ms = total.as_secs_f64() * 1e3,
        "proposal request"
    );
    resp
}
