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
