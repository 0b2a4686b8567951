//! The use case behind the private link (#18): see, correct or withdraw a proposal, and send
//! a lost link again.
//!
//! Every request first counts against the client's rate limit (the submission's `RATE_LIMIT`
//! window, counted apart, [`REQUESTS_PER_SUBMISSION`] requests per allowed submission), then
//! proves its token: the reference's proposal is read and the secret's
//! hash compared ([`crate::capability::matches`]). An unknown reference, a wrong, truncated or
//! replaced secret, and a malformed token all get [`Outcome::Unknown`], after the same one
//! read, so the answer tells nothing about which it was.
//!
//! Corrections and withdrawals need the province's window to be open today (the catalog's
//! clock, `AS_OF`) and a proposal that is not withdrawn; a correction is validated by the
//! same rules as a new proposal ([`crate::validate::validate`], province and issue as
//! stored), and stored as a new version conditional on the revision it was read at
//! ([`crate::store::link`]). A correction's receipt and a withdrawal's confirmation are
//! written to the outbox in the same transaction.
//!
//! It knows no HTTP; [`Now`] and [`Client`] are the intake's.

use time::Date;
use tokio::time::timeout_at;
use winner_catalog::{Lang, WindowState};

use crate::abuse;
use crate::capability::{self, LinkKey};
use crate::intake::{Client, Now};
use crate::state::AppState;
use crate::status::{BY_AUTHOR, HistoryEntry, Status};
use crate::store::{self, Change, Changed, LinkFields, MessageKind, NewMessage, ProposalRecord};
use crate::validate::{self, Answer, FieldErrors, Submission};

/// What the page shows of a stored proposal, for the edge (which never names `store`).
pub use crate::store::{ProposalRecord as Record, StoredValue};

/// Whether the proposal may still be corrected or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editable {
    /// Yes, until the end of this day (or open-ended).
    Open(Option<Date>),
    /// No: the window closed after this day.
    Closed(Date),
    /// No: the province takes no proposals now (not yet open, or none).
    NotOpen,
    /// No: withdrawn.
    Withdrawn,
}

impl Editable {
    /// Whether corrections and withdrawal are offered.
    pub fn is_open(self) -> bool {
        matches!(self, Editable::Open(_))
    }
}

/// A proposal as its author sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The proposal as stored now.
    pub record: ProposalRecord,
    /// Its language (the page's).
    pub lang: Lang,
    /// Whether it may be changed today.
    pub editable: Editable,
    /// The token, for the page's forms (never logged).
    pub token: String,
}

/// What a link request came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The page (after a plain view).
    Page(Page),
    /// Asked to withdraw: the confirmation step.
    ConfirmWithdrawal(Page),
    /// Stored as a new version.
    Corrected(Page),
    /// The correction changed nothing: no new version.
    Unchanged(Page),
    /// Withdrawn now.
    Withdrawn(Page),
    /// The correction's problems; nothing stored.
    Invalid(Page, FieldErrors),
    /// Refused: the window is closed (or the proposal withdrawn).
    Refused(Page),
    /// Changed by another request after this one read it: reload.
    Meanwhile(Page),
    /// No proposal for this token (unknown, wrong, truncated, old or malformed: one answer).
    Unknown,
    /// Over the rate limit; retry after this many seconds.
    RateLimited(u64),
    /// The store failed; nothing was changed by this request.
    Unavailable,
    /// A re-send was asked for: the same answer whether or not anything was sent.
    ResendAccepted,
}

impl Outcome {
    /// A fixed label for logs.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Page(_) => "page",
            Outcome::ConfirmWithdrawal(_) => "confirm_withdrawal",
            Outcome::Corrected(_) => "corrected",
            Outcome::Unchanged(_) => "unchanged",
            Outcome::Withdrawn(_) => "withdrawn",
            Outcome::Invalid(..) => "invalid",
            Outcome::Refused(_) => "refused",
            Outcome::Meanwhile(_) => "meanwhile",
            Outcome::Unknown => "unknown",
            Outcome::RateLimited(_) => "rate_limited",
            Outcome::Unavailable => "unavailable",
            Outcome::ResendAccepted => "resend_accepted",
        }
    }
}

/// What the author asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// See the proposal.
    View,
    /// Correct it with these answers (the form's fields only).
    Correct {
        /// The answers.
        answers: Submission,
        /// The revision the page showed (its hidden `revision` field), if sent.
        revision: Option<u32>,
    },
    /// Withdraw: first the confirmation step, then (`confirmed`) the withdrawal.
    Withdraw {
        /// Whether this is the confirmation.
        confirmed: bool,
        /// The revision the page showed, if sent.
        revision: Option<u32>,
    },
}

impl Action {
    /// The revision the change was decided on, when the page sent it.
    fn revision(&self) -> Option<u32> {
        match self {
            Action::View => None,
            Action::Correct { revision, .. } | Action::Withdraw { revision, .. } => *revision,
        }
    }
}

/// The link key of this deployment.
pub fn key(state: &AppState) -> LinkKey {
    LinkKey::from_server_secret(&state.config().ip_hash_secret)
}

/// A new link: the fields to store (the token is derived again when it is sent).
pub fn new_link(key: &LinkKey) -> Result<LinkFields, capability::NoRandom> {
    let (nonce, hash) = capability::new_link(key)?;
    Ok(LinkFields { nonce, hash })
}

fn today(state: &AppState, now: Now) -> Date {
    winner_catalog::clock::today_at(state.config().as_of, now.wall)
}

fn editable(state: &AppState, record: &ProposalRecord, today: Date) -> Editable {
    if !record.status().editable() {
        return Editable::Withdrawn;
    }
    let window = record
        .province
        .as_deref()
        .and_then(|p| state.catalog().province(p))
        .and_then(|p| p.proposals);
    match window.map(|w| (w, w.state_on(today))) {
        Some((w, WindowState::Open)) => Editable::Open(w.closes),
        Some((_, WindowState::Closed(d))) => Editable::Closed(d),
        _ => Editable::NotOpen,
    }
}

/// Link requests a client may make per stored submission the rate limit allows: seeing,
/// correcting and confirming take several requests where a submission takes one.
pub const REQUESTS_PER_SUBMISSION: u64 = 5;

/// Counts the request against the client's link limit (`RATE_LIMIT`'s window, its maximum
/// times [`REQUESTS_PER_SUBMISSION`]): `Err` with the outcome to give.
async fn count(state: &AppState, client: &Client, now: Now) -> Result<(), Outcome> {
    let config = state.config();
    let ip = abuse::client_ip(&client.address, config.trust_forwarded_for);
    let id = format!("link-{}", abuse::client_hash(&config.ip_hash_secret, ip));
    let now_secs = u64::try_from(now.wall.unix_timestamp()).unwrap_or(0);
    let (start, retry_after) = abuse::window(config.rate_limit, now_secs);
    let expires = start + config.rate_limit.window_secs + 60;
    match timeout_at(now.deadline, state.store().count_hit(&id, start, expires)).await {
        Ok(Ok(n)) if n > u64::from(config.rate_limit.max) * REQUESTS_PER_SUBMISSION => {
            Err(Outcome::RateLimited(retry_after))
        }
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "link rate counter failed");
            Err(Outcome::Unavailable)
        }
        Err(_) => Err(Outcome::Unavailable),
    }
}

/// The proposal `token` opens, or the outcome to give instead.
async fn open(state: &AppState, token: &str, now: Now) -> Result<ProposalRecord, Outcome> {
    // A malformed token still costs the same one read as a wrong secret.
    let (reference, secret) = capability::parse(token).unwrap_or(("WNR-00-000000", ""));
    let read = timeout_at(now.deadline, state.store().proposal_record(reference)).await;
    let record = match read {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "link read failed");
            return Err(Outcome::Unavailable);
        }
        Err(_) => return Err(Outcome::Unavailable),
    };
    match record {
        Some(r)
            if !secret.is_empty()
                && r.link
                    .as_ref()
                    .is_some_and(|l| capability::matches(&l.hash, secret)) =>
        {
            Ok(r)
        }
        _ => Err(Outcome::Unknown),
    }
}

fn page(state: &AppState, record: ProposalRecord, token: &str, today: Date) -> Page {
    let lang = record
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Id);
    Page {
        editable: editable(state, &record, today),
        lang,
        token: token.to_owned(),
        record,
    }
}

/// One message to the author, when email is configured.
fn to_author(
    state: &AppState,
    to: Option<String>,
    lang: Lang,
    kind: MessageKind,
    seq: u32,
) -> Vec<NewMessage> {
    match (state.mail(), state.catalog().email.as_ref(), to) {
        (Some(_), Some(_), Some(to)) => vec![NewMessage {
            kind,
            to,
            lang: lang.code(),
            seq,
        }],
        _ => Vec::new(),
    }
}

/// Whether `answers` are what `record` holds already.
fn same_answers(record: &ProposalRecord, answers: &[(String, Answer)]) -> bool {
    answers.len() == record.answers.len()
        && answers.iter().all(|(name, a)| {
            let stored = record.answers.get(name);
            match (a, stored) {
                (Answer::Text(t), Some(store::StoredValue::Text(s))) => t == s,
                (Answer::Number(n), Some(store::StoredValue::Number(s))) => n.to_string() == *s,
                (Answer::Ticked, Some(store::StoredValue::Ticked)) => true,
                _ => false,
            }
        })
}

/// Handles one request of the private link (see the module docs).
pub async fn handle(
    state: &AppState,
    token: &str,
    action: Action,
    client: &Client,
    now: Now,
) -> Outcome {
    if let Err(o) = count(state, client, now).await {
        return o;
    }
    let record = match open(state, token, now).await {
        Ok(r) => r,
        Err(o) => return o,
    };
    let today = today(state, now);
    let current = page(state, record, token, today);
    let at = store::timestamp(now.wall);
    // A page older than the proposal (another tab, another device): decided on what it
    // showed, the change would overwrite what it did not show.
    if action
        .revision()
        .is_some_and(|seen| seen != current.record.revision.max(1))
    {
        return Outcome::Meanwhile(current);
    }
    let change = match action {
        Action::View => return Outcome::Page(current),
        _ if !current.editable.is_open() => return Outcome::Refused(current),
        Action::Withdraw {
            confirmed: false, ..
        } => return Outcome::ConfirmWithdrawal(current),
        Action::Withdraw {
            confirmed: true, ..
        } => {
            let r = &current.record;
            let entry = HistoryEntry {
                status: Status::Withdrawn,
                at: at.clone(),
                by: BY_AUTHOR.to_owned(),
                version: r.version.unwrap_or(1),
                note: None,
            };
            let messages = to_author(
                state,
                r.author_email(&state.catalog().form),
                current.lang,
                MessageKind::Withdrawal,
                r.revision.max(1) + 1,
            );
            (entry, None, messages)
        }
        Action::Correct { answers: sub, .. } => {
            let r = &current.record;
            let mut full = Submission::default();
            for (k, v) in [
                ("province", r.province.clone().unwrap_or_default()),
                ("issue", r.issue.clone().unwrap_or_default()),
                ("lang", current.lang.code().to_owned()),
            ] {
                full.insert(k.to_owned(), v);
            }
            for name in sub.names() {
                if state.catalog().form.field(name).is_some() {
                    full.insert(name.to_owned(), sub.get(name).unwrap_or("").to_owned());
                }
            }
            let valid = match validate::validate(state.catalog(), today, &full) {
                Ok(v) => v,
                Err(errors) => return Outcome::Invalid(current, errors),
            };
            if same_answers(r, &valid.answers) {
                return Outcome::Unchanged(current);
            }
            let version = r.version.unwrap_or(1) + 1;
            let entry = HistoryEntry {
                status: Status::Corrected,
                at: at.clone(),
                by: BY_AUTHOR.to_owned(),
                version,
                note: None,
            };
            let messages = to_author(
                state,
                valid.author_email(&state.catalog().form).map(str::to_owned),
                current.lang,
                MessageKind::Correction,
                version,
            );
            (entry, Some(valid.answers), messages)
        }
    };
    let (entry, answers, messages) = change;
    let withdrawing = entry.status == Status::Withdrawn;
    let stored = timeout_at(
        now.deadline,
        state.store().change(&Change {
            seen: &current.record,
            entry,
            answers: answers.as_deref(),
            messages,
        }),
    )
    .await;
    match stored {
        Ok(Ok(Changed::Done)) => {}
        Ok(Ok(Changed::Meanwhile)) => return reread(state, token, now, today, true).await,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "link change failed");
            return Outcome::Unavailable;
        }
        Err(_) => return Outcome::Unavailable,
    }
    match reread(state, token, now, today, false).await {
        Outcome::Page(p) if withdrawing => Outcome::Withdrawn(p),
        Outcome::Page(p) => Outcome::Corrected(p),
        other => other,
    }
}

/// The page as stored now; `meanwhile` turns it into [`Outcome::Meanwhile`].
async fn reread(state: &AppState, token: &str, now: Now, today: Date, meanwhile: bool) -> Outcome {
    match open(state, token, now).await {
        Ok(r) if meanwhile => Outcome::Meanwhile(page(state, r, token, today)),
        Ok(r) => Outcome::Page(page(state, r, token, today)),
        Err(o) => o,
    }
}

/// Sends the link of `reference` again, to the email address the proposal holds, when
/// `email` is that address (compared without case); the old link stops working. The answer
/// is the same either way, and never shows the address.
pub async fn resend(
    state: &AppState,
    reference: &str,
    email: &str,
    client: &Client,
    now: Now,
) -> Outcome {
    if let Err(o) = count(state, client, now).await {
        return o;
    }
    let read = timeout_at(
        now.deadline,
        state.store().proposal_record(reference.trim()),
    )
    .await;
    let record = match read {
        Ok(Ok(Some(r))) => r,
        Ok(Ok(None)) => return Outcome::ResendAccepted,
        Ok(Err(_)) | Err(_) => return Outcome::Unavailable,
    };
    let Some(stored) = record.author_email(&state.catalog().form) else {
        return Outcome::ResendAccepted;
    };
    if !stored.trim().eq_ignore_ascii_case(email.trim()) {
        return Outcome::ResendAccepted;
    }
    let lang = record
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Id);
    let messages = to_author(
        state,
        Some(stored),
        lang,
        MessageKind::Link,
        record.link_sends + 1,
    );
    // Without email there is nothing to send the new link with: keep the old one.
    let Some(message) = messages.first() else {
        return Outcome::ResendAccepted;
    };
    let fields = match new_link(&key(state)) {
        Ok(f) => f,
        Err(_) => return Outcome::Unavailable,
    };
    let at = store::timestamp(now.wall);
    match timeout_at(
        now.deadline,
        state.store().new_link(&record, &fields, &at, Some(message)),
    )
    .await
    {
        Ok(Ok(_)) => Outcome::ResendAccepted,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "link re-send failed");
            Outcome::Unavailable
        }
        Err(_) => Outcome::Unavailable,
    }
}
