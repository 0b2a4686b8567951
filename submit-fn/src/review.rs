//! The organiser's side of a proposal's status (#18): `submit-fn review set-status`.
//!
//! [`set_status`] records a status the organiser sets (`under_review`, `shortlisted`,
//! `not_selected`), with who set it, when, and an optional note, as a history entry of the
//! proposal (the same conditional change as the author's, see `crate::store::link`). When the
//! status is one of the configuration's public ones (`PUBLIC_STATUSES`) and email is
//! configured, a message to the author is written in the same transaction; the outbox sends
//! it. A withdrawn proposal keeps its status.

use time::OffsetDateTime;
use winner_catalog::Catalog;

use crate::config::MailConfig;
use crate::status::{HistoryEntry, Status};
use crate::store::{self, Change, Changed, MessageKind, NewMessage, Store, StoreError};

/// One status to set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The proposal's reference.
    pub reference: String,
    /// The new status (an organiser's).
    pub status: Status,
    /// A note for the author (sent with a public status, shown on the link's page).
    pub note: Option<String>,
    /// Who sets it (recorded in the history).
    pub by: String,
}

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Set; `notified` when a message to the author was written.
    Set {
        /// Whether the author is told by email.
        notified: bool,
    },
    /// No proposal has this reference.
    NotFound,
    /// The proposal was withdrawn by its author: its status stays.
    Withdrawn,
    /// Not a status the organiser sets.
    NotAnOrganiserStatus,
}

/// How many times a change that lost to a concurrent one is tried again.
const ATTEMPTS: u32 = 3;

/// Sets `req.status` on `req.reference` at `now` (see the module docs).
pub async fn set_status(
    store: &Store,
    catalog: &Catalog,
    mail: Option<&MailConfig>,
    public: &[Status],
    req: &Request,
    now: OffsetDateTime,
) -> Result<Outcome, StoreError> {
    if !Status::ORGANISER.contains(&req.status) {
        return Ok(Outcome::NotAnOrganiserStatus);
    }
    for _ in 0..ATTEMPTS {
        let Some(seen) = store.proposal_record(&req.reference).await? else {
            return Ok(Outcome::NotFound);
        };
        if seen.status() == Status::Withdrawn {
            return Ok(Outcome::Withdrawn);
        }
        let entry = HistoryEntry {
            status: req.status,
            at: store::timestamp(now),
            by: req.by.clone(),
            version: seen.version.unwrap_or(1),
            note: req.note.clone().filter(|n| !n.trim().is_empty()),
        };
        let messages = match (mail, &catalog.email, seen.author_email(&catalog.form)) {
            (Some(_), Some(_), Some(to)) if public.contains(&req.status) => vec![NewMessage {
                kind: MessageKind::Status,
                to,
                lang: if seen.lang.as_deref() == Some("en") {
                    "en"
                } else {
                    "id"
                },
                seq: seen.revision.max(1) + 1,
            }],
            _ => Vec::new(),
        };
        let notified = !messages.is_empty();
        let change = Change {
            seen: &seen,
            entry,
            answers: None,
            messages,
        };
        if store.change(&change).await? == Changed::Done {
            return Ok(Outcome::Set { notified });
        }
    }
    Err(StoreError::Inconsistent(
        "the proposal kept changing while its status was set",
    ))
}

/// One row of a bulk file: `reference,status[,note[,by]]` (a header row naming these columns
/// is skipped).
pub fn rows_from_csv(text: &str, default_by: &str) -> Result<Vec<Request>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 1;
        let record = record.map_err(|e| format!("line {line}: {e}"))?;
        let cell = |n: usize| record.get(n).map(str::trim).unwrap_or("");
        let reference = cell(0).trim_start_matches('\u{feff}');
        if line == 1 && reference.eq_ignore_ascii_case("reference") {
            continue;
        }
        if reference.is_empty() {
            continue;
        }
        let status = Status::parse(cell(1))
            .filter(|s| Status::ORGANISER.contains(s))
            .ok_or_else(|| {
                format!(
                    "line {line}: `{}` is not a status the organiser sets ({})",
                    cell(1),
                    Status::ORGANISER.map(Status::as_str).join(", ")
                )
            })?;
        out.push(Request {
            reference: reference.to_owned(),
            status,
            note: Some(cell(2).to_owned()).filter(|n| !n.is_empty()),
            by: Some(cell(3))
                .filter(|b| !b.is_empty())
                .unwrap_or(default_by)
                .to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_rows_are_read_with_header_quotes_and_defaults() {
        let rows = rows_from_csv(
            "\u{feff}reference,status,note,by\nWNR-61-AAAAAA,shortlisted,\"Bagus, lanjut\",Budi\nWNR-61-BBBBBB,not_selected\n\n",
            "panitia",
        )
        .expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].note.as_deref(), Some("Bagus, lanjut"));
        assert_eq!(rows[0].by, "Budi");
        assert_eq!(rows[1].status, Status::NotSelected);
        assert_eq!(rows[1].by, "panitia");
        assert_eq!(rows[1].note, None);
        let err = rows_from_csv("WNR-61-AAAAAA,withdrawn\n", "x").expect_err("author's status");
        assert!(err.starts_with("line 1:"), "{err}");
    }
}
