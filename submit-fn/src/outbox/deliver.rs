//! Delivering outbox messages: claim, render, send, record; or retry with backoff, or park.
//!
//! [`Outbox::deliver`] handles one message and is safe to call any number of times, from any
//! number of senders: the claim is a conditional write (see `crate::store::outbox`), so a
//! message is sent once per success. [`Outbox::drain`] delivers every message that is due;
//! [`Outbox::stream_batch`] delivers the messages a DynamoDB Streams batch names.

use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use winner_catalog::{Catalog, Lang};

use super::render::{self, Request};
use super::ses::{Mailer, SendError};
use crate::capability::{self, LinkKey};
use crate::config::MailConfig;
use crate::store::{self, MessageKind, OutboxRecord, Store, StoreError};

/// Attempts before a message that keeps failing is parked.
pub const MAX_ATTEMPTS: u32 = 8;
/// How long a claim holds a message (a sender that dies frees it after this).
pub const LEASE_SECS: u64 = 120;
/// How long a delivered message's record stays (then the table's TTL removes it).
pub const SENT_RETENTION_SECS: u64 = 7 * 24 * 3600;
/// The first retry's delay; each further one doubles, up to [`MAX_BACKOFF_SECS`].
pub const FIRST_BACKOFF_SECS: u64 = 30;
/// The longest delay between two attempts.
pub const MAX_BACKOFF_SECS: u64 = 3600;

/// The delay before attempt `attempts + 1`, after `attempts` failed ones.
pub fn backoff(attempts: u32) -> Duration {
    let exp = attempts.saturating_sub(1).min(16);
    Duration::from_secs((FIRST_BACKOFF_SECS << exp).min(MAX_BACKOFF_SECS))
}

/// What happened to one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Sent now.
    Sent,
    /// Not ours to send: already sent, parked, held by another sender, or gone.
    Skipped,
    /// SES was unavailable; due again later.
    Retrying,
    /// Parked for an operator (rejected, or out of attempts, or not renderable).
    Parked,
}

/// What a drain did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Messages sent.
    pub sent: usize,
    /// Messages due again later.
    pub retrying: usize,
    /// Messages parked.
    pub parked: usize,
    /// Messages another sender had, or that were no longer pending.
    pub skipped: usize,
}

impl Summary {
    fn add(&mut self, d: &Delivery) {
        match d {
            Delivery::Sent => self.sent += 1,
            Delivery::Retrying => self.retrying += 1,
            Delivery::Parked => self.parked += 1,
            Delivery::Skipped => self.skipped += 1,
        }
    }
}

/// Why delivering could not even be attempted: the table failed. The message stays pending.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct DeliverError(#[from] StoreError);

/// The sender: the table, SES, the catalog's texts and the mail settings.
#[derive(Debug, Clone)]
pub struct Outbox {
    store: Store,
    mailer: Mailer,
    catalog: Arc<Catalog>,
    mail: MailConfig,
    /// The link key and the public URL of `POST /proposals` (`SUBMIT_URL`), to write the
    /// private link (#18) into messages to the author.
    link: Option<(LinkKey, String)>,
}

/// The private link of a proposal's current nonce: `<submit URL>/link/<token>`.
pub fn link_url(key: &LinkKey, submit_url: &str, reference: &str, nonce: &str) -> String {
    format!(
        "{}/link/{}",
        submit_url.trim_end_matches('/'),
        capability::token_for(key, reference, nonce)
    )
}

fn unix(now: OffsetDateTime) -> u64 {
    u64::try_from(now.unix_timestamp()).unwrap_or(0)
}

impl Outbox {
    /// A sender over these parts.
    pub fn new(store: Store, mailer: Mailer, catalog: Arc<Catalog>, mail: MailConfig) -> Outbox {
        Outbox {
            store,
            mailer,
            catalog,
            mail,
            link: None,
        }
    }

    /// Writes the private link into messages to the author: `key` derives the secrets,
    /// `submit_url` is the public URL of `POST /proposals`.
    pub fn with_link(mut self, key: LinkKey, submit_url: impl Into<String>) -> Outbox {
        self.link = Some((key, submit_url.into()));
        self
    }

    /// Delivers the message `pk` at `now` (see the module docs).
    pub async fn deliver(&self, pk: &str, now: OffsetDateTime) -> Result<Delivery, DeliverError> {
        let now_secs = unix(now);
        let Some(record) = self.store.claim_message(pk, now_secs, LEASE_SECS).await? else {
            return Ok(Delivery::Skipped);
        };
        let email = match self.render(&record).await? {
            Ok(email) => email,
            Err(reason) => {
                tracing::error!(kind = record.kind.as_str(), %reason, "outbox: message parked, cannot render");
                self.store.mark_failed(pk, &reason).await?;
                return Ok(Delivery::Parked);
            }
        };
        let Some(to) = record.to.as_deref() else {
            self.store.mark_failed(pk, "no address").await?;
            return Ok(Delivery::Parked);
        };
        match self.mailer.send(to, &email).await {
            Ok(id) => {
                self.store
                    .mark_sent(
                        pk,
                        &id,
                        &store::timestamp(now),
                        now_secs + SENT_RETENTION_SECS,
                    )
                    .await?;
                tracing::info!(kind = record.kind.as_str(), "outbox: message sent");
                Ok(Delivery::Sent)
            }
            Err(e @ SendError::Rejected(_)) => {
                tracing::warn!(kind = record.kind.as_str(), error = %e, "outbox: message parked");
                self.store.mark_failed(pk, &e.code()).await?;
                Ok(Delivery::Parked)
            }
            Err(e) if record.attempts >= MAX_ATTEMPTS => {
                tracing::warn!(kind = record.kind.as_str(), error = %e, attempts = record.attempts, "outbox: message parked after its last attempt");
                self.store.mark_failed(pk, &e.code()).await?;
                Ok(Delivery::Parked)
            }
            Err(e) => {
                let due = now + backoff(record.attempts);
                tracing::warn!(kind = record.kind.as_str(), error = %e, attempts = record.attempts, "outbox: send failed, will retry");
                self.store
                    .mark_retry(pk, &store::timestamp(due), &e.code())
                    .await?;
                Ok(Delivery::Retrying)
            }
        }
    }

    /// The message's texts, or why it cannot have any (a content-free reason).
    async fn render(
        &self,
        record: &OutboxRecord,
    ) -> Result<Result<render::Email, String>, StoreError> {
        let Some(proposal) = self.store.proposal_record(&record.reference).await? else {
            return Ok(Err("proposal not found".into()));
        };
        let lang = Lang::from_code(&record.lang).unwrap_or(Lang::Id);
        let link = match (&self.link, &proposal.link) {
            (Some((key, url)), Some(fields)) if record.kind != MessageKind::Notice => {
                Some(link_url(key, url, &record.reference, &fields.nonce))
            }
            _ => None,
        };
        Ok(render::render(&Request {
            catalog: &self.catalog,
            proposal: &proposal,
            kind: record.kind,
            lang,
            notice_answers: record.kind == MessageKind::Notice && self.mail.notice_answers,
            seq: record.seq,
            link: link.as_deref(),
        })
        .map_err(|e| e.to_string()))
    }

    /// Delivers every message due at `now`, page after page, until none is left (messages
    /// retried during this drain are due later, so it ends).
    pub async fn drain(&self, now: OffsetDateTime) -> Result<Summary, DeliverError> {
        let mut summary = Summary::default();
        let due = store::timestamp(now);
        loop {
            let keys = self.store.due_messages(&due, 25).await?;
            let mut progressed = false;
            for pk in &keys {
                let d = self.deliver(pk, now).await?;
                progressed |= d != Delivery::Skipped;
                summary.add(&d);
            }
            // An index page of only skipped keys: the rest belong to another sender (or the
            // index lags a moment); the next run picks them up.
            if keys.is_empty() || !progressed {
                return Ok(summary);
            }
        }
    }

    /// Delivers the outbox messages a DynamoDB Streams batch names (`Records[].dynamodb.Keys.pk`,
    /// INSERT and MODIFY events of `OUTBOX#` keys; others are ignored). Returns the sequence
    /// numbers of records whose delivery could not be attempted (the table failed), for the
    /// event source mapping's `ReportBatchItemFailures`; a redelivered batch sends nothing twice.
    pub async fn stream_batch(
        &self,
        event: &serde_json::Value,
        now: OffsetDateTime,
    ) -> (Summary, Vec<String>) {
        let mut summary = Summary::default();
        let mut failures = Vec::new();
        let records = event
            .get("Records")
            .and_then(|r| r.as_array())
            .map_or(&[][..], Vec::as_slice);
        for r in records {
            let name = r.get("eventName").and_then(|n| n.as_str()).unwrap_or("");
            let db = r.get("dynamodb");
            let pk = db
                .and_then(|d| d.pointer("/Keys/pk/S"))
                .and_then(|p| p.as_str());
            let seq = db
                .and_then(|d| d.get("SequenceNumber"))
                .and_then(|s| s.as_str())
                .unwrap_or("");
            let Some(pk) = pk.filter(|p| p.starts_with("OUTBOX#")) else {
                continue;
            };
            if !matches!(name, "INSERT" | "MODIFY") {
                continue;
            }
            match self.deliver(pk, now).await {
                Ok(d) => summary.add(&d),
                Err(e) => {
                    tracing::warn!(error = %e, "outbox: delivery not attempted, batch item failed");
                    failures.push(seq.to_owned());
                }
            }
        }
        (summary, failures)
    }
}
