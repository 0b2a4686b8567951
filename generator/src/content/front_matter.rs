//! Splits a Markdown file into its YAML front matter and its body, keeping file line numbers.
//!
//! Front matter is the block between a first line `---` and the next line `---`. The body keeps
//! the 1-based file line it starts on, so that later checks (links, images) and the renderer can
//! point at the right line of the file. A byte order mark and Windows line endings are accepted.

/// A Markdown file split in two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines, `None` when the file has no front matter.
    pub yaml: Option<&'a str>,
    /// 1-based file line of the YAML's first line (2 when front matter is present).
    pub yaml_first_line: usize,
    /// The Markdown after the closing `---` (or the whole file without front matter).
    pub body: &'a str,
    /// 1-based file line where `body` starts.
    pub body_first_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    /// 1-based line of the opening `---`.
    pub line: usize,
}

/// Removes a leading byte order mark, if any.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Splits `text` (already without a byte order mark) into front matter and body.
///
/// A file that does not start with a `---` line has no front matter. A file that opens front
/// matter but never closes it is an error located at the opening line.
pub fn split(text: &str) -> Result<Split<'_>, Unclosed> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end_matches(['\r', '\n']) != "---" {
        return Ok(Split {
            yaml: None,
            yaml_first_line: 1,
            body: text,
            body_first_line: 1,
        });
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (line_no, line) in (2..).zip(lines) {
        if line.trim_end_matches(['\r', '\n']) == "---" {
            return Ok(Split {
                yaml: Some(&text[yaml_start..offset]),
                yaml_first_line: 2,
                body: &text[offset + line.len()..],
                body_first_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Unclosed { line: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_body_line() {
        let s = split("---\ntitle: A\nsummary: B\n---\n\nBody\n").expect("closed");
        assert_eq!(s.yaml, Some("title: A\nsummary: B\n"));
        assert_eq!(s.yaml_first_line, 2);
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_first_line, 5);
    }

    #[test]
    fn crlf_and_no_front_matter() {
        let s = split("---\r\ntitle: A\r\n---\r\nBody\r\n").expect("closed");
        assert_eq!(s.yaml, Some("title: A\r\n"));
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(s.body_first_line, 4);
        let s = split("# Hello\n").expect("no front matter");
        assert_eq!(s.yaml, None);
        assert_eq!(s.body_first_line, 1);
    }

    #[test]
    fn empty_front_matter_and_unclosed() {
        let s = split("---\n---\nx").expect("closed");
        assert_eq!(s.yaml, Some(""));
        assert_eq!(s.body_first_line, 3);
        assert_eq!(split("---\ntitle: A\n"), Err(Unclosed { line: 1 }));
        assert_eq!(strip_bom("\u{feff}---\n"), "---\n");
    }
}
