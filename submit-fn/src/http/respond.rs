//! Answers, in the shape the client asked for (`docs/submit-api.md`): JSON for scripts, and
//! for plain form posts a 303 to the page that shows the reference ([`super::received`]) or
//! a small accessible error page. Everything echoed into HTML
//! is escaped.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use winner_catalog::{Catalog, Lang};

use super::page::{escape, finish, page_html};
use super::received;
use crate::http::parse::ParseError;
use crate::messages::{self, Text};
use crate::validate::FieldErrors;

/// How to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// JSON body (`Accept: application/json` or a JSON request body).
    Json,
    /// Redirect or HTML page (plain form post).
    Html,
}

/// What happened to a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Stored now (or a honeypot's fake success).
    Created(String),
    /// Stored earlier; same reference.
    Repeated(String),
    /// Field problems.
    Invalid(FieldErrors),
    /// Body over the limit.
    TooLarge,
    /// Neither form nor JSON.
    UnsupportedType,
    /// Unreadable body.
    Malformed(ParseError),
    /// Rate limit; retry after this many seconds.
    RateLimited(u64),
    /// Storage failed before anything was written; nothing was stored.
    Unavailable,
    /// The write was sent and its outcome is unknown; the same request again is safe.
    Unconfirmed,
    /// The token was first used for different content (stored under this reference).
    Conflict(String),
}

impl Reply {
    /// The HTTP status for this reply in this mode.
    pub fn status(&self, mode: Mode) -> StatusCode {
        match (self, mode) {
            (Reply::Created(_) | Reply::Repeated(_), Mode::Html) => StatusCode::SEE_OTHER,
            (Reply::Created(_), Mode::Json) => StatusCode::CREATED,
            (Reply::Repeated(_), Mode::Json) => StatusCode::OK,
            (Reply::Invalid(_), _) => StatusCode::UNPROCESSABLE_ENTITY,
            (Reply::TooLarge, _) => StatusCode::PAYLOAD_TOO_LARGE,
            (Reply::UnsupportedType, _) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            (Reply::Malformed(_), _) => StatusCode::BAD_REQUEST,
            (Reply::RateLimited(_), _) => StatusCode::TOO_MANY_REQUESTS,
            (Reply::Unavailable | Reply::Unconfirmed, _) => StatusCode::SERVICE_UNAVAILABLE,
            (Reply::Conflict(_), _) => StatusCode::CONFLICT,
        }
    }

    /// A fixed label for logs.
    pub fn outcome(&self) -> &'static str {
        match self {
            Reply::Created(_) => "created",
            Reply::Repeated(_) => "repeated",
            Reply::Invalid(_) => "invalid",
            Reply::TooLarge => "too_large",
            Reply::UnsupportedType => "unsupported_type",
            Reply::Malformed(_) => "malformed",
            Reply::RateLimited(_) => "rate_limited",
            Reply::Unavailable => "unavailable",
            Reply::Unconfirmed => "unconfirmed",
            Reply::Conflict(_) => "conflict",
        }
    }
}

/// What the renderer needs besides the reply.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// JSON or HTML.
    pub mode: Mode,
    /// Submitter's language.
    pub lang: Lang,
    /// The catalog (labels, paths).
    pub catalog: &'a Catalog,
    /// Site base URL (no trailing slash).
    pub site_url: &'a str,
    /// Province and issue slugs, when they exist in the catalog (for the link back).
    pub target: Option<(&'a str, &'a str)>,
}

/// The thank-you page URL with the reference.
pub fn thank_you_url(ctx: &Ctx<'_>, reference: &str) -> String {
    format!(
        "{}{}?ref={}",
        ctx.site_url,
        ctx.catalog.thank_you_path.get(ctx.lang),
        reference
    )
}

/// Renders a reply.
pub fn render(reply: &Reply, ctx: &Ctx<'_>) -> Response {
    let status = reply.status(ctx.mode);
    let mut response = match (reply, ctx.mode) {
        (Reply::Created(r) | Reply::Repeated(r), Mode::Html) => {
            let mut resp = status.into_response();
            let to = received::location(ctx.catalog, ctx.lang, r)
                .unwrap_or_else(|| thank_you_url(ctx, r));
            if let Ok(v) = HeaderValue::from_str(&to) {
                resp.headers_mut().insert(header::LOCATION, v);
            }
            resp
        }
        (Reply::Created(r) | Reply::Repeated(r), Mode::Json) => json_response(
            status,
            json!({"status": "received", "reference": r, "thank_you_url": thank_you_url(ctx, r)}),
        ),
        (Reply::Invalid(errors), Mode::Json) => {
            let fields: Vec<_> = errors
                .0
                .iter()
                .map(|e| json!({"name": e.name, "message": messages::problem(e.problem, ctx.lang)}))
                .collect();
            json_response(
                status,
                json!({"error": "invalid", "message": messages::text(Text::InvalidSummary, ctx.lang), "fields": fields}),
            )
        }
        (other, Mode::Json) => {
            let (code, text) = code_and_text(other);
            let mut body = json!({"error": code, "message": messages::text(text, ctx.lang)});
            match other {
                Reply::Malformed(e) => body["reason"] = json!(e.to_string()),
                Reply::Unconfirmed => body["retry"] = json!(true),
                Reply::Conflict(r) => body["reference"] = json!(r),
                _ => {}
            }
            json_response(status, body)
        }
        (other, Mode::Html) => finish(status, html_page(other, ctx)),
    };
    match reply {
        Reply::RateLimited(secs) => {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(*secs));
        }
        Reply::Unconfirmed => {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(1u64));
        }
        _ => {}
    }
    response
}

fn code_and_text(reply: &Reply) -> (&'static str, Text) {
    match reply {
        Reply::TooLarge => ("too_large", Text::TooLarge),
        Reply::UnsupportedType => ("unsupported_type", Text::UnsupportedType),
        Reply::Malformed(_) => ("malformed", Text::Malformed),
        Reply::RateLimited(_) => ("rate_limited", Text::RateLimited),
        Reply::Invalid(_) => ("invalid", Text::InvalidSummary),
        Reply::Unconfirmed => ("unconfirmed", Text::Unconfirmed),
        Reply::Conflict(_) => ("conflict", Text::Conflict),
        Reply::Unavailable | Reply::Created(_) | Reply::Repeated(_) => {
            ("unavailable", Text::Unavailable)
        }
    }
}

fn json_response(status: StatusCode, body: serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}

fn label_of<'a>(ctx: &Ctx<'a>, name: &'a str) -> Option<&'a str> {
    ctx.catalog
        .form
        .field(name)
        .map(|f| f.label.get(ctx.lang))
        .or_else(|| messages::own_field_label(name, ctx.lang))
}

fn back_link(ctx: &Ctx<'_>) -> String {
    let mut url = format!("{}{}", ctx.site_url, ctx.catalog.form_path.get(ctx.lang));
    if let Some((p, i)) = ctx.target {
        // Slugs from the catalog: lowercase letters, digits and hyphens, nothing to encode.
        url.push_str(&format!("?provinsi={p}&isu={i}"));
    }
    url
}

/// The error page: a title, the problems (an error summary), a way back.
pub fn html_page(reply: &Reply, ctx: &Ctx<'_>) -> String {
    let lang = ctx.lang;
    let title = messages::text(Text::ErrorTitle, lang);
    let mut list = String::new();
    let summary = match reply {
        Reply::Invalid(errors) => {
            list.push_str("<ul>\n");
            for e in &errors.0 {
                let label = match label_of(ctx, &e.name) {
                    Some(l) => escape(l),
                    None => format!("<code>{}</code>", escape(&e.name)),
                };
                list.push_str(&format!(
                    "<li><strong>{label}</strong>: {}</li>\n",
                    escape(&messages::problem(e.problem, lang))
                ));
            }
            list.push_str("</ul>\n");
            messages::text(Text::InvalidSummary, lang)
        }
        other => {
            if let Reply::Malformed(e) = other {
                list.push_str(&format!(
                    "<p><small>{}</small></p>\n",
                    escape(&e.to_string())
                ));
            }
            messages::text(code_and_text(other).1, lang)
        }
    };
    let main = format!(
        "<div class=\"box error\" role=\"alert\">\n<p>{summary}</p>\n{list}</div>\n\
<p>{hint}</p>\n<p><a href=\"{back}\">{back_text}</a></p>\n",
        summary = escape(summary),
        hint = escape(messages::text(Text::BackHint, lang)),
        back = escape(&back_link(ctx)),
        back_text = escape(messages::text(Text::BackToForm, lang)),
    );
    page_html(lang, title, &main)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{FieldError, Problem};

    fn catalog() -> Catalog {
        Catalog::from_json(include_str!("../../tests/fixtures/catalog.json")).expect("fixture")
    }

    #[test]
    fn html_page_escapes_what_it_echoes_and_links_back() {
        let c = catalog();
        let ctx = Ctx {
            mode: Mode::Html,
            lang: Lang::En,
            catalog: &c,
            site_url: "https://winner.example",
            target: Some(("kalimantan-barat", "stunting")),
        };
        let errors = FieldErrors(vec![
            FieldError {
                name: "<script>alert(1)</script>".into(),
                problem: Problem::UnknownField,
            },
            FieldError {
                name: "email".into(),
                problem: Problem::BadEmail,
            },
        ]);
        let page = html_page(&Reply::Invalid(errors), &ctx);
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("Email address"));
        assert!(page.contains(
            "href=\"https://winner.example/en/apply/?provinsi=kalimantan-barat&amp;isu=stunting\""
        ));
    }

    #[test]
    fn escape_covers_text_and_both_quotes() {
        assert_eq!(
            escape("<a href='x' title=\"y\">&</a>"),
            "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("Dinas Kesehatan"), "Dinas Kesehatan");
    }

    #[test]
    fn success_redirects_to_the_page_that_shows_the_reference() {
        let c = catalog();
        let ctx = Ctx {
            mode: Mode::Html,
            lang: Lang::Id,
            catalog: &c,
            site_url: "https://winner.example",
            target: None,
        };
        let r = render(&Reply::Created("WNR-61-7K3Q9X".into()), &ctx);
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            r.headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok()),
            Some("/proposals/received/WNR-61-7K3Q9X")
        );
        let json = render(
            &Reply::Created("WNR-61-7K3Q9X".into()),
            &Ctx {
                mode: Mode::Json,
                ..ctx
            },
        );
        assert_eq!(json.status(), StatusCode::CREATED);
    }
}
