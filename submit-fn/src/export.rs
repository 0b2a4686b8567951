//! Reviewers' export: a province's (or one issue's) proposals, one row per proposal with every
//! answer, as CSV or JSON Lines.
//!
//! `submit-fn export --province P [--issue I] [--since DATE] --format csv|jsonl [--out FILE]`
//! queries the sparse GSI `by_province` (or `by_issue` with `<province>#<issue>`) in time order,
//! page by page (`ExclusiveStartKey`), and writes each page as it arrives, so memory stays flat
//! however many proposals there are. `--since DATE` is a key condition on `submitted_at`: from
//! 00:00 WIB (UTC+7, the competition's time zone, as for the proposal windows) on that date.
//!
//! Columns: [`FIXED_COLUMNS`], then every field of the form definition in form order (the
//! catalog's `form.fields`). A stored answer the form no longer has is not written; its field
//! name (never its value) is reported in [`Summary::unknown_fields`].
//!
//! CSV follows RFC 4180: comma-separated, CRLF between records, a field quoted when it holds a
//! comma, a quote, CR or LF, quotes doubled. The file starts with a UTF-8 byte order mark so
//! that spreadsheet programs read Indonesian text correctly. Because the answers come from the
//! public and the file is opened in spreadsheets, a text cell that starts with `=`, `+`, `-`,
//! `@`, a tab or CR gets a leading `'` (the OWASP "CSV injection" advice): the spreadsheet
//! shows it as text instead of evaluating it. JSON Lines (no BOM) carries every value exactly:
//! one object per proposal, keys in column order, text as strings, numbers as numbers, a ticked
//! box as `true`, an unanswered field as `null`.
//!
//! Personal data goes only to the output the reviewer asked for; errors and the summary carry
//! counts and field names, never values.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use time::{Date, PrimitiveDateTime, Time, UtcOffset};
use winner_catalog::{Catalog, FormDefinition};

use crate::store::{self, BY_ISSUE, BY_PROVINCE, StoreError};

/// The columns before the form's fields.
pub const FIXED_COLUMNS: [&str; 6] = [
    "reference",
    "submitted_at",
    "province",
    "issue",
    "lang",
    "status",
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
    let at = PrimitiveDateTime::new(date, Time::MIDNIGHT)
        .assume_offset(winner_catalog::clock::WIB)
        .to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
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

/// Reads the selected proposals and writes them to `out`. `page_size` caps the items per
/// Query page (DynamoDB also stops a page at 1 MB); `None` lets DynamoDB decide.
pub async fn export<W: Write>(
    client: &Client,
    table: &str,
    form: &FormDefinition,
    selection: &Selection,
    format: Format,
    page_size: Option<i32>,
    mut out: W,
) -> Result<Summary, ExportError> {
    let columns = columns(form);
    let mut summary = Summary::default();
    if format == Format::Csv {
        out.write_all(BOM.as_bytes())?;
        write_csv_record(&mut out, columns.iter().map(|c| Cell::Text(c.as_str())))?;
    }
    let (index, key_attr, key_value) = match &selection.issue {
        Some(issue) => (
            BY_ISSUE,
            "province_issue",
            format!("{}#{issue}", selection.province),
        ),
        None => (BY_PROVINCE, "province", selection.province.clone()),
    };
    let mut start: Option<HashMap<String, AttributeValue>> = None;
    loop {
        let mut query = client
            .query()
            .table_name(table)
            .index_name(index)
            .expression_attribute_names("#k", key_attr)
            .expression_attribute_values(":k", AttributeValue::S(key_value.clone()))
            .scan_index_forward(true)
            .set_limit(page_size)
            .set_exclusive_start_key(start.take());
        query = match selection.since {
            Some(date) => query
                .key_condition_expression("#k = :k AND #t >= :since")
                .expression_attribute_names("#t", "submitted_at")
                .expression_attribute_values(":since", AttributeValue::S(since_key(date))),
            None => query.key_condition_expression("#k = :k"),
        };
        let page = query.send().await.map_err(store::dynamo("Query"))?;
        summary.pages += 1;
        for item in page.items() {
            write_item(&mut out, item, form, format, &mut summary)?;
            summary.rows += 1;
        }
        match page.last_evaluated_key() {
            Some(key) if !key.is_empty() => start = Some(key.clone()),
            _ => break,
        }
    }
    out.flush()?;
    Ok(summary)
}

/// One value of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell<'a> {
    Text(&'a str),
    Number(&'a str),
    Ticked,
    Missing,
}

impl<'a> Cell<'a> {
    fn of(value: Option<&'a AttributeValue>) -> Cell<'a> {
        match value {
            Some(AttributeValue::S(s)) => Cell::Text(s),
            Some(AttributeValue::N(n)) => Cell::Number(n),
            Some(AttributeValue::Bool(true)) => Cell::Ticked,
            _ => Cell::Missing,
        }
    }
}

fn write_item<W: Write>(
    out: &mut W,
    item: &HashMap<String, AttributeValue>,
    form: &FormDefinition,
    format: Format,
    summary: &mut Summary,
) -> std::io::Result<()> {
    let empty = HashMap::new();
    let answers = match item.get("answers") {
        Some(AttributeValue::M(m)) => m,
        _ => &empty,
    };
    for name in answers.keys() {
        if form.field(name).is_none() {
            summary.unknown_fields.insert(name.clone());
        }
    }
    let fixed = FIXED_COLUMNS.iter().map(|c| Cell::of(item.get(*c)));
    let fields = form.fields.iter().map(|f| Cell::of(answers.get(&f.name)));
    let cells: Vec<Cell<'_>> = fixed.chain(fields).collect();
    match format {
        Format::Csv => write_csv_record(out, cells.into_iter()),
        Format::Jsonl => write_json_line(out, form, &cells),
    }
}

/// Whether a spreadsheet would read this text as a formula (OWASP CSV injection).
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn write_csv_record<'a, W: Write>(
    out: &mut W,
    cells: impl Iterator<Item = Cell<'a>>,
) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            line.push(',');
        }
        let text = match cell {
            Cell::Text(t) if looks_like_formula(t) => format!("'{t}"),
            Cell::Text(t) | Cell::Number(t) => t.to_owned(),
            Cell::Ticked => "yes".to_owned(),
            Cell::Missing => String::new(),
        };
        if text.contains([',', '"', '\r', '\n']) {
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

    #[test]
    fn since_is_midnight_wib_in_utc() {
        let d = winner_catalog::clock::parse_date("2023-06-01").expect("date");
        assert_eq!(since_key(d), "2023-05-31T17:00:00.000Z");
    }
}
