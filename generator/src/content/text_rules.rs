//! Rules on the raw text of one file, whatever its kind: invisible control characters, the
//! placeholder lines `generator new` writes, and YAML values cut short by an unquoted ` #`.
//! They run on every file as it is read, so each problem is reported once, at its line.

use std::path::Path;

use super::diagnostic::Diagnostic;
use crate::messages::{Msg, codes};

/// Placeholder lines of the scaffolds (`generator new`), in both languages.
const PLACEHOLDERS: [&str; 2] = ["_Tulis di sini", "_Write here"];

/// Phrases of narrative prose that state whether a proposals window is open (#14): the site
/// writes that from province.yaml and the date, so prose saying it goes stale. Lowercase.
const WINDOW_STATE: [&str; 12] = [
    "pendaftaran dibuka",
    "pendaftaran ditutup",
    "pendaftaran masih dibuka",
    "pendaftaran sudah ditutup",
    "pendaftaran telah ditutup",
    "usulan dibuka",
    "usulan ditutup",
    "registration is open",
    "registration is closed",
    "registration closed",
    "registration opens",
    "registration closes",
];

/// Fields whose value is a title or a summary: text in which ` #` is probably not a comment.
const TEXT_FIELDS: [&str; 2] = ["title", "summary"];

/// Every problem of these rules in `text` (the whole file, BOM removed) of `rel`.
pub(super) fn check(rel: &Path, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let is_yaml = rel.extension().is_some_and(|e| e == "yaml");
    let mut in_front = false;
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some((col, c)) = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t')
        {
            out.push(Diagnostic::error(
                rel,
                line_no,
                col + 1,
                Msg::new(codes::CONTROL_CHAR).arg("char", format!("U+{:04X}", u32::from(c))),
            ));
        }
        if line.trim() == "---" && (line_no == 1 || in_front) {
            in_front = line_no == 1;
            continue;
        }
        let trimmed = line.trim_start();
        if PLACEHOLDERS.iter().any(|p| trimmed.starts_with(p)) {
            out.push(Diagnostic::error(
                rel,
                line_no,
                line.len() - trimmed.len() + 1,
                Msg::new(codes::PLACEHOLDER_LEFT)
                    .arg("text", trimmed.chars().take(60).collect::<String>()),
            ));
        }
        if in_front || is_yaml {
            out.extend(cut_by_hash(rel, line_no, line));
        } else {
            out.extend(window_state(rel, line_no, line));
        }
    }
    out
}

/// A sentence of a Markdown body that states a window's state: a warning at the phrase.
fn window_state(rel: &Path, line_no: usize, line: &str) -> Option<Diagnostic> {
    let lower = line.to_lowercase();
    let (at, phrase) = WINDOW_STATE
        .iter()
        .filter_map(|p| lower.find(p).map(|at| (at, *p)))
        .min()?;
    let col = lower.get(..at).map_or(1, |s| s.chars().count() + 1);
    Some(Diagnostic::warning(
        rel,
        line_no,
        col,
        Msg::new(codes::WINDOW_STATE_IN_PROSE).arg("phrase", phrase),
    ))
}

/// `title: Isu #1 Kalbar`: YAML reads `Isu` only; a warning with the quoted fix.
fn cut_by_hash(rel: &Path, line_no: usize, line: &str) -> Option<Diagnostic> {
    let trimmed = line.trim_start();
    let (key, value) = trimmed.split_once(':')?;
    let key = key.trim_start_matches("- ").trim();
    if !TEXT_FIELDS.contains(&key) {
        return None;
    }
    let value = value.trim();
    if value.starts_with(['"', '\'', '|', '>']) {
        return None;
    }
    let at = value.find(" #")?;
    let read = value[..at].trim_end();
    if read.is_empty() {
        return None;
    }
    let col = line.len() - trimmed.len() + 1;
    Some(Diagnostic::warning(
        rel,
        line_no,
        col,
        Msg::new(codes::TITLE_CUT_BY_HASH)
            .arg("field", key)
            .arg("value", read)
            .arg("full", value.replace('"', "\\\"")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_rule_at_its_line() {
        let text =
            "---\ntitle: Isu #1 Kalbar\nsummary: \"a # b\"\n---\nA\u{0}B\n_Tulis di sini: x_\n";
        let d = check(Path::new("x.md"), text);
        let got: Vec<_> = d.iter().map(|d| (d.code(), d.line, d.col)).collect();
        assert_eq!(
            got,
            vec![
                (codes::TITLE_CUT_BY_HASH, 2, 1),
                (codes::CONTROL_CHAR, 5, 2),
                (codes::PLACEHOLDER_LEFT, 6, 1)
            ]
        );
    }
}
