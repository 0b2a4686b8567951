//! Routes, the body limit and CORS. Handlers extract, call the library, and respond.
//!
//! - `POST /proposals`: one proposal (form or JSON);
//! - `OPTIONS /proposals`: CORS preflight, answered (204) only for `ALLOWED_ORIGINS`, 403 otherwise;
//! - `GET /health`: `ok` (the catalog is loaded before the router exists).
//!
//! Every response carries `x-request-id` and `cache-control: no-store`; responses to
//! `POST /proposals` also carry `server-timing` (`store` = time in DynamoDB, `app` = the rest),
//! which the benchmark reads. One log line per request: request id, outcome, status, timings,
//! and for accepted proposals the province/issue slugs and the reference. Never answers.

pub mod parse;
pub mod respond;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use time::OffsetDateTime;

use crate::AppState;
use crate::abuse;
use crate::reference;
use crate::store::{NewProposal, Stored};
use crate::validate::{self, FieldError, FieldErrors, Submission};
use parse::Kind;
use respond::{Ctx, Mode, Reply};

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The router (see [`crate::app`]).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/proposals", post(submit).options(preflight))
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

#[derive(Clone)]
struct RequestId(String);

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

fn wants_json(headers: &HeaderMap, kind: Option<Kind>) -> bool {
    kind == Some(Kind::Json)
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("application/json"))
}

/// Timings and facts for the one log line.
#[derive(Default)]
struct Trace {
    store: Duration,
    target: Option<(String, String)>,
    detail: &'static str,
}

async fn submit(State(state): State<AppState>, req: Request) -> Response {
    let started = Instant::now();
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
    let mut trace = Trace::default();
    let (reply, lang) = match read(&parts.headers, kind, body).await {
        Err(reply) => {
            if let Reply::Malformed(e) = &reply {
                trace.detail = e.kind();
            }
            (reply, winner_catalog::Lang::Id)
        }
        Ok(sub) => {
            let lang = sub.lang();
            let reply = handle(&state, &parts.extensions, &parts.headers, &sub, &mut trace).await;
            (reply, lang)
        }
    };
    let catalog = state.catalog();
    let target = trace.target.as_ref().map(|(p, i)| (p.as_str(), i.as_str()));
    let ctx = Ctx {
        mode,
        lang,
        catalog,
        site_url: &state.config().site_url,
        target,
    };
    let mut resp = respond::render(&reply, &ctx);
    let total = started.elapsed();
    let app = total.saturating_sub(trace.store);
    if let Ok(v) = HeaderValue::from_str(&format!(
        "store;dur={:.3}, app;dur={:.3}",
        trace.store.as_secs_f64() * 1e3,
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
        detail = trace.detail,
        status = resp.status().as_u16(),
        province = target.map_or("", |t| t.0),
        issue = target.map_or("", |t| t.1),
        reference,
        store_ms = trace.store.as_secs_f64() * 1e3,
        total_ms = total.as_secs_f64() * 1e3,
        "proposal request"
    );
    resp
}

/// Content type, size limit, parsing.
async fn read(headers: &HeaderMap, kind: Option<Kind>, body: Body) -> Result<Submission, Reply> {
    let kind = kind.ok_or(Reply::UnsupportedType)?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(Reply::TooLarge);
    }
    let bytes = match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(c) => c.to_bytes(),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => return Err(Reply::TooLarge),
        Err(_) => return Err(Reply::Malformed(parse::ParseError::Unreadable)),
    };
    parse::parse(kind, &bytes).map_err(Reply::Malformed)
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` (fixed width, so strings sort as time).
fn timestamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// Honeypot, validation, fill time, rate limit, store.
async fn handle(
    state: &AppState,
    ext: &axum::http::Extensions,
    headers: &HeaderMap,
    sub: &Submission,
    trace: &mut Trace,
) -> Reply {
    let catalog = state.catalog();
    let config = state.config();
    if abuse::honeypot_filled(&catalog.form, sub) {
        trace.detail = "honeypot";
        let code = sub
            .get("province")
            .and_then(|p| catalog.province(p.trim()))
            .map_or("00", |p| p.code.as_str());
        return Reply::Created(reference::reference(code, &reference::raw_digest(sub), 0));
    }
    let today = winner_catalog::clock::today(config.as_of);
    let valid = match validate::validate(catalog, today, sub) {
        Ok(v) => v,
        Err(errors) => return Reply::Invalid(errors),
    };
    trace.target = Some((valid.province.clone(), valid.issue.clone()));
    if let Some(problem) = abuse::fill_time(&catalog.form, valid.started_at, now_ms()) {
        trace.detail = "too_fast";
        return Reply::Invalid(FieldErrors(vec![FieldError {
            name: "started_at".into(),
            problem,
        }]));
    }

    let store = state.store();
    let ip = abuse::client_ip(ext, headers, config.trust_forwarded_for);
    let client = abuse::client_hash(&config.ip_hash_secret, ip);
    let now = OffsetDateTime::now_utc();
    let now_secs = u64::try_from(now.unix_timestamp()).unwrap_or(0);
    let (window_start, retry_after) = abuse::window(config.rate_limit, now_secs);
    let t = Instant::now();
    let hits = store
        .count_hit(
            &client,
            window_start,
            window_start + config.rate_limit.window_secs + 60,
        )
        .await;
    trace.store += t.elapsed();
    match hits {
        Err(e) => {
            tracing::warn!(error = %e, "rate counter failed");
            return Reply::Unavailable;
        }
        Ok(n) if n > u64::from(config.rate_limit.max) => return Reply::RateLimited(retry_after),
        Ok(_) => {}
    }

    let proposal = NewProposal {
        valid: &valid,
        key: reference::idempotency_key(&valid),
        submitted_at: timestamp(now),
        privacy_notice_version: &catalog.form.privacy_notice_version,
    };
    let t = Instant::now();
    let stored = store.put_proposal(&proposal).await;
    trace.store += t.elapsed();
    match stored {
        Ok(Stored::Created(r)) => Reply::Created(r),
        Ok(Stored::Repeated(r)) => Reply::Repeated(r),
        Err(e) => {
            tracing::warn!(error = %e, "store failed");
            Reply::Unavailable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_fixed_width_utc() {
        let at = OffsetDateTime::from_unix_timestamp(1_685_590_000).expect("instant");
        assert_eq!(timestamp(at), "2023-06-01T03:26:40.000Z");
    }
}
