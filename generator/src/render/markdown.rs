//! Markdown bodies to safe HTML, in one pass per body.
//!
//! Content arrives through pull requests and is treated as hostile:
//! - raw HTML (blocks and inline) is escaped and shown as text, never passed through;
//! - heading attributes other than `#id` and `.class` are dropped (no `onclick=`);
//! - links must be `http(s):`, `mailto:`, `tel:`, `#anchor`, root-relative or `@/` content
//!   links, which are rewritten to the page's language, or relative paths to documents of
//!   a `files/` or `images/` folder, rewritten to their published `/media/…` address;
//! - images may not load from another host: a relative path to an image of a media folder
//!   becomes `<img>` with its published address, `width`, `height` and `loading="lazy"`
//!   (the page does not shift while it loads), or a root-relative `/…` path stays as written.
//!
//! Headings get ids from [`heading_ids`](crate::content::slug::heading_ids), the rule
//! `check` uses (so checked `#anchor`s resolve), and are
//! shifted so the body's highest heading becomes `h2` (body `#` is `h2`; a body that starts
//! at `##` stays as written): the page keeps a single `h1` and no level is skipped. Template-level ids start with
//! `_` (`_main`, `_sources`), which a heading slug never does, so they cannot clash.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use winner_catalog::Lang;

use super::error::RenderError;
use super::urls::Links;
use crate::content::Markdown;
use crate::content::media::Media;

/// Renders `md` for a page in `lang`, resolving `@/` links with `links`.
pub fn to_html(md: &Markdown, lang: Lang, links: &Links<'_>) -> Result<String, RenderError> {
    let events: Vec<(Event<'_>, Range<usize>)> = crate::markdown::events(&md.text);

    let top = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let shift = |level: HeadingLevel| shift(level, top);
    // The ids `check` checked `#anchor`s against: one rule, computed from this same parse.
    let mut ids = crate::content::slug::heading_ids(events.iter().map(|(e, _)| e)).into_iter();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    // Inside an image written as one `<img>` event: how many image ends to skip.
    let mut skip_images = 0usize;
    for (index, (event, range)) in events.iter().enumerate() {
        if skip_images > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => skip_images += 1,
                Event::End(TagEnd::Image) => skip_images -= 1,
                _ => {}
            }
            continue;
        }
        let line = || {
            md.first_line
                + md.text[..range.start.min(md.text.len())]
                    .matches('\n')
                    .count()
        };
        let fail = |url: &str, message: &'static str| RenderError::Link {
            file: md.path.clone(),
            line: line(),
            url: url.to_owned(),
            message,
        };
        let mapped = match event.clone() {
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                // One id per heading, in order: the list cannot run short.
                let id = ids
                    .next()
                    .unwrap_or_else(|| id.map(|i| i.to_string()).unwrap_or_default());
                Event::Start(Tag::Heading {
                    level: shift(level),
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs: Vec::new(),
                })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = if let Some(m) = links.media(&md.path, &dest_url) {
                    CowStr::from(with_fragment(m.url(), &dest_url))
                } else if dest_url.starts_with("@/") {
                    CowStr::from(
                        links
                            .resolve(&dest_url, lang)
                            .map_err(|message| fail(&dest_url, message))?,
                    )
                } else if link_is_safe(&dest_url) {
                    dest_url
                } else {
                    return Err(fail(
                        &dest_url,
                        "links must be https:, http:, mailto:, tel:, #anchor, /path or @/ content links",
                    ));
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if crate::content::media::is_relative_reference(&dest_url) => {
                let media = links
                    .media(&md.path, &dest_url)
                    .filter(|m| m.format.is_image())
                    .ok_or_else(|| {
                        fail(
                            &dest_url,
                            "relative image paths must point at an image of an images/ or files/ folder",
                        )
                    })?;
                skip_images = 1;
                Event::Html(CowStr::from(img_tag(
                    media,
                    &alt_text(&events[index + 1..]),
                    &title,
                )))
            }
            Event::Start(Tag::Image { dest_url, .. }) if !image_is_local(&dest_url) => {
                return Err(fail(
                    &dest_url,
                    "images must be served by the site itself (a /path), never another host",
                ));
            }
            other => other,
        };
        out.push(mapped);
    }
    let mut html = String::with_capacity(md.text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Ok(html)
}

/// `<img>` of a published image: its address, alt text and title (escaped), its size, and
/// lazy loading.
fn img_tag(media: &Media, alt: &str, title: &str) -> String {
    use winner_catalog::escape::html as attr;
    let mut tag = format!("<img src=\"{}\" alt=\"{}\"", attr(&media.url()), attr(alt));
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", attr(title)));
    }
    if let Some((w, h)) = media.size {
        tag.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
    }
    tag.push_str(" loading=\"lazy\">");
    tag
}

/// The alt text of an image: the text of the events up to its end (markup dropped).
fn alt_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut text = String::new();
    let mut depth = 0usize;
    for (event, _) in events {
        match event {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(TagEnd::Image) => depth -= 1,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// `url` with the `#fragment` of `written` (a PDF's `#page=3`), if any.
fn with_fragment(url: String, written: &str) -> String {
    match written.split_once('#') {
        Some((_, fragment)) => format!("{url}#{fragment}"),
        None => url,
    }
}

/// Moves `level` so that the body's highest level `top` (1 to 6) becomes `h2`.
fn shift(level: HeadingLevel, top: usize) -> HeadingLevel {
    match (level as usize + 2).saturating_sub(top) {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Whether a (non-`@/`) link target is allowed.
fn link_is_safe(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:", "#", "/"]
        .iter()
        .any(|p| lower.starts_with(p))
        && !lower.starts_with("//")
}

/// Whether an image source is on this site (root-relative, no scheme, no host).
fn image_is_local(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}
