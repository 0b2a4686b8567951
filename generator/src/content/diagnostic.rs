//! Problems found in the content, each pointing at a file, a line and a column, with a hint in
//! plain words for editors who are not programmers.
//!
//! Loading and validation collect every problem instead of stopping at the first, so `check`
//! can list them all at once. [`Diagnostics::render`] prints them the way rustc does:
//!
//! ```text
//! kesalahan[K0102]: isian `titel` tidak dikenal; yang boleh: `title`, `topic`, …
//!  --> content/provinces/banten/issues/stunting.md:2:1
//!   |
//! 2 | titel: Stunting
//!   | ^
//!   = petunjuk: mungkin maksud Anda `title`? periksa ejaan nama isian, …
//! ```
//!
//! The words come from the message catalogue ([`crate::messages`]) in the language asked for.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{self, Lang, Msg};

/// How bad a problem is: errors stop the build, warnings are only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The site cannot be built until this is fixed.
    Error,
    /// The site builds, but something is probably not as intended.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one content file: where, how bad, and which message of the catalogue
/// (with its arguments), rendered in the editor's language only when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the content folder (e.g. `provinces/banten/province.yaml`).
    pub path: PathBuf,
    /// 1-based line in that file; 0 when the problem concerns the whole file (e.g. it is missing).
    pub line: usize,
    /// 1-based column (in characters) on that line; 0 when unknown.
    pub col: usize,
    /// Error or warning.
    pub severity: Severity,
    /// The message: its code (see [`codes`](crate::messages::codes)) and arguments.
    pub msg: Msg,
    /// The text of `line`, as it was checked (filled in by the load, which holds the text;
    /// printing reads no file).
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error at `path:line:col`.
    pub fn error(path: impl Into<PathBuf>, line: usize, col: usize, msg: Msg) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            line,
            col,
            severity: Severity::Error,
            msg,
            snippet: None,
        }
    }

    /// A warning at `path:line:col`.
    pub fn warning(path: impl Into<PathBuf>, line: usize, col: usize, msg: Msg) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, col, msg)
        }
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable code of this kind of problem, e.g. `K0102`.
    pub fn code(&self) -> &'static str {
        self.msg.id
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.msg.text(lang)
    }

    /// What to do about it, in plain words in `lang` (with "did you mean …?" when a likely
    /// spelling was found).
    pub fn hint(&self, lang: Lang) -> String {
        let mut hint = self.msg.attr(lang, "hint");
        if let Some(suggestion) = self.msg.get("suggestion") {
            let dym = messages::text(lang, "did-you-mean", &[("suggestion", suggestion.clone())]);
            hint = if hint.is_empty() {
                dym
            } else {
                format!("{dym} {hint}")
            };
        }
        hint
    }

    /// Prints this diagnostic in `lang` with the snippet of its line, `content_dir` being the
    /// folder that [`Diagnostic::path`] is relative to (to show the path).
    pub fn render(&self, content_dir: &Path, lang: Lang) -> String {
        let full = content_dir.join(&self.path);
        let label = match self.severity {
            Severity::Error => "label-error",
            Severity::Warning => "label-warning",
        };
        let mut out = format!(
            "{}[{}]: {}\n",
            messages::text(lang, label, &[]),
            self.code(),
            self.message(lang)
        );
        let location = match (self.line, self.col) {
            (0, _) => format!("{}", full.display()),
            (line, 0) => format!("{}:{line}", full.display()),
            (line, col) => format!("{}:{line}:{col}", full.display()),
        };
        out.push_str(&format!(" --> {location}\n"));
        let hint = self.hint(lang);
        let hint_label = messages::text(lang, "label-hint", &[]);
        if let Some(text) = self.snippet.as_deref().filter(|_| self.line > 0) {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            out.push_str(&format!("{pad} |\n{number} | {text}\n"));
            if self.col > 0 {
                let before: String = text
                    .chars()
                    .take(self.col - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!("{pad} | {before}^\n"));
            }
            if !hint.is_empty() {
                out.push_str(&format!("{pad} = {hint_label}: {hint}\n"));
            }
        } else if !hint.is_empty() {
            out.push_str(&format!("  = {hint_label}: {hint}\n"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: severity[code]: message`, in English (for logs and test output).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.path.display(),
            self.line,
            self.col,
            self.severity,
            self.code(),
            self.message(Lang::En)
        )
    }
}

/// Every problem found, kept sorted by path, then line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// No problems yet.
    pub fn new() -> Diagnostics {
        Diagnostics(Vec::new())
    }

    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all problems of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Sorts by path, line, column, severity and message, and drops exact duplicates.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.severity, &a.msg)
                .cmp(&(&b.path, b.line, b.col, b.severity, &b.msg))
        });
        self.0.dedup();
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// Whether there are no problems at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    /// Only the warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// All problems printed one after another in `lang` (see [`Diagnostic::render`]), sorted.
    pub fn render(&self, content_dir: &Path, lang: Lang) -> String {
        let mut sorted = self.clone();
        sorted.sort();
        sorted
            .0
            .iter()
            .map(|d| d.render(content_dir, lang))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A one-line count such as `2 errors, 1 warning`, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        messages::text(
            lang,
            "summary",
            &[
                ("errors", self.error_count().into()),
                ("warnings", self.warning_count().into()),
            ],
        )
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}
