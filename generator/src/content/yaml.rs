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

/// Parses `yaml` into `T`, mapping any error to a diagnostic in the file.
pub fn parse<T: DeserializeOwned>(yaml: &str, origin: Origin<'_>) -> Result<T, Diagnostic> {
    // An empty document is `null` to serde_yaml; structs whose fields are all optional should
    // still accept it, so give them an empty mapping instead.
    let effective = if yaml.trim().is_empty() || only_comments(yaml) {
        "{}"
    } else {
        yaml
    };
    serde_yaml::from_str(effective).map_err(|e| to_diagnostic(&e, yaml, origin))
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
        let e = parse::<Doc>("title: a\ntitel: b\n", origin()).expect_err("unknown");
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
        let e = parse::<Doc>("titel: a\ndate: 2023-01-01\n", origin()).expect_err("unknown");
        assert_eq!(e.code(), codes::UNKNOWN_FIELD);
        assert_eq!(
            (e.line, e.col),
            (2, 1),
            "line 2 of the file: the first line after ---"
        );
    }

    #[test]
    fn missing_and_duplicate() {
        let e = parse::<Doc>("date: 2023-01-01\n", origin()).expect_err("missing");
        assert_eq!((e.line, e.col), (1, 1));
        let e = parse::<Doc>("title: a\n\ntitle: b\n", origin()).expect_err("dup");
        assert_eq!((e.line, e.col), (4, 1));
    }

    #[test]
    fn impossible_date_is_plain() {
        let e = parse::<Doc>("title: a\ndate: 2023-02-30\n", origin()).expect_err("date");
        assert_eq!(e.line, 3);
        let m = e.message(crate::messages::Lang::En);
        assert!(m.contains("`2023-02-30` is not a valid date"), "{m}");
    }

    #[test]
    fn key_scanning() {
        assert_eq!(key_column("  - name: x", "name"), Some(5));
        assert_eq!(key_column("  names: x", "name"), None);
        assert_eq!(locate_key("a: 1\nb:\n  c: 2\n", 2, "c", 1), Some((4, 3)));
    }
}
