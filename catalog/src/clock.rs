//! The one place "today" comes from.
//!
//! Proposal windows are dates in the competition's reference time zone, Western Indonesia Time
//! (WIB, UTC+7), where the ministry sits. Operators and tests may pin the date
//! (`generator build --as-of`, `AS_OF` for submit-fn); without that, the real clock rules.

use time::{Date, OffsetDateTime, UtcOffset, format_description::well_known::Iso8601};

/// WIB, UTC+7.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// Today's date in WIB, or `as_of` when the operator pinned one.
pub fn today(as_of: Option<Date>) -> Date {
    as_of.unwrap_or_else(|| OffsetDateTime::now_utc().to_offset(WIB).date())
}

/// Parses a `YYYY-MM-DD` date as written in `--as-of` or `AS_OF`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format)
        .map_err(|e| format!("`{text}` is not a date in the form YYYY-MM-DD ({e})"))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(&format).unwrap_or_default()
}

/// Formats an instant as RFC 3339 / ISO 8601 in UTC, e.g. for `submitted_at`.
pub fn format_instant(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC)
        .format(&Iso8601::DEFAULT)
        .unwrap_or_default()
}
