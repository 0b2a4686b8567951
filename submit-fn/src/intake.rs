//! The use case: one submission in, one decision out.
//!
//! `accept(state, submission, client, now)` runs the rules in their order: honeypot ->
//! validation (catalog, form, today's windows) -> minimum fill time -> rate limit -> store.
//! It knows no HTTP: the edge (`crate::http`) extracts the body, the client's addresses and the
//! request id, reads the clock once, calls [`accept`] and renders the [`Outcome`]. Every rule
//! that depends on time takes it from `now`, so the whole path can be tested without axum
//! types or a real clock.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::AppState;
use crate::abuse::{self, ClientAddress};
use crate::reference;
use crate::store::{self, NewProposal, Stored};
use crate::validate::{self, FieldError, FieldErrors, Submission};

/// What was decided about a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Stored now, under this reference (or a honeypot's fake success: see [`Outcome::detail`]).
    Created(String),
    /// Stored earlier under this reference; nothing new was stored.
    Repeated(String),
    /// Field problems; nothing was stored.
    Invalid(FieldErrors),
    /// Over the rate limit; retry after this many seconds. Nothing was stored.
    RateLimited(u64),
    /// Storage failed; nothing was acknowledged.
    Unavailable,
}

/// The decision and the facts the edge logs and renders with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What was decided.
    pub decision: Decision,
    /// Province and issue slugs, once they are known to exist in the catalog.
    pub target: Option<(String, String)>,
    /// Time spent waiting for the store.
    pub store_time: Duration,
    /// A fixed label for logs (`honeypot`, `too_fast`, or empty).
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

/// Unix milliseconds of `now`.
fn unix_ms(now: OffsetDateTime) -> i64 {
    i64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// Decides about `sub` from `client`, received at `now` (see the module docs).
pub async fn accept(
    state: &AppState,
    sub: &Submission,
    client: &ClientAddress,
    now: OffsetDateTime,
) -> Outcome {
    let catalog = state.catalog();
    let config = state.config();
    if abuse::honeypot_filled(&catalog.form, sub) {
        let code = sub
            .get("province")
            .and_then(|p| catalog.province(p.trim()))
            .map_or("00", |p| p.code.as_str());
        let mut out = Outcome::new(Decision::Created(reference::reference(
            code,
            &reference::raw_digest(sub),
            0,
        )));
        out.detail = "honeypot";
        return out;
    }
    let today = config
        .as_of
        .unwrap_or_else(|| now.to_offset(winner_catalog::clock::WIB).date());
    let valid = match validate::validate(catalog, today, sub) {
        Ok(v) => v,
        Err(errors) => return Outcome::new(Decision::Invalid(errors)),
    };
    let mut out = Outcome::new(Decision::Unavailable);
    out.target = Some((valid.province.clone(), valid.issue.clone()));
    if let Some(problem) = abuse::fill_time(&catalog.form, valid.started_at, unix_ms(now)) {
        out.detail = "too_fast";
        out.decision = Decision::Invalid(FieldErrors(vec![FieldError {
            name: "started_at".into(),
            problem,
        }]));
        return out;
    }

    let store = state.store();
    let ip = abuse::client_ip(client, config.trust_forwarded_for);
    let client = abuse::client_hash(&config.ip_hash_secret, ip);
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
    out.store_time += t.elapsed();
    match hits {
        Err(e) => {
            tracing::warn!(error = %e, "rate counter failed");
            return out;
        }
        Ok(n) if n > u64::from(config.rate_limit.max) => {
            out.decision = Decision::RateLimited(retry_after);
            return out;
        }
        Ok(_) => {}
    }

    let proposal = NewProposal {
        valid: &valid,
        key: reference::idempotency_key(&valid),
        submitted_at: store::timestamp(now),
        privacy_notice_version: &catalog.form.privacy_notice_version,
    };
    let t = Instant::now();
    let stored = store.put_proposal(&proposal).await;
    out.store_time += t.elapsed();
    out.decision = match stored {
        Ok(Stored::Created(r)) => Decision::Created(r),
        Ok(Stored::Repeated(r)) => Decision::Repeated(r),
        Err(e) => {
            tracing::warn!(error = %e, "store failed");
            Decision::Unavailable
        }
    };
    out
}

#[cfg(test)]
#[path = "intake_tests.rs"]
mod tests;
