//! DynamoDB: one table, three kinds of item.
//!
//! | item | `pk` | other attributes |
//! |---|---|---|
//! | proposal | `REF#<reference>` | `entity=proposal`, `reference`, `province`, `province_code`, `issue`, `province_issue` (`<province>#<issue>`), `lang`, `submitted_at` (UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`, sorts as time), `status` (see `crate::status`), `version` (N, 1 as sent), `revision` (N, history entries: the lock of every change), `history` (list of maps `status`, `at`, `by`, `version`, `note`), `updated_at`, `link_nonce` and `link_hash` (the private link: never its secret, see `crate::capability`), `link_sends` (N), `answers` (map: S, N or BOOL), `consent` (map: `given`, `at`, `privacy_notice_version`), `idempotency` (`token` or `fingerprint`) |
//! | idempotency record | `IDEM#<key hex>` | `entity=idempotency`, `reference`, `created_at`, `fingerprint` (content hash the key is bound to) |
//! | near-duplicate guard | `FP#<content fingerprint hex>` | `entity=fingerprint`, `reference`, `expires_at` (N, TTL): the same content under another token within [`NEAR_DUPLICATE_SECS`] is the same proposal |
//! | earlier version | `VERSION#<reference>#<n>` | `entity=version`, `reference`, `version` (N), `answers` (as they were), `valid_from`, `superseded_at`: written in the correction's transaction (see [`link`]) |
//! | outbox message | `OUTBOX#<reference>#<kind>` | see [`outbox`]: a receipt or notice waiting to be sent, written with its proposal |
//! | rate counter | `RATE#<client hmac>#<window start>` | `entity=rate`, `hits` (N), `expires_at` (N, epoch seconds: the table's TTL attribute) |
//!
//! Access patterns:
//! - get a proposal by reference: `GetItem pk=REF#<reference>`;
//! - list a province's proposals in time order: GSI `by_province` (`province`, `submitted_at`);
//! - list an issue's proposals in time order: GSI `by_issue` (`province_issue`, `submitted_at`)
//!   (issue slugs are unique only within a province, hence the compound key);
//! - both indexes are sparse: only proposals carry `province`/`province_issue`;
//! - list the outbox's waiting or parked messages by due time: GSI [`OUTBOX_INDEX`]
//!   (`outbox_state`, `outbox_due`), sparse too (see [`outbox`]).
//!
//! A proposal is written in one `TransactWriteItems` with its idempotency record (and, when
//! the key is a client token, the near-duplicate guard), each put conditional on
//! `attribute_not_exists(pk)` (the guard also when it has expired). If the idempotency record
//! exists, the request is a repeat: the stored reference is read back and returned, or, when
//! the record was made for different content, a [`Stored::Conflict`]. If the guard exists, the
//! same content came under another token: a repeat of that proposal. The proposal's outgoing
//! messages ([`NewProposal::messages`]) are puts in the same transaction, after the others, so a
//! message exists exactly when its proposal does. If only the reference is taken
//! (another key mapped to the same 30 bits), the next candidate reference is tried. Nothing is
//! acknowledged that the transaction did not store.
//!
//! [`table_definition`] is the one schema: `submit-fn create-table` builds the table from it
//! and the deploy template can be checked against it.
//!
//! This module is the only one that speaks DynamoDB: the intake's writes and counters, and the
//! reviewers' export reads ([`Store::proposal_pages`], typed [`ProposalRecord`]s), so that
//! the rest of the crate sees plain values and storage knows no HTTP.

use std::collections::HashMap;
use std::time::Duration;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::timeout::TimeoutConfig;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, KeySchemaElement,
    KeyType, Projection, ProjectionType, Put, ReturnValue, ScalarAttributeType,
    TimeToLiveSpecification, TransactWriteItem,
};

pub mod link;
pub mod outbox;
pub use link::{Change, Changed};
pub use outbox::{MessageKind, MessageStatus, NewMessage, OUTBOX_INDEX, OutboxRecord};

use crate::reference;
use crate::status::{BY_AUTHOR, HistoryEntry, Status};
use crate::validate::{Answer, Valid};

/// An instant as the table stores it: the project's one timestamp format.
pub use winner_catalog::clock::format_instant as timestamp;

/// The table's partition key attribute.
pub const PK: &str = "pk";
/// How long the same content under another token counts as the same proposal.
pub const NEAR_DUPLICATE_SECS: u64 = 3600;

/// The TTL attribute (rate counters, near-duplicate guards, delivered outbox messages).
pub const TTL_ATTRIBUTE: &str = "expires_at";
/// Index of proposals by province, in time order.
pub const BY_PROVINCE: &str = "by_province";
/// Index of proposals by issue (`<province>#<issue>`), in time order.
pub const BY_ISSUE: &str = "by_issue";

/// The table schema, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDefinition {
    /// Partition key (string); there is no sort key.
    pub partition_key: &'static str,
    /// Every key attribute of the table and its indexes (all strings).
    pub attributes: Vec<&'static str>,
    /// Global secondary indexes: (name, partition key, sort key), projecting all attributes.
    pub indexes: Vec<(&'static str, &'static str, &'static str)>,
    /// The TTL attribute.
    pub ttl_attribute: &'static str,
    /// Always on-demand (`PAY_PER_REQUEST`).
    pub billing: &'static str,
}

/// The one definition of the table.
pub fn table_definition() -> TableDefinition {
    TableDefinition {
        partition_key: PK,
        attributes: vec![
            PK,
            "province",
            "province_issue",
            "submitted_at",
            "outbox_state",
            "outbox_due",
        ],
        indexes: vec![
            (BY_PROVINCE, "province", "submitted_at"),
            (BY_ISSUE, "province_issue", "submitted_at"),
            (OUTBOX_INDEX, "outbox_state", "outbox_due"),
        ],
        ttl_attribute: TTL_ATTRIBUTE,
        billing: "PAY_PER_REQUEST",
    }
}

/// Why storage failed. Messages never contain item contents.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The DynamoDB call failed (unreachable, timed out, refused).
    #[error("DynamoDB {operation} failed: {reason}")]
    Dynamo {
        /// The API operation.
        operation: &'static str,
        /// A short, content-free reason (error code or transport failure kind).
        reason: String,
    },
    /// Building a request failed (a programming error).
    #[error("could not build the {0} request")]
    Build(&'static str),
    /// The table answered in a way that contradicts the write protocol.
    #[error("inconsistent table state: {0}")]
    Inconsistent(&'static str),
}

/// Maps an SDK error of `operation` to a content-free [`StoreError::Dynamo`].
pub(crate) fn dynamo<E: ProvideErrorMetadata, R>(
    operation: &'static str,
) -> impl Fn(SdkError<E, R>) -> StoreError {
    move |e| StoreError::Dynamo {
        operation,
        reason: describe(&e),
    }
}

fn describe<E: ProvideErrorMetadata, R>(e: &SdkError<E, R>) -> String {
    match e {
        SdkError::ServiceError(s) => s.err().code().unwrap_or("service error").to_owned(),
        SdkError::TimeoutError(_) => "timeout".into(),
        SdkError::DispatchFailure(_) => "unreachable (dispatch failure)".into(),
        SdkError::ResponseError(_) => "unreadable response".into(),
        SdkError::ConstructionFailure(_) => "request construction failed".into(),
        _ => "unknown failure".into(),
    }
}

/// Timeouts that keep every answer inside a Lambda's 10 s: a store that does not answer gives
/// a 503 rather than a hung request.
pub fn timeouts() -> TimeoutConfig {
    TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .operation_attempt_timeout(Duration::from_secs(3))
        .operation_timeout(Duration::from_secs(6))
        .build()
}

/// A client from the SDK's own environment (region, credentials, `AWS_ENDPOINT_URL_DYNAMODB`).
pub async fn client_from_env() -> Client {
    let conf = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .timeout_config(timeouts())
        .load()
        .await;
    Client::new(&conf)
}

/// Creates the table from [`table_definition`] and turns on TTL.
pub async fn create_table(client: &Client, table: &str) -> Result<(), StoreError> {
    let def = table_definition();
    let key = |name: &str, kind: KeyType| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(kind)
            .build()
            .map_err(|_| StoreError::Build("CreateTable"))
    };
    let mut req = client
        .create_table()
        .table_name(table)
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(key(def.partition_key, KeyType::Hash)?);
    for a in &def.attributes {
        req = req.attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(*a)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .map_err(|_| StoreError::Build("CreateTable"))?,
        );
    }
    for (name, hash, range) in &def.indexes {
        req = req.global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name(*name)
                .key_schema(key(hash, KeyType::Hash)?)
                .key_schema(key(range, KeyType::Range)?)
                .projection(
                    Projection::builder()
                        .projection_type(ProjectionType::All)
                        .build(),
                )
                .build()
                .map_err(|_| StoreError::Build("CreateTable"))?,
        );
    }
    req.send().await.map_err(dynamo("CreateTable"))?;
    client
        .update_time_to_live()
        .table_name(table)
        .time_to_live_specification(
            TimeToLiveSpecification::builder()
                .attribute_name(def.ttl_attribute)
                .enabled(true)
                .build()
                .map_err(|_| StoreError::Build("UpdateTimeToLive"))?,
        )
        .send()
        .await
        .map_err(dynamo("UpdateTimeToLive"))?;
    Ok(())
}

/// What a write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// A new proposal with this reference.
    Created(String),
    /// A repeat of an earlier proposal with this reference; nothing new was stored.
    Repeated(String),
    /// The idempotency key was used for different content, stored under this reference;
    /// nothing new was stored.
    Conflict(String),
}

/// An idempotency record, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyRecord {
    /// The reference given to the key.
    pub reference: String,
    /// The content fingerprint the key was first used with (absent on older records).
    pub fingerprint: Option<String>,
}

impl IdempotencyRecord {
    /// What a request with `fingerprint` should be told about this record.
    pub fn verdict(&self, fingerprint: &str) -> Stored {
        match &self.fingerprint {
            Some(f) if f != fingerprint => Stored::Conflict(self.reference.clone()),
            _ => Stored::Repeated(self.reference.clone()),
        }
    }
}

/// A proposal ready to write.
#[derive(Debug, Clone)]
pub struct NewProposal<'a> {
    /// The validated content.
    pub valid: &'a Valid,
    /// [`reference::idempotency_key`] of it.
    pub key: String,
    /// [`reference::content_fingerprint`] of it.
    pub fingerprint: String,
    /// UTC instant, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    pub submitted_at: String,
    /// The same instant in Unix seconds (for the near-duplicate guard's expiry).
    pub now_secs: u64,
    /// Version of the privacy notice the consent refers to.
    pub privacy_notice_version: &'a str,
    /// Messages to send about it (receipt, organiser notice), written in its transaction.
    pub messages: Vec<NewMessage>,
    /// The private link's nonce and the hash of its secret ([`crate::capability`]).
    pub link: LinkFields,
}

/// What a proposal stores of its private link: never the secret itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFields {
    /// `link_nonce`: random, the secret's derivation input.
    pub nonce: String,
    /// `link_hash`: the SHA-256 of the secret.
    pub hash: String,
}

/// The table and its client.
#[derive(Debug, Clone)]
pub struct Store {
    client: Client,
    table: String,
}

const MAX_REFERENCE_ATTEMPTS: u32 = 5;
const MAX_CONFLICT_RETRIES: u32 = 3;

fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

impl Store {
    /// A store for `table`.
    pub fn new(client: Client, table: impl Into<String>) -> Store {
        Store {
            client,
            table: table.into(),
        }
    }

    /// The table name.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// Writes a proposal once per idempotency key (see the module docs).
    pub async fn put_proposal(&self, p: &NewProposal<'_>) -> Result<Stored, StoreError> {
        let mut attempt = 0;
        let mut conflicts = 0;
        while attempt < MAX_REFERENCE_ATTEMPTS {
            let reference = reference::reference(&p.valid.province_code, &p.key, attempt);
            let idem = Put::builder()
                .table_name(&self.table)
                .item(PK, s(format!("IDEM#{}", p.key)))
                .item("entity", s("idempotency"))
                .item("reference", s(&reference))
                .item("created_at", s(&p.submitted_at))
                .item("fingerprint", s(&p.fingerprint))
                .condition_expression("attribute_not_exists(pk)")
                .build()
                .map_err(|_| StoreError::Build("TransactWriteItems"))?;
            let mut proposal = Put::builder()
                .table_name(&self.table)
                .condition_expression("attribute_not_exists(pk)");
            for (k, v) in proposal_item(p, &reference) {
                proposal = proposal.item(k, v);
            }
            let proposal = proposal
                .build()
                .map_err(|_| StoreError::Build("TransactWriteItems"))?;
            let mut tx = self
                .client
                .transact_write_items()
                .transact_items(TransactWriteItem::builder().put(idem).build())
                .transact_items(TransactWriteItem::builder().put(proposal).build());
            if p.valid.token.is_some() {
                // Without a token the key is the fingerprint already.
                let guard = Put::builder()
                    .table_name(&self.table)
                    .item(PK, s(format!("FP#{}", p.fingerprint)))
                    .item("entity", s("fingerprint"))
                    .item("reference", s(&reference))
                    .item(
                        TTL_ATTRIBUTE,
                        AttributeValue::N((p.now_secs + NEAR_DUPLICATE_SECS).to_string()),
                    )
                    .condition_expression("attribute_not_exists(pk) OR expires_at < :now")
                    .expression_attribute_values(":now", AttributeValue::N(p.now_secs.to_string()))
                    .build()
                    .map_err(|_| StoreError::Build("TransactWriteItems"))?;
                tx = tx.transact_items(TransactWriteItem::builder().put(guard).build());
            }
            // After the conditional puts, so the cancellation reasons' indexes stay 0 to 2.
            for m in &p.messages {
                let put = self.outbox_put(m, &reference, &p.submitted_at)?;
                tx = tx.transact_items(TransactWriteItem::builder().put(put).build());
            }
            let result = tx.send().await;
            let err = match result {
                Ok(_) => return Ok(Stored::Created(reference)),
                Err(e) => e,
            };
            let reasons: Vec<Option<String>> = match err.as_service_error() {
                Some(aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(tc)) => {
                    tc.cancellation_reasons().iter().map(|r| r.code().map(str::to_owned)).collect()
                }
                _ => return Err(dynamo("TransactWriteItems")(err)),
            };
            let failed = |i: usize| {
                reasons.get(i).and_then(|r| r.as_deref()) == Some("ConditionalCheckFailed")
            };
            let conflict = reasons
                .iter()
                .any(|r| r.as_deref() == Some("TransactionConflict"));
            if failed(0) {
                return match self.idempotency_record(&p.key).await? {
                    Some(r) => Ok(r.verdict(&p.fingerprint)),
                    None => Err(StoreError::Inconsistent("idempotency record vanished")),
                };
            } else if failed(2) {
                return match self.reference_at(&format!("FP#{}", p.fingerprint)).await? {
                    Some(r) => Ok(Stored::Repeated(r)),
                    None => Err(StoreError::Inconsistent("fingerprint record vanished")),
                };
            } else if failed(1) {
                attempt += 1; // reference taken by another key: next candidate
            } else if conflict && conflicts < MAX_CONFLICT_RETRIES {
                conflicts += 1; // a concurrent twin; it will have written the record
                tokio::time::sleep(Duration::from_millis(20 * u64::from(conflicts))).await;
            } else {
                return Err(StoreError::Dynamo {
                    operation: "TransactWriteItems",
                    reason: format!("transaction cancelled: {reasons:?}"),
                });
            }
        }
        Err(StoreError::Inconsistent(
            "no free reference after several attempts",
        ))
    }

    /// The idempotency record of `key`, if any (a consistent read).
    pub async fn idempotency_record(
        &self,
        key: &str,
    ) -> Result<Option<IdempotencyRecord>, StoreError> {
        let item = self.get(&format!("IDEM#{key}")).await?;
        Ok(item.and_then(|i| {
            let text = |k: &str| match i.get(k) {
                Some(AttributeValue::S(v)) => Some(v.clone()),
                _ => None,
            };
            Some(IdempotencyRecord {
                reference: text("reference")?,
                fingerprint: text("fingerprint"),
            })
        }))
    }

    async fn reference_at(&self, pk: &str) -> Result<Option<String>, StoreError> {
        let item = self.get(pk).await?;
        Ok(item.and_then(|i| match i.get("reference") {
            Some(AttributeValue::S(r)) => Some(r.clone()),
            _ => None,
        }))
    }

    async fn get(&self, pk: &str) -> Result<Option<HashMap<String, AttributeValue>>, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .key(PK, s(pk))
            .consistent_read(true)
            .send()
            .await
            .map_err(dynamo("GetItem"))?;
        Ok(out.item)
    }

    /// A proposal by reference.
    pub async fn get_proposal(
        &self,
        reference: &str,
    ) -> Result<Option<HashMap<String, AttributeValue>>, StoreError> {
        self.get(&format!("REF#{reference}")).await
    }

    /// References of a province's proposals, oldest first (one page of up to `limit`).
    pub async fn list_by_province(
        &self,
        province: &str,
        limit: i32,
    ) -> Result<Vec<String>, StoreError> {
        self.list(BY_PROVINCE, "province", province, limit).await
    }

    /// References of an issue's proposals, oldest first (one page of up to `limit`).
    pub async fn list_by_issue(
        &self,
        province: &str,
        issue: &str,
        limit: i32,
    ) -> Result<Vec<String>, StoreError> {
        self.list(
            BY_ISSUE,
            "province_issue",
            &format!("{province}#{issue}"),
            limit,
        )
        .await
    }

    async fn list(
        &self,
        index: &str,
        attr: &str,
        value: &str,
        limit: i32,
    ) -> Result<Vec<String>, StoreError> {
        let out = self
            .client
            .query()
            .table_name(&self.table)
            .index_name(index)
            .key_condition_expression("#k = :v")
            .expression_attribute_names("#k", attr)
            .expression_attribute_values(":v", s(value))
            .scan_index_forward(true)
            .limit(limit)
            .send()
            .await
            .map_err(dynamo("Query"))?;
        Ok(out
            .items()
            .iter()
            .filter_map(|i| match i.get("reference") {
                Some(AttributeValue::S(r)) => Some(r.clone()),
                _ => None,
            })
            .collect())
    }

    /// Counts one hit for `client` in the window starting at `window_start` and returns the
    /// hits so far; the counter expires (TTL) at `expires_at`.
    pub async fn count_hit(
        &self,
        client: &str,
        window_start: u64,
        expires_at: u64,
    ) -> Result<u64, StoreError> {
        let out = self
            .client
            .update_item()
            .table_name(&self.table)
            .key(PK, s(format!("RATE#{client}#{window_start}")))
            .update_expression("ADD hits :one SET expires_at = :exp, entity = :entity")
            .expression_attribute_values(":one", AttributeValue::N("1".into()))
            .expression_attribute_values(":exp", AttributeValue::N(expires_at.to_string()))
            .expression_attribute_values(":entity", s("rate"))
            .return_values(ReturnValue::UpdatedNew)
            .send()
            .await
            .map_err(dynamo("UpdateItem"))?;
        match out.attributes().and_then(|a| a.get("hits")) {
            Some(AttributeValue::N(n)) => n
                .parse()
                .map_err(|_| StoreError::Inconsistent("hits is not a number")),
            _ => Err(StoreError::Inconsistent("UpdateItem returned no hits")),
        }
    }
}

/// Which proposals to read back, in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Province slug.
    pub province: String,
    /// Only this issue of the province.
    pub issue: Option<String>,
    /// Only proposals with `submitted_at` at or after this stored timestamp ([`timestamp`]).
    pub from: Option<String>,
}

/// One stored answer, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredValue {
    /// Text.
    Text(String),
    /// A number, exactly as stored.
    Number(String),
    /// A ticked checkbox.
    Ticked,
    /// Anything else (not written by this function).
    Other,
}

/// A stored proposal, as the export sees it. Attributes an item lacks are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalRecord {
    /// `reference`.
    pub reference: Option<String>,
    /// `submitted_at` ([`timestamp`]).
    pub submitted_at: Option<String>,
    /// `province` slug.
    pub province: Option<String>,
    /// `issue` slug.
    pub issue: Option<String>,
    /// `lang` code.
    pub lang: Option<String>,
    /// `status`.
    pub status: Option<String>,
    /// `answers`, by field name.
    pub answers: HashMap<String, StoredValue>,
    /// `version`: 1 as sent, one more for each correction (absent on items older than #18).
    pub version: Option<u32>,
    /// `revision`: the number of history entries, the optimistic lock of every change.
    pub revision: u32,
    /// `history`, oldest first.
    pub history: Vec<HistoryEntry>,
    /// `updated_at`: the last change ([`timestamp`]).
    pub updated_at: Option<String>,
    /// `link_nonce` and `link_hash` (absent on items older than #18).
    pub link: Option<LinkFields>,
    /// `link_sends`: how often the link was sent again.
    pub link_sends: u32,
}

impl ProposalRecord {
    /// The author's address as stored (the answer to the form's author email field).
    pub fn author_email(&self, form: &winner_catalog::FormDefinition) -> Option<String> {
        let field = form.author_email_field()?;
        match self.answers.get(&field.name) {
            Some(StoredValue::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    fn from_item(item: &HashMap<String, AttributeValue>) -> ProposalRecord {
        let text = |k: &str| match item.get(k) {
            Some(AttributeValue::S(v)) => Some(v.clone()),
            _ => None,
        };
        let answers = match item.get("answers") {
            Some(AttributeValue::M(m)) => m
                .iter()
                .map(|(k, v)| {
                    let value = match v {
                        AttributeValue::S(t) => StoredValue::Text(t.clone()),
                        AttributeValue::N(n) => StoredValue::Number(n.clone()),
                        AttributeValue::Bool(true) => StoredValue::Ticked,
                        _ => StoredValue::Other,
                    };
                    (k.clone(), value)
                })
                .collect(),
            _ => HashMap::new(),
        };
        let number = |k: &str| match item.get(k) {
            Some(AttributeValue::N(n)) => n.parse::<u32>().ok(),
            _ => None,
        };
        let history = match item.get("history") {
            Some(AttributeValue::L(l)) => l.iter().filter_map(history_entry).collect(),
            _ => Vec::new(),
        };
        ProposalRecord {
            reference: text("reference"),
            submitted_at: text("submitted_at"),
            province: text("province"),
            issue: text("issue"),
            lang: text("lang"),
            status: text("status"),
            answers,
            version: number("version"),
            revision: number("revision").unwrap_or(0),
            history,
            updated_at: text("updated_at"),
            link: match (text("link_nonce"), text("link_hash")) {
                (Some(nonce), Some(hash)) => Some(LinkFields { nonce, hash }),
                _ => None,
            },
            link_sends: number("link_sends").unwrap_or(0),
        }
    }

    /// The status as a [`Status`] (`received` when absent or unknown).
    pub fn status(&self) -> Status {
        self.status
            .as_deref()
            .and_then(Status::parse)
            .unwrap_or(Status::Received)
    }
}

fn history_entry(v: &AttributeValue) -> Option<HistoryEntry> {
    let AttributeValue::M(m) = v else {
        return None;
    };
    let text = |k: &str| match m.get(k) {
        Some(AttributeValue::S(v)) => Some(v.clone()),
        _ => None,
    };
    Some(HistoryEntry {
        status: Status::parse(&text("status")?)?,
        at: text("at")?,
        by: text("by").unwrap_or_default(),
        version: match m.get("version") {
            Some(AttributeValue::N(n)) => n.parse().unwrap_or(1),
            _ => 1,
        },
        note: text("note"),
    })
}

/// A history entry as stored (a map in the proposal's `history` list).
pub(crate) fn history_item(e: &HistoryEntry) -> AttributeValue {
    let mut m = HashMap::from([
        ("status".to_owned(), s(e.status.as_str())),
        ("at".to_owned(), s(&e.at)),
        ("by".to_owned(), s(&e.by)),
        (
            "version".to_owned(),
            AttributeValue::N(e.version.to_string()),
        ),
    ]);
    if let Some(note) = &e.note {
        m.insert("note".to_owned(), s(note));
    }
    AttributeValue::M(m)
}

/// Pages of a [`Listing`], read one Query page at a time (`ExclusiveStartKey`), so memory
/// stays flat however many proposals there are.
#[derive(Debug)]
pub struct ProposalPages<'a> {
    store: &'a Store,
    listing: Listing,
    page_size: Option<i32>,
    start: Option<HashMap<String, AttributeValue>>,
    done: bool,
}

impl ProposalPages<'_> {
    /// The next page, or `None` after the last one.
    pub async fn next(&mut self) -> Result<Option<Vec<ProposalRecord>>, StoreError> {
        if self.done {
            return Ok(None);
        }
        let l = &self.listing;
        let (index, key_attr, key_value) = match &l.issue {
            Some(issue) => (
                BY_ISSUE,
                "province_issue",
                format!("{}#{issue}", l.province),
            ),
            None => (BY_PROVINCE, "province", l.province.clone()),
        };
        let mut query = self
            .store
            .client
            .query()
            .table_name(&self.store.table)
            .index_name(index)
            .expression_attribute_names("#k", key_attr)
            .expression_attribute_values(":k", s(key_value))
            .scan_index_forward(true)
            .set_limit(self.page_size)
            .set_exclusive_start_key(self.start.take());
        query = match &l.from {
            Some(from) => query
                .key_condition_expression("#k = :k AND #t >= :since")
                .expression_attribute_names("#t", "submitted_at")
                .expression_attribute_values(":since", s(from)),
            None => query.key_condition_expression("#k = :k"),
        };
        let page = query.send().await.map_err(dynamo("Query"))?;
        match page.last_evaluated_key() {
            Some(key) if !key.is_empty() => self.start = Some(key.clone()),
            _ => self.done = true,
        }
        Ok(Some(
            page.items().iter().map(ProposalRecord::from_item).collect(),
        ))
    }
}

impl Store {
    /// The proposals of `listing`, oldest first, page by page; `page_size` caps the items per
    /// Query page (DynamoDB also stops a page at 1 MB), `None` lets DynamoDB decide.
    pub fn proposal_pages(&self, listing: Listing, page_size: Option<i32>) -> ProposalPages<'_> {
        ProposalPages {
            store: self,
            listing,
            page_size,
            start: None,
            done: false,
        }
    }
}

/// Answers as the `answers` map stores them.
pub(crate) fn answers_item(answers: &[(String, Answer)]) -> AttributeValue {
    AttributeValue::M(
        answers
            .iter()
            .map(|(name, a)| {
                let value = match a {
                    Answer::Text(t) => s(t),
                    Answer::Number(n) => AttributeValue::N(n.to_string()),
                    Answer::Ticked => AttributeValue::Bool(true),
                };
                (name.clone(), value)
            })
            .collect(),
    )
}

fn proposal_item(p: &NewProposal<'_>, reference: &str) -> Vec<(&'static str, AttributeValue)> {
    let v = p.valid;
    let consent = HashMap::from([
        ("given".to_owned(), AttributeValue::Bool(true)),
        ("at".to_owned(), s(&p.submitted_at)),
        (
            "privacy_notice_version".to_owned(),
            s(p.privacy_notice_version),
        ),
    ]);
    vec![
        (PK, s(format!("REF#{reference}"))),
        ("entity", s("proposal")),
        ("reference", s(reference)),
        ("province", s(&v.province)),
        ("province_code", s(&v.province_code)),
        ("issue", s(&v.issue)),
        ("province_issue", s(format!("{}#{}", v.province, v.issue))),
        ("lang", s(v.lang.code())),
        ("submitted_at", s(&p.submitted_at)),
        ("status", s(Status::Received.as_str())),
        ("version", AttributeValue::N("1".into())),
        ("revision", AttributeValue::N("1".into())),
        (
            "history",
            AttributeValue::L(vec![history_item(&HistoryEntry {
                status: Status::Received,
                at: p.submitted_at.clone(),
                by: BY_AUTHOR.to_owned(),
                version: 1,
                note: None,
            })]),
        ),
        ("updated_at", s(&p.submitted_at)),
        ("link_nonce", s(&p.link.nonce)),
        ("link_hash", s(&p.link.hash)),
        ("answers", answers_item(&v.answers)),
        ("consent", AttributeValue::M(consent)),
        (
            "idempotency",
            s(if v.token.is_some() {
                "token"
            } else {
                "fingerprint"
            }),
        ),
    ]
}
