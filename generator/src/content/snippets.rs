//! The line each diagnostic points at, taken from the text the load already holds (every
//! file's YAML and every Markdown body), so that printing a report reads no file again: what
//! is shown is the text that was checked, even if an editor saves the file meanwhile.

use std::collections::HashMap;
use std::path::Path;

use super::diagnostic::Diagnostics;
use super::index::Files;
use super::site::{Bilingual, Site, Words};

/// Gives every diagnostic without a snippet the text of its line, where the load holds it.
pub(crate) fn attach(diags: &mut Diagnostics, site: &Site, files: &Files) {
    if diags.0.iter().all(|d| d.line == 0 || d.snippet.is_some()) {
        return;
    }
    // Each file's texts in memory, with the file line each starts on.
    let mut held: HashMap<&Path, Vec<(usize, &str)>> = HashMap::new();
    for (path, source) in &files.sources {
        held.entry(path)
            .or_default()
            .push((source.first_line, &source.yaml));
    }
    let mut words: Vec<&Bilingual<Words>> = Vec::new();
    for p in &site.provinces {
        words.push(&p.narrative);
        words.extend(p.issues.iter().map(|i| &i.words));
    }
    words.extend(site.news.iter().map(|n| &n.words));
    words.extend(site.pages.iter().map(|p| &p.words));
    let bodies = words
        .into_iter()
        .flat_map(|w| std::iter::once(&w.id.body).chain(w.en.as_ref().map(|en| &en.body)))
        .chain(files.unparsed.iter().map(|(md, _, _)| md));
    for md in bodies {
        held.entry(md.path.as_path())
            .or_default()
            .push((md.first_line, md.text.as_str()));
    }
    for d in diags
        .0
        .iter_mut()
        .filter(|d| d.line > 0 && d.snippet.is_none())
    {
        d.snippet = held
            .get(d.path.as_path())
            .and_then(|texts| line_in(texts, d.line));
    }
}

/// File line `line` from whichever of `texts` (each with its first file line) holds it.
fn line_in(texts: &[(usize, &str)], line: usize) -> Option<String> {
    texts.iter().find_map(|&(first, text)| {
        let nth = line.checked_sub(first)?;
        // `split_terminator`: a final newline ends the last line, it does not start another.
        text.split_terminator('\n')
            .nth(nth)
            .map(|l| l.trim_end_matches('\r').to_owned())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_line_is_found_in_the_text_that_holds_it() {
        // Front matter on lines 2-3 (line 4 is the closing `---`), the body from line 5.
        let texts = [
            (2, "title: x\nsummary: y\n"),
            (5, "Body line one\r\nline two\n"),
        ];
        assert_eq!(super::line_in(&texts, 3).as_deref(), Some("summary: y"));
        assert_eq!(super::line_in(&texts, 6).as_deref(), Some("line two"));
        assert_eq!(
            super::line_in(&texts, 4),
            None,
            "the delimiter is in neither text"
        );
        assert_eq!(super::line_in(&texts, 1), None);
    }
}
