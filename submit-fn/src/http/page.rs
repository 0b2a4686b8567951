//! The one page shell of every HTML page submit-fn renders itself: the error page of a plain
//! form post, the page that shows a stored proposal's reference, and the private link's pages.
//! Calm and readable without JavaScript: no script, nothing from another host, `noindex`,
//! `no-referrer`, its small stylesheet inline. The title is escaped here; `main` is HTML the
//! caller built from escaped parts.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use winner_catalog::Lang;

/// The one escape of both binaries, for every page here.
pub(super) use winner_catalog::escape::html as escape;

/// A whole page: `<h1>` with `title`, then `main`.
pub(super) fn page_html(lang: Lang, title: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex, nofollow\">\n<meta name=\"referrer\" content=\"no-referrer\">\n\
<title>{title} – Kompetisi WiNNER</title>\n\
<style>body{{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;font-size:1.0625rem;line-height:1.6;color:#1b1b1b;background:#fff;max-width:40rem;margin:0 auto;padding:1.5rem 1rem}}\
.box{{border:4px solid #0b4f9c;padding:.5rem 1.25rem;margin-bottom:1.5rem}}.box.error{{border-color:#8b1a1a}}h1{{font-size:1.5rem;margin-top:0}}h2{{font-size:1.25rem;margin-top:2rem}}\
.reference{{font-size:1.5rem;font-weight:bold;white-space:nowrap;letter-spacing:.05em}}\
dt{{font-weight:bold}}dd{{margin:0 0 1rem 0;white-space:pre-wrap}}label{{display:block;font-weight:bold;margin-top:1rem}}.hint{{color:#505050;margin:0}}.field-error{{color:#8b1a1a;font-weight:bold;margin:0}}\
input[type=text],input[type=email],input[type=tel],input[type=url],input[type=number],select,textarea{{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.4rem;border:2px solid #1b1b1b}}\
textarea{{min-height:8rem}}button{{font:inherit;margin-top:1.25rem;padding:.5rem 1rem;background:#0b4f9c;color:#fff;border:0;cursor:pointer}}button.danger{{background:#8b1a1a}}\
a{{color:#0b4f9c}}a:focus,button:focus,input:focus,select:focus,textarea:focus{{outline:3px solid #f9c642}}</style>\n\
</head>\n<body>\n<main>\n<h1>{title}</h1>\n{main}</main>\n</body>\n</html>\n",
        code = lang.code(),
        title = escape(title),
    )
}

/// A page as an answer, with the headers every page of ours carries.
pub(super) fn finish(status: StatusCode, html: String) -> Response {
    private(
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
    )
}

/// Keeps an answer out of search engines and other sites' logs: pages of ours name a
/// proposal (its reference, or its private link), never something to index or pass on.
pub(super) fn private(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    resp
}

/// The language a page's address asks for: `?lang=en` gives English, anything else Indonesian.
pub(super) fn lang_of_query(query: Option<&str>) -> Lang {
    match query {
        Some(q) if q.split('&').any(|p| p == "lang=en") => Lang::En,
        _ => Lang::Id,
    }
}
