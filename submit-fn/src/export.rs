//! Reviewers' export: a province's (or one issue's) proposals, one row per proposal with every
//! answer, as CSV or JSON Lines.
//!
//! `submit-fn export --province P [--issue I] [--since DATE] --format csv|jsonl [--out FILE]`
//! reads the sparse GSI `by_province` (or `by_issue` with `<province>#<issue>`) in time order
//! through [`Store::proposal_pages`], page by page, and writes each page as it arrives, so
//! memory stays flat however many proposals there are. This module never speaks DynamoDB: the
//! [`Exporter`] is pure formatting over [`ProposalRecord`]s, and [`export`] only feeds it the
//! store's pages. `--since DATE` is a key condition on `submitted_at`: from
//! 00:00 WIB (UTC+7, the competition's time zone, as for the proposal windows) on that date.
//!
//! Columns: [`FIXED_COLUMNS`], then every field of the form definition in form order (the
//! catalog's `form.fields`). `status` is the proposal's status now (`withdrawn` marks a
//! withdrawn proposal, which stays until the retention rule removes it), `version` the current
//! version (earlier versions stay as `VERSION#` items for the organiser), `history` every
//! change: in CSV one line per entry (`<at> <status> v<version> <by>[: <note>]`), in JSON Lines
//! an array of objects (`status`, `at`, `by`, `version`, `note`). A stored answer the form no longer has is not written; its field
//! name (never its value) is reported in [`Summary::unknown_fields`].
//!
//! CSV follows RFC 4180: separated by [`SEPARATOR`] (a comma), CRLF between records, a field
//! quoted when it holds a comma, a quote, CR or LF, quotes doubled. The file starts with a UTF-8
//! byte order mark so that spreadsheet programs read Indonesian text correctly. Because the
//! answers come from the public and the file is opened in spreadsheets, which may split it on
//! another separator than the one written (a spreadsheet in Indonesian locale settings takes
//! `;`, and ignores the comma's quoting then), every part of a text cell that a spreadsheet
//! could read as a cell of its own and that starts with `=`, `+`, `-`, `@`, a tab or CR gets a
//! `'` before it (the OWASP "CSV injection" advice): the start of the cell, and whatever follows
//! a `,`, `;`, tab, `|` or line break inside it. The spreadsheet shows such a part as text
//! instead of evaluating it. Numbers are written as stored. JSON Lines (no BOM) carries every
//! value exactly:
//! one object per proposal, keys in column order, text as strings, numbers as numbers, a ticked
//! box as `true`, an unanswered field as `null`.
//!
//! Personal data goes only to the output the reviewer asked for; errors and the summary carry
//! counts and field names, never values.

use std::collections::BTreeSet;
use std::io::Write;

use time::{Date, PrimitiveDateTime, Time};
use winner_catalog::{Catalog, FormDefinition};

use crate::status::HistoryEntry;
use crate::store::{self, Listing, ProposalRecord, Store, StoreError, StoredValue};

/// The columns before the form's fields.
pub const FIXED_COLUMNS: [&str; 9] = [
    "reference",
    "submitted_at",
    "province",
    "issue",
    "lang",
    "status",
    "version",
    "updated_at",
    "history",
];

/// The byte order mark written at the start of a CSV file.
pub const BOM: &str = "\u{feff}";

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV with a UTF-8 BOM, for spreadsheets.
    Csv,
    /// One JSON object per line, exact values.
    Jsonl,
}

/// Which proposals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Province slug.
    pub province: String,
    /// Issue slug within the province, if only one issue.
    pub issue: Option<String>,
    /// Only proposals submitted on or after 00:00 WIB of this date.
    pub since: Option<Date>,
}

impl Selection {
    /// Checks the slugs against the catalog, so that a typo is an error rather than an empty file.
    pub fn check(&self, catalog: &Catalog) -> Result<(), ExportError> {
        let province = catalog.province(&self.province).ok_or_else(|| {
            ExportError::Selection(format!(
                "no province `{}` in the catalog (known: {})",
                self.province,
                catalog
                    .provinces
                    .iter()
                    .map(|p| p.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        if let Some(issue) = &self.issue
            && !province.issues.iter().any(|i| &i.slug == issue)
        {
            return Err(ExportError::Selection(format!(
                "province `{}` has no issue `{issue}` (known: {})",
                self.province,
                province
                    .issues
                    .iter()
                    .map(|i| i.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        Ok(())
    }

    /// The store's listing for this selection.
    pub fn listing(&self) -> Listing {
        Listing {
            province: self.province.clone(),
            issue: self.issue.clone(),
            from: self.since.map(since_key),
        }
    }
}

/// What an export did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Proposals written.
    pub rows: usize,
    /// Query pages read.
    pub pages: usize,
    /// Names of stored answers that are not fields of the form (not exported).
    pub unknown_fields: BTreeSet<String>,
}

/// Why an export failed. Messages never contain item contents.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The province or issue is not in the catalog.
    #[error("{0}")]
    Selection(String),
    /// Reading the table failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed.
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
}

/// The first instant of `date` in WIB, as stored in `submitted_at` (`YYYY-MM-DDTHH:MM:SS.mmmZ`).
pub fn since_key(date: Date) -> String {
    store::timestamp(
        PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_offset(winner_catalog::clock::WIB),
    )
}

/// The header: [`FIXED_COLUMNS`] then the form's field names.
pub fn columns(form: &FormDefinition) -> Vec<String> {
    FIXED_COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain(form.fields.iter().map(|f| f.name.clone()))
        .collect()
}

/// Reads the selected proposals from `store` page by page and writes them to `out`.
/// `page_size` caps the items per Query page (DynamoDB also stops a page at 1 MB); `None`
/// lets DynamoDB decide.
pub async fn export<W: Write>(
    store: &Store,
    form: &FormDefinition,
    selection: &Selection,
    format: Format,
    page_size: Option<i32>,
    out: W,
) -> Result<Summary, ExportError> {
    let mut exporter = Exporter::start(form, format, out)?;
    let mut pages = store.proposal_pages(selection.listing(), page_size);
    while let Some(page) = pages.next().await? {
        exporter.page(&page)?;
    }
    Ok(exporter.finish()?)
}

/// Pure formatting: proposals in, CSV or JSON Lines out.
#[derive(Debug)]
pub struct Exporter<'f, W: Write> {
    form: &'f FormDefinition,
    format: Format,
    out: W,
    summary: Summary,
}

impl<'f, W: Write> Exporter<'f, W> {
    /// Starts an export: the BOM and the header for CSV, nothing for JSON Lines.
    pub fn start(form: &'f FormDefinition, format: Format, mut out: W) -> std::io::Result<Self> {
        if format == Format::Csv {
            out.write_all(BOM.as_bytes())?;
            let columns = columns(form);
            write_csv_record(&mut out, columns.iter().map(|c| Cell::Text(c.as_str())))?;
        }
        Ok(Exporter {
            form,
            format,
            out,
            summary: Summary::default(),
        })
    }

    /// Writes one page of proposals (and counts the page).
    pub fn page<'r>(
        &mut self,
        records: impl IntoIterator<Item = &'r ProposalRecord>,
    ) -> std::io::Result<()> {
        self.summary.pages += 1;
        for r in records {
            self.record(r)?;
        }
        Ok(())
    }

    /// Writes one proposal.
    pub fn record(&mut self, record: &ProposalRecord) -> std::io::Result<()> {
        for name in record.answers.keys() {
            if self.form.field(name).is_none() {
                self.summary.unknown_fields.insert(name.clone());
            }
        }
        let version = record.version.map(|v| v.to_string());
        let fixed = [
            &record.reference,
            &record.submitted_at,
            &record.province,
            &record.issue,
            &record.lang,
            &record.status,
        ]
        .map(|v| v.as_deref().map_or(Cell::Missing, Cell::Text))
        .into_iter()
        .chain([
            version.as_deref().map_or(Cell::Missing, Cell::Number),
            record
                .updated_at
                .as_deref()
                .map_or(Cell::Missing, Cell::Text),
            if record.history.is_empty() {
                Cell::Missing
            } else {
                Cell::History(&record.history)
            },
        ]);
        let fields = self
            .form
            .fields
            .iter()
            .map(|f| Cell::of(record.answers.get(&f.name)));
        let cells: Vec<Cell<'_>> = fixed.into_iter().chain(fields).collect();
        match self.format {
            Format::Csv => write_csv_record(&mut self.out, cells.into_iter())?,
            Format::Jsonl => write_json_line(&mut self.out, self.form, &cells)?,
        }
        self.summary.rows += 1;
        Ok(())
    }

    /// Flushes the output and returns what was written.
    pub fn finish(mut self) -> std::io::Result<Summary> {
        self.out.flush()?;
        Ok(self.summary)
    }
}

/// One value of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell<'a> {
    Text(&'a str),
    Number(&'a str),
    Ticked,
    Missing,
    /// The history: one line per entry in CSV, an array of objects in JSON Lines.
    History(&'a [HistoryEntry]),
}

/// The history as one CSV cell: `<at> <status> v<version> <by>[: <note>]`, one entry a line.
pub fn history_text(history: &[HistoryEntry]) -> String {
    history
        .iter()
        .map(|h| {
            let mut line = format!("{} {} v{} {}", h.at, h.status.as_str(), h.version, h.by);
            if let Some(note) = &h.note {
                line.push_str(": ");
                line.push_str(note);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn history_json(history: &[HistoryEntry]) -> serde_json::Value {
    serde_json::Value::Array(
        history
            .iter()
            .map(|h| {
                serde_json::json!({
                    "status": h.status.as_str(),
                    "at": h.at,
                    "by": h.by,
                    "version": h.version,
                    "note": h.note,
                })
            })
            .collect(),
    )
}

impl<'a> Cell<'a> {
    fn of(value: Option<&'a StoredValue>) -> Cell<'a> {
        match value {
            Some(StoredValue::Text(s)) => Cell::Text(s),
            Some(StoredValue::Number(n)) => Cell::Number(n),
            Some(StoredValue::Ticked) => Cell::Ticked,
            Some(StoredValue::Other) | None => Cell::Missing,
        }
    }
}

/// The separator this export writes between CSV cells.
pub const SEPARATOR: char = ',';

/// Characters a spreadsheet may take as the cell separator when it opens the file: the comma
/// written here, and the `;` (Indonesian and other decimal-comma locales), tab and `|` that
/// import dialogs offer. A part of a cell after one of them, or after a line break, can become
/// a cell of its own.
const MAYBE_SEPARATORS: [char; 6] = [',', ';', '\t', '|', '\n', '\r'];

/// Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` with a `'` before every part a spreadsheet could read as a formula: the start of the
/// cell and whatever follows a [`MAYBE_SEPARATORS`] character, whichever separator it assumes.
/// Text that needs none comes back borrowed.
fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut at_start = true;
    for (i, c) in text.char_indices() {
        if at_start && FORMULA_STARTS.contains(&c) {
            let o = out.get_or_insert_with(|| text[..i].to_owned());
            o.push('\'');
        }
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        at_start = MAYBE_SEPARATORS.contains(&c);
    }
    out.map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

fn write_csv_record<'a, W: Write>(
    out: &mut W,
    cells: impl Iterator<Item = Cell<'a>>,
) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            line.push(SEPARATOR);
        }
        let text = match cell {
            Cell::Text(t) => neutralise(t),
            Cell::Number(t) => std::borrow::Cow::Borrowed(t),
            Cell::Ticked => std::borrow::Cow::Borrowed("yes"),
            Cell::Missing => std::borrow::Cow::Borrowed(""),
            Cell::History(h) => std::borrow::Cow::Owned(neutralise(&history_text(h)).into_owned()),
        };
        if text.contains([SEPARATOR, '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&text.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&text);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

fn write_json_line<W: Write>(
    out: &mut W,
    form: &FormDefinition,
    cells: &[Cell<'_>],
) -> std::io::Result<()> {
    // Keys in column order (a serde_json Map would sort them).
    let names = FIXED_COLUMNS
        .iter()
        .copied()
        .chain(form.fields.iter().map(|f| f.name.as_str()));
    let mut line = String::from("{");
    for (i, (name, cell)) in names.zip(cells).enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&serde_json::Value::from(name).to_string());
        line.push(':');
        let value = match cell {
            Cell::Text(t) => serde_json::Value::from(*t),
            Cell::Number(n) => serde_json::from_str::<serde_json::Number>(n)
                .map_or_else(|_| serde_json::Value::from(*n), serde_json::Value::Number),
            Cell::Ticked => serde_json::Value::Bool(true),
            Cell::Missing => serde_json::Value::Null,
            Cell::History(h) => history_json(h),
        };
        line.push_str(&value.to_string());
    }
    line.push_str("}\n");
    out.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(cells: &[Cell<'_>]) -> String {
        let mut out = Vec::new();
        write_csv_record(&mut out, cells.iter().copied()).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn csv_quotes_only_what_needs_quoting() {
        assert_eq!(
            csv(&[
                Cell::Text("Koperasi Maju"),
                Cell::Text("a, b"),
                Cell::Text("kata \"baik\""),
                Cell::Text("baris\nbaru"),
                Cell::Number("12"),
                Cell::Ticked,
                Cell::Missing,
            ]),
            "Koperasi Maju,\"a, b\",\"kata \"\"baik\"\"\",\"baris\nbaru\",12,yes,\r\n"
        );
    }

    #[test]
    fn csv_neutralises_formulas_in_text_but_not_numbers() {
        assert_eq!(
            csv(&[
                Cell::Text("=HYPERLINK(\"x\")"),
                Cell::Text("+62 812"),
                Cell::Text("@a"),
                Cell::Number("-3"),
            ]),
            "\"'=HYPERLINK(\"\"x\"\")\",'+62 812,'@a,-3\r\n"
        );
    }

    /// Splits a written CSV line the way a spreadsheet that assumed `sep` would (no quote
    /// handling inside a cell: a quote only counts at the start of a cell).
    fn cells_read_with(line: &str, sep: char) -> Vec<String> {
        line.trim_end_matches("\r\n")
            .split(sep)
            .flat_map(|cell| {
                cell.split(['\n', '\r'])
                    .map(|l| l.trim_start_matches('"').to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn csv_neutralises_formulas_whatever_the_separator() {
        let hostile = [
            ";=1+1",
            "a;=HYPERLINK(\"http://x\")",
            "ok,+62 812",
            "tab\t@SUM(A1)",
            "pipe|-2+3",
            "line one\n=cmd|' /C calc'!A0",
            "line one\r\n+1",
            "\t=1",
        ];
        let cells: Vec<Cell<'_>> = hostile.iter().map(|t| Cell::Text(t)).collect();
        let line = csv(&cells);
        for sep in [',', ';', '\t', '|'] {
            for cell in cells_read_with(&line, sep) {
                assert!(
                    !cell.starts_with(FORMULA_STARTS),
                    "with {sep:?} a spreadsheet reads a formula in {cell:?} of {line:?}"
                );
            }
        }
        // The neutralised text is the original with `'` inserted, nothing else changed.
        assert_eq!(neutralise(";=1+1"), ";'=1+1");
        assert_eq!(neutralise("a\n=b"), "a\n'=b");
        assert_eq!(neutralise("\t=1"), "'\t'=1");
        assert_eq!(
            neutralise("Rp 5.000 - 10.000; baik"),
            "Rp 5.000 - 10.000; baik"
        );
        assert!(matches!(neutralise("aman"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn since_is_midnight_wib_in_utc() {
        let d = winner_catalog::clock::parse_date("2023-06-01").expect("date");
        assert_eq!(since_key(d), "2023-05-31T17:00:00.000Z");
    }
}
