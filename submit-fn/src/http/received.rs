//! `GET /proposals/received/{reference}` (#14): where a plain form post is sent (303) once its
//! proposal is stored, so that the reference is written in the page itself. Without
//! JavaScript the site's static thank-you page cannot read the reference from its own address,
//! and could only point at the address bar.
//!
//! The page repeats a well-formed reference (anything else is a 404) and looks nothing up: it
//! says what the 303 that led to it said, no more. Its words are the thank-you page's own
//! (`sent.*` of the theme, carried in catalog.json), so the two never disagree; a catalog
//! without them keeps the older way, a 303 to the site's thank-you page.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use winner_catalog::{Catalog, Lang};

use super::page::{escape, finish, lang_of_query, page_html};
use crate::intake::is_reference;
use crate::messages::{self, Text};
use crate::state::AppState;

/// The route, as the router and the 303's `Location` spell it.
const PREFIX: &str = "/proposals/received/";

/// The thank-you page's words this page shows, in one language.
struct Words<'a> {
    title: &'a str,
    lead: &'a str,
    reference: &'a str,
    next_title: &'a str,
    next: &'a str,
    back: &'a str,
    /// That a receipt is on its way: shown only when the function sends email.
    receipt: Option<&'a str>,
}

fn words(catalog: &Catalog, lang: Lang) -> Option<Words<'_>> {
    let strings = &catalog.email.as_ref()?.strings;
    let get = |key: &str| strings.get(key).map(|t| t.get(lang));
    Some(Words {
        title: get("sent.title")?,
        lead: get("sent.lead")?,
        reference: get("sent.reference")?,
        next_title: get("sent.next_title")?,
        next: get("sent.next")?,
        back: get("sent.back")?,
        receipt: get("sent.receipt"),
    })
}

/// Where a plain form post goes once `reference` is stored: this page, as a path on the
/// function's own host, in the submitter's language; `None` when the catalog does not carry
/// the thank-you page's words (then the site's thank-you page it is).
pub(super) fn location(catalog: &Catalog, lang: Lang, reference: &str) -> Option<String> {
    words(catalog, lang)?;
    Some(match lang {
        Lang::Id => format!("{PREFIX}{reference}"),
        Lang::En => format!("{PREFIX}{reference}?lang=en"),
    })
}

/// `GET /proposals/received/{reference}`.
pub async fn get(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    req: Request,
) -> Response {
    let lang = lang_of_query(req.uri().query());
    let catalog = state.catalog();
    match words(catalog, lang) {
        Some(w) if is_reference(&reference) => {
            let mail = state.mail().is_some();
            finish(StatusCode::OK, page(catalog, lang, &w, &reference, mail))
        }
        _ => {
            let title = messages::text(Text::NotFound, lang);
            finish(StatusCode::NOT_FOUND, page_html(lang, title, ""))
        }
    }
}

fn page(catalog: &Catalog, lang: Lang, w: &Words<'_>, reference: &str, mail: bool) -> String {
    let home = format!("{}{}", catalog.site_url, catalog.home_path.get(lang));
    // With email on, every stored proposal's transaction wrote its receipt to the outbox.
    let receipt = match w.receipt {
        Some(text) if mail => format!("<p>{}</p>\n", escape(text)),
        _ => String::new(),
    };
    let main = format!(
        "<div class=\"box\" role=\"status\">\n<p>{lead}</p>\n<p>{label}</p>\n\
<p class=\"reference\" id=\"reference\">{reference}</p>\n</div>\n{receipt}\
<h2>{next_title}</h2>\n<p>{next}</p>\n<p><a href=\"{home}\">{back}</a></p>\n",
        lead = escape(w.lead),
        label = escape(w.reference),
        reference = escape(reference),
        next_title = escape(w.next_title),
        next = escape(w.next),
        home = escape(&home),
        back = escape(w.back),
    );
    page_html(lang, w.title, &main)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::from_json(include_str!("../../tests/fixtures/catalog.json")).expect("fixture")
    }

    #[test]
    fn a_stored_proposal_is_sent_to_this_page_in_its_language() {
        let c = catalog();
        assert_eq!(
            location(&c, Lang::Id, "WNR-61-7K3Q9X").as_deref(),
            Some("/proposals/received/WNR-61-7K3Q9X")
        );
        assert_eq!(
            location(&c, Lang::En, "WNR-61-7K3Q9X").as_deref(),
            Some("/proposals/received/WNR-61-7K3Q9X?lang=en")
        );
    }

    #[test]
    fn without_the_thank_you_words_there_is_no_such_page() {
        let mut c = catalog();
        c.email = None;
        assert_eq!(location(&c, Lang::En, "WNR-61-7K3Q9X"), None);
    }

    #[test]
    fn the_page_shows_the_reference_with_the_thank_you_words() {
        let c = catalog();
        let w = words(&c, Lang::Id).expect("the fixture has the words");
        let html = page(&c, Lang::Id, &w, "WNR-61-7K3Q9X", false);
        assert!(html.contains("<html lang=\"id\">"), "{html}");
        assert!(html.contains("<h1>Usulan terkirim</h1>"), "{html}");
        assert!(
            html.contains("<p class=\"reference\" id=\"reference\">WNR-61-7K3Q9X</p>"),
            "{html}"
        );
        assert!(html.contains("Apa selanjutnya"), "{html}");
        assert!(
            html.contains(&format!("<a href=\"{}/\">", c.site_url)),
            "{html}"
        );
    }
}
