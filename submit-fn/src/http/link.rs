//! The private link's routes (#18): the page a person opens from the receipt, its forms, and
//! the JSON for scripts.
//!
//! - `GET /proposals/link/{token}`: the page (HTML; JSON with `Accept: application/json`),
//!   complete without JavaScript: the proposal, its status and history, and while the window
//!   is open the correction form (prefilled) and the withdrawal button;
//! - `POST /proposals/link` (form or JSON): `link` (the token) and `action` (`view`,
//!   `correct` with the form's fields, `withdraw`, `confirm_withdrawal`): later steps carry the
//!   token in the body, never in a URL;
//! - `POST /proposals/link/resend`: `reference` and `email`; always the same answer;
//! - `GET /proposals/link/`: the page for a lost link (the re-send form).
//!
//! Every answer carries `Referrer-Policy: no-referrer` (the token never leaves in a Referer),
//! `X-Robots-Tag: noindex` and (from the router) `Cache-Control: no-store`. The log line names
//! the outcome only: never the path, the token or the reference. The pages' HTML is
//! `link_page.rs`.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use time::OffsetDateTime;
use winner_catalog::Lang;

use super::edge::{RequestId, client_address, deadline, read, wants_json};
use super::link_page::{flash, html, page_of, resend_form, window_sentence};
use super::page::{escape, finish, lang_of_query, page_html, private};
use crate::http::parse;
use crate::intake::{Client, Now};
use crate::link::{self, Action, Outcome, StoredValue};
use crate::messages::{self, LinkText, Text};
use crate::state::AppState;
use crate::status::BY_AUTHOR;
use crate::validate::Submission;

/// `GET /proposals/link/{token}`.
pub async fn get_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    req: Request,
) -> Response {
    let json = wants_json(req.headers(), None);
    let s = state.clone();
    let wall = OffsetDateTime::now_utc();
    run(&state, req, json, wall, |client, now| async move {
        link::handle(&s, &token, Action::View, &client, now).await
    })
    .await
}

/// `GET /proposals/link/`: the lost-link page.
pub async fn lost(req: Request) -> Response {
    let lang = lang_of_query(req.uri().query());
    finish(
        StatusCode::OK,
        page_html(
            lang,
            messages::link_text(LinkText::ResendTitle, lang),
            &resend_form(lang),
        ),
    )
}

/// `POST /proposals/link`.
pub async fn post(State(state): State<AppState>, req: Request) -> Response {
    let kind = parse::content_kind(req.headers());
    let json = wants_json(req.headers(), kind);
    let (parts, body) = req.into_parts();
    let wall = OffsetDateTime::now_utc();
    let by = deadline(&state, &parts.extensions, wall);
    let sub = match read(&parts.headers, kind, body, by).await {
        Ok(s) => s,
        Err(_) => return unknown(&state, json, StatusCode::BAD_REQUEST),
    };
    let token = sub.get("link").unwrap_or("").to_owned();
    let revision = sub.get("revision").and_then(|r| r.trim().parse().ok());
    let action = match sub.get("action").unwrap_or("view") {
        "correct" => Action::Correct {
            answers: sub.clone(),
            revision,
        },
        "withdraw" => Action::Withdraw {
            confirmed: false,
            revision,
        },
        "confirm_withdrawal" => Action::Withdraw {
            confirmed: true,
            revision,
        },
        _ => Action::View,
    };
    let req = Request::from_parts(parts, axum::body::Body::empty());
    let s = state.clone();
    run(&state, req, json, wall, |client, now| async move {
        link::handle(&s, &token, action, &client, now).await
    })
    .await
}

/// `POST /proposals/link/resend`.
pub async fn resend(State(state): State<AppState>, req: Request) -> Response {
    let kind = parse::content_kind(req.headers());
    let json = wants_json(req.headers(), kind);
    let (parts, body) = req.into_parts();
    let wall = OffsetDateTime::now_utc();
    let by = deadline(&state, &parts.extensions, wall);
    let sub: Submission = read(&parts.headers, kind, body, by)
        .await
        .unwrap_or_default();
    let lang = sub.lang();
    let reference = sub.get("reference").unwrap_or("").to_owned();
    let email = sub.get("email").unwrap_or("").to_owned();
    let req = Request::from_parts(parts, axum::body::Body::empty());
    let s = state.clone();
    let mut resp = run(&state, req, json, wall, |client, now| async move {
        link::resend(&s, &reference, &email, &client, now).await
    })
    .await;
    // The page of a re-send speaks the language it was asked in.
    if !json && resp.status() == StatusCode::ACCEPTED {
        resp = finish(
            StatusCode::ACCEPTED,
            page_html(
                lang,
                messages::link_text(LinkText::ResendTitle, lang),
                &format!(
                    "<div class=\"box\" role=\"status\"><p>{}</p></div>\n",
                    escape(messages::link_text(LinkText::ResendAccepted, lang))
                ),
            ),
        );
    }
    resp
}

/// Common frame: the client, the use case at `wall` (the clock as the handler read it, once,
/// when the request arrived), the answer, one log line.
async fn run<F, Fut>(
    state: &AppState,
    req: Request,
    json: bool,
    wall: OffsetDateTime,
    f: F,
) -> Response
where
    F: FnOnce(Client, Now) -> Fut,
    Fut: std::future::Future<Output = Outcome>,
{
    let id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let client = Client {
        address: client_address(req.extensions(), req.headers()),
        scripted: json,
    };
    let now = Now {
        wall,
        deadline: deadline(state, req.extensions(), wall),
    };
    let outcome = f(client, now).await;
    let resp = render(state, &outcome, json);
    tracing::info!(
        request_id = %id,
        outcome = outcome.label(),
        status = resp.status().as_u16(),
        "private link request"
    );
    resp
}

fn status_of(outcome: &Outcome) -> StatusCode {
    match outcome {
        Outcome::Page(_)
        | Outcome::ConfirmWithdrawal(_)
        | Outcome::Corrected(_)
        | Outcome::Unchanged(_)
        | Outcome::Withdrawn(_) => StatusCode::OK,
        Outcome::Invalid(..) => StatusCode::UNPROCESSABLE_ENTITY,
        Outcome::Refused(_) => StatusCode::FORBIDDEN,
        Outcome::Meanwhile(_) => StatusCode::CONFLICT,
        Outcome::Unknown => StatusCode::NOT_FOUND,
        Outcome::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
        Outcome::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Outcome::ResendAccepted => StatusCode::ACCEPTED,
    }
}

fn unknown(state: &AppState, json: bool, status: StatusCode) -> Response {
    let mut resp = render(state, &Outcome::Unknown, json);
    *resp.status_mut() = status;
    resp
}

fn render(state: &AppState, outcome: &Outcome, json: bool) -> Response {
    let status = status_of(outcome);
    let mut resp = if json {
        private(
            (
                status,
                [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
                json_body(state, outcome).to_string(),
            )
                .into_response(),
        )
    } else {
        finish(status, html(state, outcome))
    };
    if let Outcome::RateLimited(secs) = outcome {
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(*secs));
    }
    resp
}

fn code_of(outcome: &Outcome) -> &'static str {
    outcome.label()
}

fn json_body(state: &AppState, outcome: &Outcome) -> serde_json::Value {
    let Some(p) = page_of(outcome) else {
        let (text, lang) = match outcome {
            Outcome::ResendAccepted => (
                messages::link_text(LinkText::ResendAccepted, Lang::Id),
                Lang::Id,
            ),
            Outcome::RateLimited(_) => (messages::text(Text::RateLimited, Lang::Id), Lang::Id),
            Outcome::Unavailable => (messages::text(Text::Unavailable, Lang::Id), Lang::Id),
            _ => (messages::link_text(LinkText::Unknown, Lang::Id), Lang::Id),
        };
        let key = if matches!(outcome, Outcome::ResendAccepted) {
            "status"
        } else {
            "error"
        };
        return json!({ key: code_of(outcome), "message": text, "lang": lang.code() });
    };
    let r = &p.record;
    let answers: serde_json::Map<String, serde_json::Value> = state
        .catalog()
        .form
        .fields
        .iter()
        .filter_map(|f| {
            let v = match r.answers.get(&f.name)? {
                StoredValue::Text(t) => json!(t),
                StoredValue::Number(n) => {
                    serde_json::from_str::<serde_json::Number>(n).map_or(json!(n), |n| json!(n))
                }
                StoredValue::Ticked => json!(true),
                StoredValue::Other => return None,
            };
            Some((f.name.clone(), v))
        })
        .collect();
    let history: Vec<_> = r
        .history
        .iter()
        .map(|h| {
            json!({
                "status": h.status.as_str(),
                "at": h.at,
                "by": if h.by == BY_AUTHOR { "author" } else { "organiser" },
                "version": h.version,
                "note": h.note,
            })
        })
        .collect();
    let mut body = json!({
        "outcome": code_of(outcome),
        "reference": r.reference,
        "province": r.province,
        "issue": r.issue,
        "lang": p.lang.code(),
        "status": r.status().as_str(),
        "version": r.version.unwrap_or(1),
        "editable": p.editable.is_open(),
        "window": window_sentence(p),
        "history": history,
        "answers": answers,
    });
    if let Some(m) = flash(outcome, p.lang) {
        body["message"] = json!(m);
    }
    if let Outcome::Invalid(_, errors) = outcome {
        body["error"] = json!("invalid");
        body["fields"] = json!(
            errors
                .0
                .iter()
                .map(|e| json!({"name": e.name, "message": messages::problem(e.problem, p.lang)}))
                .collect::<Vec<_>>()
        );
    }
    body
}
