//! The one place "today" comes from.
//!
//! Proposal windows are dates in the competition's reference time zone, Western Indonesia Time
//! (WIB, UTC+7), where the ministry sits. Operators and tests may pin the date
//! (`generator build --as-of`, `AS_OF` for submit-fn); without that, the real clock rules.

use time::{Date, Month, OffsetDateTime, UtcOffset, format_description::well_known::Iso8601};

use crate::Lang;

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

const ID_MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a month in a site language.
pub fn month_name(month: Month, lang: Lang) -> &'static str {
    let index = usize::from(u8::from(month)) - 1;
    match lang {
        Lang::Id => ID_MONTHS[index],
        Lang::En => EN_MONTHS[index],
    }
}

/// A date as people read it, day first in both languages: `11 Juni 2023`, `11 June 2023`.
/// The site and the function's messages both use this, so a date reads the same everywhere.
pub fn long_date(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), lang),
        date.year()
    )
}
