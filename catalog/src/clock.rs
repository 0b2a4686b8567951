//! The one place "today" comes from.
//!
//! Proposal windows are dates in the competition's reference time zone, Western Indonesia Time
//! (WIB, UTC+7), where the ministry sits. Operators and tests may pin the date
//! (`generator build --as-of`, `AS_OF` for submit-fn); without that, the real clock rules.

use time::{Date, Month, OffsetDateTime, UtcOffset, format_description::well_known::Rfc3339};

use crate::Lang;

/// WIB, UTC+7.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// Today's date in WIB, or `as_of` when the operator pinned one.
pub fn today(as_of: Option<Date>) -> Date {
    today_at(as_of, OffsetDateTime::now_utc())
}

/// The date in WIB at the instant `now`, or `as_of` when the operator pinned one: the rule of
/// [`today`] for callers that read the clock once themselves.
pub fn today_at(as_of: Option<Date>, now: OffsetDateTime) -> Date {
    as_of.unwrap_or_else(|| now.to_offset(WIB).date())
}

/// `YYYY-MM-DD`, the one way dates are written in content, options and the contract.
const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Parses a `YYYY-MM-DD` date as written in `--as-of` or `AS_OF`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text.trim(), DATE_FORMAT)
        .map_err(|e| format!("`{text}` is not a date in the form YYYY-MM-DD ({e})"))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    date.format(DATE_FORMAT).unwrap_or_default()
}

/// An instant as the proposal table stores it (`submitted_at`, history, the outbox's due
/// times): `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, fixed width so strings sort as time. The one
/// timestamp format of the project.
pub fn format_instant(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// Reads back an instant written by [`format_instant`] (any RFC 3339 instant is accepted).
pub fn parse_instant(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// An instant's date and time of day in WIB as people read them: (`1 Juni 2023`, `10.26`) in
/// Indonesian, (`1 June 2023`, `10:26`) in English. Callers add " WIB" in their own words.
pub fn wib_date_and_time(at: OffsetDateTime, lang: Lang) -> (String, String) {
    let at = at.to_offset(WIB);
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    (
        long_date(at.date(), lang),
        format!("{:02}{sep}{:02}", at.hour(), at.minute()),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_fixed_width_utc_and_read_back() {
        let at = OffsetDateTime::from_unix_timestamp(1_685_590_000).expect("instant");
        let written = format_instant(at);
        assert_eq!(written, "2023-06-01T03:26:40.000Z");
        assert_eq!(parse_instant(&written), Some(at));
        assert_eq!(parse_instant("1 Juni 2023"), None);
    }

    #[test]
    fn an_instant_reads_in_wib_in_each_language() {
        // 03:26 UTC is 10:26 WIB, the same day.
        let at = OffsetDateTime::from_unix_timestamp(1_685_590_000).expect("instant");
        assert_eq!(
            wib_date_and_time(at, Lang::Id),
            ("1 Juni 2023".to_owned(), "10.26".to_owned())
        );
        assert_eq!(
            wib_date_and_time(at, Lang::En),
            ("1 June 2023".to_owned(), "10:26".to_owned())
        );
        // 20:00 UTC is already the next day in WIB.
        let late = OffsetDateTime::from_unix_timestamp(1_685_649_600).expect("instant");
        assert_eq!(wib_date_and_time(late, Lang::Id).0, "2 Juni 2023");
    }
}
