//! Heading ids, shared by the link checker (which checks `#anchor`s) and the renderer (which
//! writes the ids): one function, so a link that passes `check` always finds its heading.

use std::collections::HashSet;

use pulldown_cmark::{Event, Tag, TagEnd};

/// The ids of the headings of a parsed Markdown body, in order: the explicit `{#id}` or the
/// [`heading_slug`] of the heading's text, made unique with [`UniqueIds`]. The one rule for
/// both the checker (which checks `#anchor`s) and the renderer (which writes the ids).
pub fn heading_ids<'e, 'a: 'e>(events: impl IntoIterator<Item = &'e Event<'a>>) -> Vec<String> {
    let mut ids = UniqueIds::new();
    let mut out = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                current = Some((id.as_ref().map(|i| i.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, words)) = current.as_mut() {
                    words.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, words)) = current.take() {
                    let base = explicit.unwrap_or_else(|| heading_slug(&words));
                    out.push(ids.unique(base));
                }
            }
            _ => {}
        }
    }
    out
}

/// The id of a heading with this text: lowercase ASCII letters and digits, every other run of
/// characters becomes one `-`, no `-` at either end. Letters with accents are folded to ASCII
/// where simple (`é` → `e`); Indonesian is plain ASCII anyway. An empty result becomes
/// `section`.
///
/// ```
/// use generator::content::slug::heading_slug;
/// assert_eq!(heading_slug("Data & Sumber (2023)"), "data-sumber-2023");
/// assert_eq!(heading_slug("  Apa yang dicari?  "), "apa-yang-dicari");
/// ```
pub fn heading_slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Makes heading ids unique within one page, the way both the checker and the renderer do it:
/// the first `data` stays `data`, the next ones become `data-2`, `data-3`, …; ids reserved by
/// the templates are never handed out.
#[derive(Debug, Default, Clone)]
pub struct UniqueIds {
    seen: HashSet<String>,
}

impl UniqueIds {
    /// A fresh set for one page.
    pub fn new() -> UniqueIds {
        UniqueIds::default()
    }

    /// A fresh set for one page whose templates already use `reserved` ids.
    pub fn with_reserved(reserved: &[&str]) -> UniqueIds {
        UniqueIds {
            seen: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// Registers `id` (a slug, or an explicit `{#id}`), returning it or a suffixed variant not
    /// used before on this page.
    pub fn unique(&mut self, id: String) -> String {
        if self.seen.insert(id.clone()) {
            return id;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{id}-{n}");
            if self.seen.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Folds common Latin letters with diacritics to ASCII; other characters pass unchanged.
fn fold(c: char) -> impl Iterator<Item = char> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        other => other,
    };
    std::iter::once(folded)
}

/// Whether `s` can be a slug in a web address: lowercase ASCII letters, digits and single
/// inner dashes. The loader applies it to file and folder names, `generator new` to the
/// names it is given, so a scaffolded file is never rejected for its name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            heading_slug("Stunting di Kalimantan Barat"),
            "stunting-di-kalimantan-barat"
        );
        assert_eq!(heading_slug("--Hello, World!--"), "hello-world");
        assert_eq!(heading_slug("Café"), "cafe");
        assert_eq!(heading_slug("???"), "section");
        assert_eq!(heading_slug("Data 2023/2024"), "data-2023-2024");
    }

    #[test]
    fn unique_ids() {
        let mut ids = UniqueIds::new();
        assert_eq!(ids.unique("data".into()), "data");
        assert_eq!(ids.unique("data".into()), "data-2");
        assert_eq!(ids.unique("data-2".into()), "data-2-2");
        assert_eq!(ids.unique("data".into()), "data-3");
        let mut ids = UniqueIds::with_reserved(&["main"]);
        assert_eq!(ids.unique("main".into()), "main-2");
    }
}
