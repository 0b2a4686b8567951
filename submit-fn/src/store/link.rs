//! Changes to a stored proposal (#18): corrections, withdrawals, the organiser's statuses, and
//! a new private link. Each is one `TransactWriteItems` whose update of the proposal is
//! conditional on the `revision` the change was decided on (the number of history entries),
//! so of two concurrent changes exactly one wins and the other is told [`Changed::Meanwhile`].
//! A withdrawn proposal takes no change.
//!
//! A correction also writes the version it replaces as its own item (`VERSION#<reference>#<n>`,
//! conditional on not existing), so every earlier version stays for the organiser while the
//! proposal item always holds the current one. The messages about a change (a correction's
//! receipt, a withdrawal's confirmation, a public status) are puts in the same transaction,
//! exactly as a new proposal's receipt is.

use std::collections::HashMap;

use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{AttributeValue, Put, TransactWriteItem, Update};

use super::{
    LinkFields, NewMessage, PK, ProposalRecord, Store, StoreError, StoredValue, answers_item,
    dynamo, history_item, s,
};
use crate::status::{HistoryEntry, Status};
use crate::validate::Answer;

/// A change, decided on the proposal as read at `seen_revision`.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    /// The proposal as read (reference, revision, current answers and version).
    pub seen: &'a ProposalRecord,
    /// The history entry the change appends (its status becomes the proposal's).
    pub entry: HistoryEntry,
    /// A correction's new answers (the entry's version is the new version).
    pub answers: Option<&'a [(String, Answer)]>,
    /// Messages to write with it.
    pub messages: Vec<NewMessage>,
}

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Stored.
    Done,
    /// The proposal changed (or was withdrawn) after it was read: nothing was stored.
    Meanwhile,
}

fn n(v: u32) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn stored_value(v: &StoredValue) -> Option<AttributeValue> {
    match v {
        StoredValue::Text(t) => Some(s(t)),
        StoredValue::Number(x) => Some(AttributeValue::N(x.clone())),
        StoredValue::Ticked => Some(AttributeValue::Bool(true)),
        StoredValue::Other => None,
    }
}

fn build<T>(r: Result<T, impl std::fmt::Debug>) -> Result<T, StoreError> {
    r.map_err(|_| StoreError::Build("TransactWriteItems"))
}

impl Store {
    /// Applies `change` (see the module docs).
    pub async fn change(&self, change: &Change<'_>) -> Result<Changed, StoreError> {
        let seen = change.seen;
        let reference = seen
            .reference
            .as_deref()
            .ok_or(StoreError::Inconsistent("a proposal without reference"))?;
        let mut set = vec![
            "#st = :st",
            "updated_at = :at",
            "revision = :next",
            "history = list_append(if_not_exists(history, :empty), :h)",
        ];
        let mut update = Update::builder()
            .table_name(&self.table)
            .key(PK, s(format!("REF#{reference}")))
            .expression_attribute_names("#st", "status")
            .expression_attribute_values(":st", s(change.entry.status.as_str()))
            .expression_attribute_values(":at", s(&change.entry.at))
            .expression_attribute_values(":next", n(seen.revision.max(1) + 1))
            .expression_attribute_values(":empty", AttributeValue::L(Vec::new()))
            .expression_attribute_values(":h", AttributeValue::L(vec![history_item(&change.entry)]))
            .expression_attribute_values(":withdrawn", s(Status::Withdrawn.as_str()));
        // Items from before #18 have no revision: they count as revision 1 (one entry).
        update = if seen.revision == 0 {
            update.condition_expression(
                "attribute_exists(pk) AND attribute_not_exists(revision) AND #st <> :withdrawn",
            )
        } else {
            update
                .condition_expression("revision = :rev AND #st <> :withdrawn")
                .expression_attribute_values(":rev", n(seen.revision))
        };
        if change.entry.status == Status::Withdrawn {
            set.push("withdrawn_at = :at");
        }
        let mut tx = self.client.transact_write_items();
        if let Some(answers) = change.answers {
            let previous = seen.version.unwrap_or(1);
            set.push("answers = :answers");
            set.push("version = :version");
            update = update
                .expression_attribute_values(":answers", answers_item(answers))
                .expression_attribute_values(":version", n(change.entry.version));
            let old: HashMap<String, AttributeValue> = seen
                .answers
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), stored_value(v)?)))
                .collect();
            let valid_from = seen
                .updated_at
                .clone()
                .or_else(|| seen.submitted_at.clone())
                .unwrap_or_default();
            let version = build(
                Put::builder()
                    .table_name(&self.table)
                    .item(PK, s(format!("VERSION#{reference}#{previous}")))
                    .item("entity", s("version"))
                    .item("reference", s(reference))
                    .item("version", n(previous))
                    .item("answers", AttributeValue::M(old))
                    .item("valid_from", s(valid_from))
                    .item("superseded_at", s(&change.entry.at))
                    .condition_expression("attribute_not_exists(pk)")
                    .build(),
            )?;
            tx = tx.transact_items(TransactWriteItem::builder().put(version).build());
        }
        let update = build(
            update
                .update_expression(format!("SET {}", set.join(", ")))
                .build(),
        )?;
        tx = tx.transact_items(TransactWriteItem::builder().update(update).build());
        for m in &change.messages {
            let put = self.outbox_put(m, reference, &change.entry.at)?;
            tx = tx.transact_items(TransactWriteItem::builder().put(put).build());
        }
        finish(tx.send().await)
    }

    /// Gives `seen` a new link (`fields`) and writes `message` (the link, sent again) with it,
    /// conditional on the re-sends counted when it was read.
    pub async fn new_link(
        &self,
        seen: &ProposalRecord,
        fields: &LinkFields,
        at: &str,
        message: Option<&NewMessage>,
    ) -> Result<Changed, StoreError> {
        let reference = seen
            .reference
            .as_deref()
            .ok_or(StoreError::Inconsistent("a proposal without reference"))?;
        let mut update = Update::builder()
            .table_name(&self.table)
            .key(PK, s(format!("REF#{reference}")))
            .update_expression("SET link_nonce = :nonce, link_hash = :hash, link_sends = :next")
            .expression_attribute_values(":nonce", s(&fields.nonce))
            .expression_attribute_values(":hash", s(&fields.hash))
            .expression_attribute_values(":next", n(seen.link_sends + 1));
        update = if seen.link_sends == 0 {
            update.condition_expression("attribute_exists(pk) AND attribute_not_exists(link_sends)")
        } else {
            update
                .condition_expression("link_sends = :sends")
                .expression_attribute_values(":sends", n(seen.link_sends))
        };
        let mut tx = self.client.transact_write_items().transact_items(
            TransactWriteItem::builder()
                .update(build(update.build())?)
                .build(),
        );
        if let Some(m) = message {
            let put = self.outbox_put(m, reference, at)?;
            tx = tx.transact_items(TransactWriteItem::builder().put(put).build());
        }
        finish(tx.send().await)
    }

    /// The earlier versions of `reference`, oldest first (version, answers).
    pub async fn earlier_versions(
        &self,
        seen: &ProposalRecord,
    ) -> Result<Vec<(u32, HashMap<String, StoredValue>)>, StoreError> {
        let Some(reference) = seen.reference.as_deref() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for v in 1..seen.version.unwrap_or(1) {
            if let Some(item) = self.get(&format!("VERSION#{reference}#{v}")).await? {
                out.push((v, ProposalRecord::from_item(&item).answers));
            }
        }
        Ok(out)
    }
}

fn finish<R>(
    result: Result<
        R,
        aws_sdk_dynamodb::error::SdkError<
            TransactWriteItemsError,
            aws_sdk_dynamodb::config::http::HttpResponse,
        >,
    >,
) -> Result<Changed, StoreError> {
    let err = match result {
        Ok(_) => return Ok(Changed::Done),
        Err(e) => e,
    };
    match err.as_service_error() {
        Some(TransactWriteItemsError::TransactionCanceledException(tc))
            if tc.cancellation_reasons().iter().any(|r| {
                matches!(
                    r.code(),
                    Some("ConditionalCheckFailed") | Some("TransactionConflict")
                )
            }) =>
        {
            Ok(Changed::Meanwhile)
        }
        _ => Err(dynamo("TransactWriteItems")(err)),
    }
}
