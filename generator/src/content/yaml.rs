//! The only module that calls `serde_yaml` (deprecated upstream, see DESIGN.md): swapping to a
//! maintained fork is a change to this file alone.
//!
//! Parsing errors become [`Diagnostic`]s located in the file itself: YAML positions are moved by
//! the line where the YAML starts in the file (line 2 for front matter), and errors that
//! `serde_yaml` reports without a position (a missing or duplicate top-level field) are located
//! by scanning the YAML text for the key, or at the start of the YAML.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::diagnostic::Diagnostic;
use crate::messages::{Msg, codes};

/// Where a piece of YAML sits in its file.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file, relative to the content folder.
    pub path: &'a Path,
    /// 1-based file line of the YAML's first line.
    pub first_line: usize,
    /// 1-based file line to blame for problems of the whole document (the opening `---` of
    /// front matter, or line 1 of a YAML file).
    pub start_line: usize,
}

/// Parses a flat map of text keys to text values (the theme's UI strings), with serde_yaml's
/// message (it carries the line and column) on failure.
pub fn flat_strings(yaml: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    serde_yaml::from_str(yaml).map_err(|e| e.to_string())
}

/// At most this many problems are reported for one document (a file that is not YAML at all
/// would otherwise be reported line by line).
const MAX_PROBLEMS: usize = 20;

/// Parses `yaml` into `T`, mapping every error to a diagnostic in the file.
///
/// serde_yaml stops at the first problem; an editor should see them all in one run (#12).
/// So after a problem inside a top-level field, that field is set aside (its lines blanked,
/// which keeps every later position right) and the rest is parsed again, until it parses or
/// what is left cannot be told apart: a YAML syntax error, or a problem with no field. A
/// field then reported missing only because it was set aside (or because it was misspelt and
/// the misspelling was set aside) is not reported again.
pub fn parse<T: DeserializeOwned>(yaml: &str, origin: Origin<'_>) -> Result<T, Vec<Diagnostic>> {
    // The common case, a document that parses, costs one parse and no copy of the text.
    match parse_once::<T>(yaml) {
        Ok(v) => Ok(v),
        Err(first) => Err(every_problem::<T>(yaml, first, origin)),
    }
}

/// The problems of a document that did not parse, `first` being serde_yaml's first (see
/// [`parse`]).
fn every_problem<T: DeserializeOwned>(
    yaml: &str,
    first: serde_yaml::Error,
    origin: Origin<'_>,
) -> Vec<Diagnostic> {
    let mut work = yaml.to_owned();
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut set_aside: Vec<String> = Vec::new();
    let mut next = Some(first);
    while let Some(e) = next.take() {
        let message = strip_positions(&e.to_string());
        if !found.is_empty()
            && let Some(missing) = between(&message, "missing field `", "`")
            && set_aside
                .iter()
                .any(|k| k == missing || crate::messages::closest(k, [missing]).is_some())
        {
            break;
        }
        let d = to_diagnostic(&e, &work, origin);
        let yaml_line = (d.line + 1).saturating_sub(origin.first_line);
        found.push(d);
        // A missing field is only reported once every field present has parsed; a problem
        // without a position, or in the YAML syntax, leaves nothing to set aside.
        let unplaced = e.location().is_none()
            && !message.contains("unknown field `")
            && !message.contains("duplicate field `");
        if found.len() >= MAX_PROBLEMS
            || unplaced
            || message.contains("missing field `")
            || is_syntax_error(&message)
        {
            break;
        }
        match set_aside_field(&mut work, yaml_line) {
            Some(key) => set_aside.push(key),
            None => break,
        }
        next = parse_once::<T>(&work).err();
    }
    found
}

fn parse_once<T: DeserializeOwned>(yaml: &str) -> Result<T, serde_yaml::Error> {
    // An empty document is `null` to serde_yaml; structs whose fields are all optional should
    // still accept it, so give them an empty mapping instead.
    let effective = if yaml.trim().is_empty() || only_comments(yaml) {
        "{}"
    } else {
        yaml
    };
    serde_yaml::from_str(effective)
}

/// Whether serde_yaml's message is about the YAML text itself (libyaml's scanner or parser),
/// after which nothing later in the document can be trusted.
fn is_syntax_error(message: &str) -> bool {
    [
        "while scanning",
        "while parsing",
        "did not find expected",
        "found unexpected",
        "could not find expected",
        "mapping values are not allowed",
        "found character that cannot start",
        "found undefined",
        "control characters are not allowed",
        "invalid leading UTF-8",
        "recursion limit",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// Blanks the top-level field whose lines hold 1-based YAML line `line` (its key line and
/// everything indented, commented or listed under it) and returns its key; `None` when the
/// line belongs to no top-level field.
fn set_aside_field(yaml: &mut String, line: usize) -> Option<String> {
    let lines: Vec<&str> = yaml.lines().collect();
    let at = line.checked_sub(1).filter(|i| *i < lines.len())?;
    let starts_field =
        |l: &str| !l.is_empty() && !l.starts_with([' ', '\t', '#', '-']) && !l.starts_with("...");
    let start = (0..=at).rev().find(|&i| starts_field(lines[i]))?;
    let key = lines[start]
        .split(':')
        .next()?
        .trim()
        .trim_matches('"')
        .to_owned();
    if key.is_empty() || !lines[start].contains(':') {
        return None;
    }
    let end = (start + 1..lines.len())
        .find(|&i| starts_field(lines[i]))
        .unwrap_or(lines.len());
    let mut out = String::with_capacity(yaml.len());
    for (i, l) in lines.iter().enumerate() {
        if !(start..end).contains(&i) {
            out.push_str(l);
        }
        out.push('\n');
    }
    *yaml = out;
    Some(key)
}

fn only_comments(yaml: &str) -> bool {
    yaml.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

fn to_diagnostic(e: &serde_yaml::Error, yaml: &str, origin: Origin<'_>) -> Diagnostic {
    let raw = e.to_string();
    let message = strip_positions(&raw);
    let located = e.location().filter(|l| l.index() > 0);
    let (mut line, mut col) = match &located {
        Some(l) => (l.line(), l.column()),
        None => (0, 0),
    };
    // Duplicate keys: serde reports the mapping (or nothing); point at the second occurrence.
    if let Some(key) = between(&message, "duplicate field `", "`")
        && let Some((l, c)) = key_occurrence(yaml, key, line.max(1), 2)
    {
        (line, col) = (l, c);
    }
    // An unknown first field is reported at the document's start (index 0), which reads as
    // the `---` line; point at the field itself.
    if line == 0
        && let Some(key) = between(&message, "unknown field `", "`")
        && let Some((l, c)) = key_occurrence(yaml, key, 1, 1)
    {
        (line, col) = (l, c);
    }
    // An error at the end of the stream is reported on the line after the last one; point at
    // the end of the last line instead, so the location is always inside the file.
    let last = yaml.lines().count().max(1);
    if line > last {
        line = last;
        col = yaml.lines().last().map_or(1, |l| l.chars().count() + 1);
    }
    let (file_line, file_col) = if line == 0 {
        (origin.start_line, 1)
    } else {
        (line + origin.first_line - 1, col)
    };
    let msg = explain(&message, yaml, line, col);
    Diagnostic::error(origin.path, file_line, file_col, msg)
}

/// Turns serde_yaml's wording into a message of the catalogue.
fn explain(message: &str, yaml: &str, line: usize, col: usize) -> Msg {
    let (field, detail) = match message.split_once(": ") {
        Some((f, d)) if !f.contains(' ') => (Some(f), d),
        _ => (None, message),
    };
    let field_arg = field.unwrap_or("none");
    let value = value_at(yaml, line, col);
    if detail.contains("component could not be parsed")
        || detail.contains("was not in range")
        || detail.contains("invalid value")
            && field.is_some_and(|f| f.ends_with("date") || f.ends_with("_on"))
    {
        let reason = if detail.contains("was not in range") {
            "range"
        } else {
            "format"
        };
        return Msg::new(codes::INVALID_DATE)
            .arg("field", field_arg)
            .arg("value", value.unwrap_or_default())
            .arg("reason", reason);
    }
    let field_name = |d: &str| between(d, "`", "`").unwrap_or("").to_owned();
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let name = field_name(rest);
        let expected = rest
            .split_once(", expected ")
            .map(|(_, e)| e.trim_start_matches("one of ").to_owned())
            .unwrap_or_default();
        let options = serde_names(&expected);
        let mut msg = Msg::new(codes::UNKNOWN_FIELD)
            .arg("field", name.as_str())
            .arg("expected", word_list(&options));
        if let Some(s) = crate::messages::closest(&name, options.iter().copied()) {
            msg = msg.arg("suggestion", s);
        }
        return msg;
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        return Msg::new(codes::MISSING_FIELD).arg("field", field_name(rest));
    }
    if let Some(rest) = detail.strip_prefix("duplicate field ") {
        return Msg::new(codes::DUPLICATE_FIELD).arg("field", field_name(rest));
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        let given = field_name(rest);
        let expected = rest
            .split_once(", expected ")
            .map(|(_, e)| e.trim_start_matches("one of ").to_owned())
            .unwrap_or_default();
        return Msg::new(codes::UNKNOWN_VARIANT)
            .arg("field", field_arg)
            .arg("value", given)
            .arg("expected", word_list(&serde_names(&expected)));
    }
    if detail.starts_with("invalid type") {
        return Msg::new(codes::INVALID_TYPE)
            .arg("field", field_arg)
            .arg("detail", plain_types(detail));
    }
    Msg::new(codes::YAML_SYNTAX).arg("detail", message)
}

/// Replaces Rust type names in serde's messages with words.
fn plain_types(detail: &str) -> String {
    let mut out = detail.to_owned();
    for (from, to) in [
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected fields (`name: value` lines)"),
    ] {
        if out.ends_with(from) {
            out = format!("{}{to}", &out[..out.len() - from.len()]);
        }
    }
    out
}

/// The scalar written at 1-based `line`/`col` of `yaml`, if any.
fn value_at(yaml: &str, line: usize, col: usize) -> Option<String> {
    let text = yaml.lines().nth(line.checked_sub(1)?)?;
    let rest: String = text.chars().skip(col.saturating_sub(1)).collect();
    let rest = rest.split(" #").next().unwrap_or("").trim();
    let rest = rest.trim_end_matches([',', '}', ']']).trim();
    Some(rest.trim_matches(['"', '\'']).to_owned())
}

/// Removes serde_yaml's ` at line N column M` fragments (we print our own location).
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let tail = &after[digits..];
        match tail.strip_prefix(" column ") {
            Some(t) if digits > 0 => {
                let d = t.chars().take_while(char::is_ascii_digit).count();
                rest = &t[d..];
            }
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// The 1-based (line, column) of the `nth` line at or after `from_line` that sets `key`
/// (`key:` at the start of the line, possibly after `- `).
pub fn key_occurrence(
    yaml: &str,
    key: &str,
    from_line: usize,
    nth: usize,
) -> Option<(usize, usize)> {
    yaml.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .filter_map(|(i, l)| key_column(l, key).map(|c| (i + 1, c)))
        .nth(nth.checked_sub(1)?)
}

/// The 1-based column where `key` starts if `line` sets it (`key:` or `- key:`).
pub fn key_column(line: &str, key: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let mut col = line.len() - trimmed.len();
    let mut rest = trimmed;
    while let Some(r) = rest.strip_prefix("- ") {
        let r2 = r.trim_start();
        col += rest.len() - r2.len();
        rest = r2;
    }
    let rest = rest
        .strip_prefix(['{'])
        .map(str::trim_start)
        .unwrap_or(rest);
    let unquoted = rest
        .strip_prefix(key)
        .or_else(|| rest.strip_prefix(&format!("\"{key}\"") as &str))?;
    unquoted
        .trim_start()
        .starts_with(':')
        .then_some(line[..col].chars().count() + 1)
}

/// The 1-based (line, column) where `key` is set for the `nth` time (1-based) in the file
/// whose YAML begins at `first_line`, as file coordinates.
pub fn locate_key(yaml: &str, first_line: usize, key: &str, nth: usize) -> Option<(usize, usize)> {
    key_occurrence(yaml, key, 1, nth).map(|(l, c)| (l + first_line - 1, c))
}

/// The 1-based file (line, column) of the first occurrence of `needle` in `yaml` at or after
/// YAML line `from_line`.
pub fn locate_text(
    yaml: &str,
    first_line: usize,
    needle: &str,
    from_line: usize,
) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    yaml.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(i, l)| {
            l.find(needle)
                .map(|b| (i + first_line, l[..b].chars().count() + 1))
        })
}

/// The names in serde's list of expected names (`` `a`, `b` or `c` ``, in English).
fn serde_names(serde_list: &str) -> Vec<&str> {
    serde_list
        .split(['`', ',', ' '])
        .filter(|w| !w.is_empty() && *w != "or")
        .collect()
}

/// Names as a language-neutral list: `` `a`, `b`, `c` ``.
fn word_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        date: Option<time::Date>,
    }

    fn origin() -> Origin<'static> {
        Origin {
            path: Path::new("x.md"),
            first_line: 2,
            start_line: 1,
        }
    }

    #[test]
    fn unknown_field_at_its_line() {
        let e = first(parse::<Doc>("title: a\ntitel: b\n", origin()));
        assert_eq!((e.line, e.col), (3, 1));
        let m = e.message(crate::messages::Lang::En);
        assert!(m.contains("unknown field `titel`"), "{m}");
        assert!(!m.contains("at line"));
        assert_eq!(e.code(), codes::UNKNOWN_FIELD);
        assert!(
            e.hint(crate::messages::Lang::En)
                .contains("did you mean `title`?")
        );
    }

    #[test]
    fn a_misspelt_first_field_is_reported_at_its_line_not_at_the_opening_dashes() {
        let e = first(parse::<Doc>("titel: a\ndate: 2023-01-01\n", origin()));
        assert_eq!(e.code(), codes::UNKNOWN_FIELD);
        assert_eq!(
            (e.line, e.col),
            (2, 1),
            "line 2 of the file: the first line after ---"
        );
    }

    #[test]
    fn missing_and_duplicate() {
        let e = first(parse::<Doc>("date: 2023-01-01\n", origin()));
        assert_eq!((e.line, e.col), (1, 1));
        let e = first(parse::<Doc>("title: a\n\ntitle: b\n", origin()));
        assert_eq!((e.line, e.col), (4, 1));
    }

    #[test]
    fn impossible_date_is_plain() {
        let e = first(parse::<Doc>("title: a\ndate: 2023-02-30\n", origin()));
        assert_eq!(e.line, 3);
        let m = e.message(crate::messages::Lang::En);
        assert!(m.contains("`2023-02-30` is not a valid date"), "{m}");
    }

    /// The only problem of a document with one.
    fn first(r: Result<Doc, Vec<Diagnostic>>) -> Diagnostic {
        let mut all = r.expect_err("a problem");
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Issue {
        title: String,
        topic: String,
        status: Status,
        validated_on: time::Date,
        #[serde(default)]
        sources: Vec<Source>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        Validated,
        Pending,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Source {
        title: String,
        url: String,
    }

    #[test]
    fn every_problem_of_a_document_in_one_pass_each_at_its_line() {
        let yaml = "title: Air\ntopik: air\nstatus: valid\nvalidated_on: 2023-13-45\nsources:\n  - title: A\n    link: https://a.example\n";
        let all = parse::<Issue>(yaml, origin()).expect_err("four problems");
        let seen: Vec<_> = all.iter().map(|d| (d.code(), d.line)).collect();
        // The misspelt `topik` is reported, and `topic` is not then reported missing.
        assert_eq!(
            seen,
            [
                (codes::UNKNOWN_FIELD, 3),
                (all[1].code(), 4),
                (all[2].code(), 5),
                (codes::UNKNOWN_FIELD, 8),
            ],
            "{all:?}"
        );
        assert!(
            all[1].message(crate::messages::Lang::En).contains("valid"),
            "{:?}",
            all[1]
        );
    }

    #[test]
    fn a_genuinely_missing_field_is_still_reported_after_the_others() {
        let yaml = "title: Air\nstatus: valid\nvalidated_on: 2023-01-01\n";
        let all = parse::<Issue>(yaml, origin()).expect_err("two problems");
        let codes_seen: Vec<_> = all.iter().map(|d| d.code()).collect();
        assert_eq!(codes_seen.len(), 2, "{all:?}");
        assert_eq!(all[1].code(), codes::MISSING_FIELD, "{all:?}");
        assert!(
            all[1].message(crate::messages::Lang::En).contains("topic"),
            "{:?}",
            all[1]
        );
    }

    #[test]
    fn a_syntax_error_stops_the_search() {
        let yaml = "title: \"Air\ntopic: air\nstatus: valid\n";
        let all = parse::<Issue>(yaml, origin()).expect_err("syntax");
        assert_eq!(all.len(), 1, "{all:?}");
    }

    #[test]
    fn key_scanning() {
        assert_eq!(key_column("  - name: x", "name"), Some(5));
        assert_eq!(key_column("  names: x", "name"), None);
        assert_eq!(locate_key("a: 1\nb:\n  c: 2\n", 2, "c", 1), Some((4, 3)));
    }
}
