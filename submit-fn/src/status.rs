//! A proposal's status (#18) and the entries of its history.
//!
//! The submitter's actions set `received` (new), `corrected` and `withdrawn`; the organiser sets
//! `under_review`, `shortlisted` and `not_selected` (`submit-fn review set-status`). Each
//! change appends a [`HistoryEntry`] to the proposal, so the page behind the private link and
//! the export tell the same story. `withdrawn` is final: nobody moves a withdrawn proposal.

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Stored, as sent.
    Received,
    /// Corrected by its author (a new version).
    Corrected,
    /// Withdrawn by its author; kept (marked) until the retention rule removes it.
    Withdrawn,
    /// The organiser is reviewing it.
    UnderReview,
    /// The organiser shortlisted it.
    Shortlisted,
    /// The organiser did not select it.
    NotSelected,
}

impl Status {
    /// Every status, in the order a proposal may move through them.
    pub const ALL: [Status; 6] = [
        Status::Received,
        Status::Corrected,
        Status::Withdrawn,
        Status::UnderReview,
        Status::Shortlisted,
        Status::NotSelected,
    ];

    /// The statuses the organiser sets.
    pub const ORGANISER: [Status; 3] = [
        Status::UnderReview,
        Status::Shortlisted,
        Status::NotSelected,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Corrected => "corrected",
            Status::Withdrawn => "withdrawn",
            Status::UnderReview => "under_review",
            Status::Shortlisted => "shortlisted",
            Status::NotSelected => "not_selected",
        }
    }

    /// The status of a stored word.
    pub fn parse(word: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == word.trim())
    }

    /// Whether the author may still correct or withdraw (window permitting): anything but
    /// withdrawn.
    pub fn editable(self) -> bool {
        self != Status::Withdrawn
    }
}

/// Who made a change of the history: the author through the link, or an organiser's name.
pub const BY_AUTHOR: &str = "author";

/// One entry of a proposal's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The status from then on.
    pub status: Status,
    /// When ([`crate::store::timestamp`]).
    pub at: String,
    /// [`BY_AUTHOR`] or the organiser's name as given to `set-status --by`.
    pub by: String,
    /// The version it concerns (a correction's new version; otherwise the current one).
    pub version: u32,
    /// The organiser's note, if any (shown to the author).
    pub note: Option<String>,
}

/// The statuses whose changes are sent to the author by email: `PUBLIC_STATUSES`, a
/// comma-separated list of organiser statuses; default `shortlisted,not_selected`.
pub fn public_statuses(value: Option<&str>) -> Result<Vec<Status>, String> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(vec![Status::Shortlisted, Status::NotSelected]);
    };
    value
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| match Status::parse(w) {
            Some(s) if Status::ORGANISER.contains(&s) => Ok(s),
            _ => Err(format!(
                "PUBLIC_STATUSES: `{w}` is not a status the organiser sets ({})",
                Status::ORGANISER.map(Status::as_str).join(", ")
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_public_statuses_default_to_the_decisions() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("deleted"), None);
        assert_eq!(
            public_statuses(None),
            Ok(vec![Status::Shortlisted, Status::NotSelected])
        );
        assert_eq!(
            public_statuses(Some("under_review, shortlisted")),
            Ok(vec![Status::UnderReview, Status::Shortlisted])
        );
        assert!(public_statuses(Some("withdrawn")).is_err());
        assert!(!Status::Withdrawn.editable());
        assert!(Status::UnderReview.editable());
    }
}
