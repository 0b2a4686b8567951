//! The one Markdown parser set-up: the extensions the site uses, in one place, for the
//! content checks ([`crate::content::links`]) and the renderer ([`crate::render::markdown`])
//! alike, so that what `check` reads is what the page shows.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

/// The Markdown extensions of the site: tables, footnotes, strikethrough and `{#id .class}`
/// heading attributes.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Parses `text` once into its events, each with its byte range in `text`.
pub fn events(text: &str) -> Vec<(Event<'_>, Range<usize>)> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .collect()
}

/// The words of a Markdown body as plain text (for the search index): text, inline code and
/// link text, with a space between blocks and cells; no markup, no URLs, no raw HTML.
pub fn plain_text(text: &str) -> String {
    use pulldown_cmark::TagEnd;
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push_str(" \n"),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        let md = "## Latar\n\nAngka **stunting** di [Kalbar](@/provinsi/kalimantan-barat) \
                  tinggi.\n\n- satu\n- dua\n\n| a | b |\n|---|---|\n| sel | lain |\n\n<b>x</b>\n";
        let text = super::plain_text(md);
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "Latar", "Angka", "stunting", "di", "Kalbar", "tinggi.", "satu", "dua", "a", "b",
                "sel", "lain", "x"
            ]
        );
    }
}
