//! The one escape of both binaries, for text placed in HTML or XML element content or in a
//! quoted attribute value: `&`, `<`, `>`, `"` and `'` become entities.
//!
//! It is pulldown-cmark's escape, the same code tera (feature `fast`) runs for every
//! `{{ value }}` in a template and pulldown-cmark for every Markdown body, so a page of the
//! site, a feed, a page of submit-fn and an email are escaped alike.

/// `text` escaped for HTML or XML (see the module docs).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Writing into a `String` cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_become_entities_and_the_rest_stays() {
        assert_eq!(
            super::html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(
            super::html("Sulawesi Utara — gizi"),
            "Sulawesi Utara — gizi"
        );
    }
}
