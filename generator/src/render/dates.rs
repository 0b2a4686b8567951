//! Dates in words, per language ("11 April 2023", "11 Juni 2023"), without ICU.

use time::Date;
use winner_catalog::Lang;

/// Day, month name and year: `11 April 2023` (both languages put the day first).
pub fn long(date: Date, lang: Lang) -> String {
    winner_catalog::clock::long_date(date, lang)
}

/// `YYYY-MM-DD`, for `<time datetime>` and machine-readable outputs.
pub fn iso(date: Date) -> String {
    winner_catalog::clock::format_date(date)
}

/// A date as both words and ISO form, the way templates want it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DateView {
    /// `11 April 2023`.
    pub text: String,
    /// `2023-04-11`.
    pub iso: String,
}

impl DateView {
    /// The view of `date` in `lang`.
    pub fn new(date: Date, lang: Lang) -> Self {
        DateView {
            text: long(date, lang),
            iso: iso(date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn words_per_language() {
        assert_eq!(long(date!(2023 - 04 - 11), Lang::Id), "11 April 2023");
        assert_eq!(long(date!(2023 - 06 - 01), Lang::Id), "1 Juni 2023");
        assert_eq!(long(date!(2023 - 06 - 01), Lang::En), "1 June 2023");
        assert_eq!(long(date!(2023 - 08 - 17), Lang::Id), "17 Agustus 2023");
        assert_eq!(long(date!(2023 - 12 - 31), Lang::En), "31 December 2023");
        assert_eq!(iso(date!(2023 - 01 - 02)), "2023-01-02");
    }
}
