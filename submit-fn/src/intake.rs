//! The use case: one submission in, one decision out, within one deadline.
//!
//! `accept(state, submission, client, now)` runs the rules in their order:
//!
//! 1. honeypot -> a decoy success (nothing stored);
//! 2. validation (catalog, form, today's windows) -> field problems;
//! 3. fill time -> a decoy success when too fast, a problem when `started_at` is unusable;
//! 4. idempotency lookup: a key already stored answers with its reference (or, if it was used
//!    for different content, a conflict) and is never counted against the rate limit;
//! 5. rate limit;
//! 6. the conditional write, with the messages to send about the proposal (`crate::outbox`)
//!    in the same transaction; nothing is sent here, so email never decides acceptance.
//!
//! Every store call runs under [`Now::deadline`], which the edge derives from the function's
//! timeout, so an answer always leaves before the platform kills the function. The answers
//! are true: `Unavailable` ("not saved") only when this request wrote nothing (it failed
//! before the write was sent), `Unconfirmed` when the write was sent and its outcome is
//! unknown; then the same request again (same token or same content) is safe.
//!
//! Decoys (honeypot, time trap) take about as long as a real write ([`AppState::typical_store_time`])
//! and look like one in status, body and headers.
//!
//! It knows no HTTP: the edge (`crate::http`) extracts the body, the client's addresses and the
//! request id, reads the clock once, calls [`accept`] and renders the [`Outcome`].

use std::time::Duration;

use time::OffsetDateTime;
use tokio::time::{Instant, timeout_at};

use crate::abuse::{self, ClientAddress, FillTime};
use crate::reference;
use crate::state::AppState;
use crate::store::{self, NewProposal, Stored};
use crate::validate::{self, FieldError, FieldErrors, Problem, Submission, Valid};

/// What was decided about a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Stored now, under this reference (or a decoy's fake success: see [`Outcome::detail`]).
    Created(String),
    /// Stored earlier under this reference; nothing new was stored.
    Repeated(String),
    /// The token was first used for different content, stored under this reference; nothing
    /// new was stored.
    Conflict(String),
    /// Field problems; nothing was stored.
    Invalid(FieldErrors),
    /// Over the rate limit; retry after this many seconds. Nothing was stored.
    RateLimited(u64),
    /// Storage failed before the write was sent: nothing was stored by this request.
    Unavailable,
    /// The write was sent but its outcome is unknown (timeout, lost connection, server error).
    Unconfirmed,
}

/// The decision and the facts the edge logs and renders with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What was decided.
    pub decision: Decision,
    /// Province and issue slugs, once they are known to exist in the catalog.
    pub target: Option<(String, String)>,
    /// Time spent waiting for the store (a decoy reports its wait the same way).
    pub store_time: Duration,
    /// A fixed label for logs (`honeypot`, `too_fast`, `deadline`, or empty).
    pub detail: &'static str,
}

impl Outcome {
    fn new(decision: Decision) -> Outcome {
        Outcome {
            decision,
            target: None,
            store_time: Duration::ZERO,
            detail: "",
        }
    }
}

/// When the request arrived and when it must be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    /// The wall clock at arrival (windows, fill time, rate windows, `submitted_at`).
    pub wall: OffsetDateTime,
    /// The latest instant any store call may still be running.
    pub deadline: Instant,
}

/// Where the request came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Client {
    /// The addresses it arrived with.
    pub address: ClientAddress,
    /// Whether it is a JSON client (the form's script), which must send `started_at`.
    pub scripted: bool,
}

/// Unix milliseconds of `at`.
fn unix_ms(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// Province and issue slugs of `sub` when both exist in the catalog (for the link back).
fn target_of(state: &AppState, sub: &Submission) -> Option<(String, String)> {
    let p = state.catalog().province(sub.get("province")?.trim())?;
    let issue = sub.get("issue")?.trim();
    let i = p.issues.iter().find(|i| i.slug == issue)?;
    Some((p.slug.clone(), i.slug.clone()))
}

/// A decoy: a reference that was never stored, after about as long as a real write.
async fn decoy(state: &AppState, reference: String, detail: &'static str, now: Now) -> Outcome {
    let typical = state.typical_store_time();
    // 0.75x to 1.25x, varied by the reference so repeated probes do not see one constant.
    let spread = reference
        .bytes()
        .fold(0u32, |a, b| a.wrapping_mul(31) ^ u32::from(b))
        % 51;
    let wait = typical.mul_f64(0.75 + f64::from(spread) / 100.0);
    let until = (Instant::now() + wait).min(now.deadline);
    tokio::time::sleep_until(until).await;
    Outcome {
        decision: Decision::Created(reference),
        target: None,
        store_time: wait,
        detail,
    }
}

/// Whether `text` has the shape of the references [`accept`] hands out: the only thing the
/// page a plain form post is sent to may repeat (`http/received.rs`).
pub fn is_reference(text: &str) -> bool {
    reference::is_reference(text)
}

/// Decides about `sub` from `client`, received at `now` (see the module docs).
pub async fn accept(state: &AppState, sub: &Submission, client: &Client, now: Now) -> Outcome {
    let catalog = state.catalog();
    let config = state.config();
    if abuse::honeypot_filled(&catalog.form, sub) {
        let code = sub
            .get("province")
            .and_then(|p| catalog.province(p.trim()))
            .map_or("00", |p| p.code.as_str());
        let r = reference::reference(code, &reference::raw_digest(sub), 0);
        return decoy(state, r, "honeypot", now).await;
    }
    let today = winner_catalog::clock::today_at(config.as_of, now.wall);
    let valid = match validate::validate(catalog, today, sub) {
        Ok(v) => v,
        Err(errors) => {
            let mut out = Outcome::new(Decision::Invalid(errors));
            out.target = target_of(state, sub);
            return out;
        }
    };
    let key = reference::idempotency_key(&valid);
    match abuse::fill_time(
        &catalog.form,
        valid.started_at,
        client.scripted,
        unix_ms(now.wall),
    ) {
        FillTime::Fine => {}
        FillTime::TooFast => {
            let r = reference::reference(&valid.province_code, &key, 0);
            return decoy(state, r, "too_fast", now).await;
        }
        FillTime::Bad => {
            let mut out = Outcome::new(Decision::Invalid(FieldErrors(vec![FieldError {
                name: "started_at".into(),
                problem: Problem::BadStartedAt,
            }])));
            out.target = Some((valid.province.clone(), valid.issue.clone()));
            return out;
        }
    }
    let mut out = Outcome::new(Decision::Unavailable);
    out.target = Some((valid.province.clone(), valid.issue.clone()));
    out.decision = store_once(state, &valid, key, client, now, &mut out).await;
    if matches!(out.decision, Decision::Created(_)) {
        state.record_store_time(out.store_time);
    }
    out
}

/// Steps 4 to 6 of the module docs, each store call under the deadline.
async fn store_once(
    state: &AppState,
    valid: &Valid,
    key: String,
    client: &Client,
    now: Now,
    out: &mut Outcome,
) -> Decision {
    let config = state.config();
    let store = state.store();
    let fingerprint = reference::content_fingerprint(valid);
    let started = Instant::now();
    let elapsed = |out: &mut Outcome| out.store_time = started.elapsed();

    // 4. A stored key answers at once and costs no rate-limit hit.
    let found = timeout_at(now.deadline, store.idempotency_record(&key)).await;
    elapsed(out);
    match found {
        Err(_) => {
            out.detail = "deadline";
            return Decision::Unavailable;
        }
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "idempotency lookup failed");
            return Decision::Unavailable;
        }
        Ok(Ok(Some(record))) => return decision(record.verdict(&fingerprint)),
        Ok(Ok(None)) => {}
    }

    // 5. Rate limit.
    let ip = abuse::client_ip(&client.address, config.trust_forwarded_for);
    let client_id = abuse::client_hash(&config.ip_hash_secret, ip);
    let now_secs = u64::try_from(now.wall.unix_timestamp()).unwrap_or(0);
    let (window_start, retry_after) = abuse::window(config.rate_limit, now_secs);
    let hits = timeout_at(
        now.deadline,
        store.count_hit(
            &client_id,
            window_start,
            window_start + config.rate_limit.window_secs + 60,
        ),
    )
    .await;
    elapsed(out);
    match hits {
        Err(_) => {
            out.detail = "deadline";
            return Decision::Unavailable;
        }
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "rate counter failed");
            return Decision::Unavailable;
        }
        Ok(Ok(n)) if n > u64::from(config.rate_limit.max) => {
            return Decision::RateLimited(retry_after);
        }
        Ok(Ok(_)) => {}
    }

    // 6. The write. From here on, a failure means "unknown", never "not saved".
    let link_key = crate::capability::LinkKey::from_server_secret(&config.ip_hash_secret);
    let Ok((nonce, hash)) = crate::capability::new_link(&link_key) else {
        tracing::warn!("no random bytes for the private link");
        return Decision::Unavailable;
    };
    let link = store::LinkFields { nonce, hash };
    let proposal = NewProposal {
        valid,
        key: key.clone(),
        fingerprint: fingerprint.clone(),
        submitted_at: store::timestamp(now.wall),
        now_secs,
        privacy_notice_version: &state.catalog().form.privacy_notice_version,
        messages: crate::outbox::outgoing(state.catalog(), state.mail(), valid),
        link,
    };
    let stored = timeout_at(now.deadline, store.put_proposal(&proposal)).await;
    elapsed(out);
    match stored {
        Ok(Ok(s)) => return decision(s),
        Err(_) => {
            out.detail = "deadline";
            return Decision::Unconfirmed;
        }
        Ok(Err(e)) => tracing::warn!(error = %e, "store failed; checking what was written"),
    }
    // The write failed in time: read back what the key holds, if the deadline allows.
    let check = timeout_at(now.deadline, store.idempotency_record(&key)).await;
    elapsed(out);
    match check {
        Ok(Ok(Some(record))) => match record.verdict(&fingerprint) {
            Stored::Repeated(r) => Decision::Created(r),
            other => decision(other),
        },
        _ => Decision::Unconfirmed,
    }
}

fn decision(stored: Stored) -> Decision {
    match stored {
        Stored::Created(r) => Decision::Created(r),
        Stored::Repeated(r) => Decision::Repeated(r),
        Stored::Conflict(r) => Decision::Conflict(r),
    }
}

#[cfg(test)]
#[path = "intake_tests.rs"]
mod tests;
