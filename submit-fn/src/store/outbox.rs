//! The outbox's items in the one table (#17): one item per message about a proposal, written
//! in the proposal's own transaction ([`super::Store::put_proposal`]) and moved through its
//! states by the sender (`crate::outbox`) with conditional writes only.
//!
//! | item | `pk` | other attributes |
//! |---|---|---|
//! | outbox message | `OUTBOX#<reference>#<kind>[#<seq>]` | `entity=outbox`, `reference`, `kind` (`receipt`/`notice`/`correction`/`withdrawal`/`status`/`link`), `seq` (N: what it is about, 0 for a new proposal's), `to` (the address; removed once sent), `lang`, `created_at`, `status` (`pending`/`sent`/`failed`), `attempts` (N), `lease_until` (N, epoch s, while a sender holds it), `last_error` (a content-free code), `sent_at`, `message_id`, `expires_at` (N, TTL: set when sent) |
//!
//! While a message waits (`pending`) or is parked (`failed`), it carries `outbox_state` (the
//! same word) and `outbox_due` (a [`super::timestamp`]): the sparse index [`OUTBOX_INDEX`]
//! lists exactly those, oldest due first, so draining and `outbox list` never scan.
//!
//! The send record is the `status` itself: a sender first *claims* the message (an update
//! conditional on `status = pending` and no live lease), sends, then marks it `sent`
//! (conditional again). A redelivered stream batch or a second sender finds it claimed or sent
//! and does nothing; only a sender that dies between SES's answer and the mark leaves a
//! message to be sent again once its lease has run out.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::{AttributeValue, Put, ReturnValue};

use super::{PK, Store, StoreError, TTL_ATTRIBUTE, dynamo, s};

/// The sparse index of waiting and parked messages (`outbox_state`, `outbox_due`).
pub const OUTBOX_INDEX: &str = "outbox";

/// Which message about a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// The receipt to the address the submitter typed.
    Receipt,
    /// The notice to the organiser.
    Notice,
    /// The receipt of a correction (#18): its `seq` is the new version.
    Correction,
    /// The confirmation of a withdrawal (#18).
    Withdrawal,
    /// An organiser's status change the configuration makes public (#18): its `seq` is the
    /// history entry's number (1-based).
    Status,
    /// The private link, sent again on request (#18).
    Link,
}

impl MessageKind {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Receipt => "receipt",
            MessageKind::Notice => "notice",
            MessageKind::Correction => "correction",
            MessageKind::Withdrawal => "withdrawal",
            MessageKind::Status => "status",
            MessageKind::Link => "link",
        }
    }

    fn parse(word: &str) -> Option<MessageKind> {
        match word {
            "receipt" => Some(MessageKind::Receipt),
            "notice" => Some(MessageKind::Notice),
            "correction" => Some(MessageKind::Correction),
            "withdrawal" => Some(MessageKind::Withdrawal),
            "status" => Some(MessageKind::Status),
            "link" => Some(MessageKind::Link),
            _ => None,
        }
    }
}

/// A message to write with a new proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage {
    /// Which message.
    pub kind: MessageKind,
    /// The address it goes to.
    pub to: String,
    /// Its language code (`id`, `en`).
    pub lang: &'static str,
    /// 0 for the messages of a new proposal; otherwise what the message is about (a version,
    /// a history entry, a re-send's count), part of its key so that each is sent once.
    pub seq: u32,
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageStatus {
    /// Waiting to be sent (or being sent).
    Pending,
    /// Sent; expires with the table's TTL.
    Sent,
    /// Parked for an operator.
    Failed,
}

/// An outbox message as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRecord {
    /// Its key (`OUTBOX#<reference>#<kind>`).
    pub pk: String,
    /// The proposal it is about.
    pub reference: String,
    /// Which message.
    pub kind: MessageKind,
    /// The address (absent once sent).
    pub to: Option<String>,
    /// Language code.
    pub lang: String,
    /// Where it stands.
    pub status: MessageStatus,
    /// Send attempts so far (claims).
    pub attempts: u32,
    /// Why the last attempt failed (an SES error code or a transport failure kind).
    pub last_error: Option<String>,
    /// When it is due next ([`super::timestamp`]), while pending or parked.
    pub due: Option<String>,
    /// See [`NewMessage::seq`].
    pub seq: u32,
}

impl OutboxRecord {
    fn from_item(item: &HashMap<String, AttributeValue>) -> Option<OutboxRecord> {
        let text = |k: &str| match item.get(k) {
            Some(AttributeValue::S(v)) => Some(v.clone()),
            _ => None,
        };
        let status = match text("status")?.as_str() {
            "pending" => MessageStatus::Pending,
            "sent" => MessageStatus::Sent,
            "failed" => MessageStatus::Failed,
            _ => return None,
        };
        Some(OutboxRecord {
            pk: text(PK)?,
            reference: text("reference")?,
            kind: MessageKind::parse(&text("kind")?)?,
            to: text("to"),
            lang: text("lang")?,
            status,
            attempts: match item.get("attempts") {
                Some(AttributeValue::N(n)) => n.parse().unwrap_or(0),
                _ => 0,
            },
            last_error: text("last_error"),
            due: text("outbox_due"),
            seq: match item.get("seq") {
                Some(AttributeValue::N(n)) => n.parse().unwrap_or(0),
                _ => 0,
            },
        })
    }
}

/// The key of `reference`'s message of `kind`.
pub fn message_key(reference: &str, kind: MessageKind) -> String {
    format!("OUTBOX#{reference}#{}", kind.as_str())
}

/// The key of `reference`'s message of `kind` about `seq` ([`NewMessage::seq`]; 0: none).
pub fn message_key_seq(reference: &str, kind: MessageKind, seq: u32) -> String {
    match seq {
        0 => message_key(reference, kind),
        n => format!("OUTBOX#{reference}#{}#{n}", kind.as_str()),
    }
}

fn n(v: u64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn is_condition_failure<E: aws_sdk_dynamodb::error::ProvideErrorMetadata, R>(
    e: &aws_sdk_dynamodb::error::SdkError<E, R>,
) -> bool {
    e.as_service_error()
        .and_then(|s| s.code())
        .is_some_and(|c| c == "ConditionalCheckFailedException")
}

impl Store {
    /// The put of one outbox message, for the proposal's transaction (or a change's).
    /// Unconditional: its key contains the reference, which the proposal's own condition makes
    /// new, and the `seq` that the change's own condition makes new.
    pub(super) fn outbox_put(
        &self,
        m: &NewMessage,
        reference: &str,
        created_at: &str,
    ) -> Result<Put, StoreError> {
        Put::builder()
            .table_name(&self.table)
            .item(PK, s(message_key_seq(reference, m.kind, m.seq)))
            .item("seq", n(u64::from(m.seq)))
            .item("entity", s("outbox"))
            .item("reference", s(reference))
            .item("kind", s(m.kind.as_str()))
            .item("to", s(&m.to))
            .item("lang", s(m.lang))
            .item("created_at", s(created_at))
            .item("status", s("pending"))
            .item("attempts", n(0))
            .item("outbox_state", s("pending"))
            .item("outbox_due", s(created_at))
            .build()
            .map_err(|_| StoreError::Build("TransactWriteItems"))
    }

    /// Keys of pending messages due at or before `now` ([`super::timestamp`]), oldest first,
    /// at most `limit` (one index page; an eventually consistent read, so the claim decides).
    pub async fn due_messages(&self, now: &str, limit: i32) -> Result<Vec<String>, StoreError> {
        let out = self
            .client
            .query()
            .table_name(&self.table)
            .index_name(OUTBOX_INDEX)
            .key_condition_expression("outbox_state = :p AND outbox_due <= :now")
            .expression_attribute_values(":p", s("pending"))
            .expression_attribute_values(":now", s(now))
            .limit(limit)
            .send()
            .await
            .map_err(dynamo("Query"))?;
        Ok(out
            .items()
            .iter()
            .filter_map(|i| match i.get(PK) {
                Some(AttributeValue::S(k)) => Some(k.clone()),
                _ => None,
            })
            .collect())
    }

    /// Every parked message, oldest first (all index pages).
    pub async fn failed_messages(&self) -> Result<Vec<OutboxRecord>, StoreError> {
        self.messages_in("failed").await
    }

    /// Every message waiting to be sent (due now or later, or held by a sender), oldest due
    /// first (all index pages).
    pub async fn pending_messages(&self) -> Result<Vec<OutboxRecord>, StoreError> {
        self.messages_in("pending").await
    }

    /// Every message whose `outbox_state` is `state` (`pending` or `failed`), from the index.
    async fn messages_in(&self, state: &str) -> Result<Vec<OutboxRecord>, StoreError> {
        let mut records = Vec::new();
        let mut start = None;
        loop {
            let out = self
                .client
                .query()
                .table_name(&self.table)
                .index_name(OUTBOX_INDEX)
                .key_condition_expression("outbox_state = :state")
                .expression_attribute_values(":state", s(state))
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(dynamo("Query"))?;
            records.extend(out.items().iter().filter_map(OutboxRecord::from_item));
            match out.last_evaluated_key {
                Some(k) if !k.is_empty() => start = Some(k),
                _ => return Ok(records),
            }
        }
    }

    /// A message by key (a consistent read).
    pub async fn outbox_message(&self, pk: &str) -> Result<Option<OutboxRecord>, StoreError> {
        Ok(self
            .get(pk)
            .await?
            .as_ref()
            .and_then(OutboxRecord::from_item))
    }

    /// Claims a pending message for `lease_secs` from `now_secs` and counts the attempt. `None`
    /// when it is not pending, is held by another sender, or does not exist.
    pub async fn claim_message(
        &self,
        pk: &str,
        now_secs: u64,
        lease_secs: u64,
    ) -> Result<Option<OutboxRecord>, StoreError> {
        let out = self
            .client
            .update_item()
            .table_name(&self.table)
            .key(PK, s(pk))
            .condition_expression(
                "entity = :outbox AND #st = :pending AND (attribute_not_exists(lease_until) OR lease_until < :now)",
            )
            .update_expression("SET lease_until = :lease ADD attempts :one")
            .expression_attribute_names("#st", "status")
            .expression_attribute_values(":outbox", s("outbox"))
            .expression_attribute_values(":pending", s("pending"))
            .expression_attribute_values(":now", n(now_secs))
            .expression_attribute_values(":lease", n(now_secs + lease_secs))
            .expression_attribute_values(":one", n(1))
            .return_values(ReturnValue::AllNew)
            .send()
            .await;
        match out {
            Ok(o) => Ok(o.attributes.as_ref().and_then(OutboxRecord::from_item)),
            Err(e) if is_condition_failure(&e) => Ok(None),
            Err(e) => Err(dynamo("UpdateItem")(e)),
        }
    }

    /// Records a delivery: `sent`, out of the index, the address removed, expiring
    /// (`expires_at`) at `expires_secs`.
    pub async fn mark_sent(
        &self,
        pk: &str,
        message_id: &str,
        sent_at: &str,
        expires_secs: u64,
    ) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .key(PK, s(pk))
            .condition_expression("#st = :pending")
            .update_expression(
                "SET #st = :sent, sent_at = :at, message_id = :id, #ttl = :exp \
                 REMOVE outbox_state, outbox_due, lease_until, #to, last_error",
            )
            .expression_attribute_names("#st", "status")
            .expression_attribute_names("#to", "to")
            .expression_attribute_names("#ttl", TTL_ATTRIBUTE)
            .expression_attribute_values(":pending", s("pending"))
            .expression_attribute_values(":sent", s("sent"))
            .expression_attribute_values(":at", s(sent_at))
            .expression_attribute_values(":id", s(message_id))
            .expression_attribute_values(":exp", n(expires_secs))
            .send()
            .await
            .map_err(dynamo("UpdateItem"))?;
        Ok(())
    }

    /// Releases a claimed message for another attempt at `due` ([`super::timestamp`]).
    pub async fn mark_retry(&self, pk: &str, due: &str, error: &str) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .key(PK, s(pk))
            .condition_expression("#st = :pending")
            .update_expression("SET outbox_due = :due, last_error = :err REMOVE lease_until")
            .expression_attribute_names("#st", "status")
            .expression_attribute_values(":pending", s("pending"))
            .expression_attribute_values(":due", s(due))
            .expression_attribute_values(":err", s(error))
            .send()
            .await
            .map_err(dynamo("UpdateItem"))?;
        Ok(())
    }

    /// Parks a claimed message for an operator (`outbox list --failed`).
    pub async fn mark_failed(&self, pk: &str, error: &str) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .key(PK, s(pk))
            .condition_expression("#st = :pending")
            .update_expression(
                "SET #st = :failed, outbox_state = :failed, last_error = :err REMOVE lease_until",
            )
            .expression_attribute_names("#st", "status")
            .expression_attribute_values(":pending", s("pending"))
            .expression_attribute_values(":failed", s("failed"))
            .expression_attribute_values(":err", s(error))
            .send()
            .await
            .map_err(dynamo("UpdateItem"))?;
        Ok(())
    }

    /// Puts a parked message back in line, due at `now` with its attempts reset; `false` when
    /// it is not parked.
    pub async fn replay_message(&self, pk: &str, now: &str) -> Result<bool, StoreError> {
        let out = self
            .client
            .update_item()
            .table_name(&self.table)
            .key(PK, s(pk))
            .condition_expression("#st = :failed")
            .update_expression(
                "SET #st = :pending, outbox_state = :pending, outbox_due = :now, attempts = :zero",
            )
            .expression_attribute_names("#st", "status")
            .expression_attribute_values(":failed", s("failed"))
            .expression_attribute_values(":pending", s("pending"))
            .expression_attribute_values(":now", s(now))
            .expression_attribute_values(":zero", n(0))
            .send()
            .await;
        match out {
            Ok(_) => Ok(true),
            Err(e) if is_condition_failure(&e) => Ok(false),
            Err(e) => Err(dynamo("UpdateItem")(e)),
        }
    }
}

impl Store {
    /// A proposal by reference, as the export reads it (for rendering its messages).
    pub async fn proposal_record(
        &self,
        reference: &str,
    ) -> Result<Option<super::ProposalRecord>, StoreError> {
        Ok(self
            .get_proposal(reference)
            .await?
            .as_ref()
            .map(super::ProposalRecord::from_item))
    }
}
