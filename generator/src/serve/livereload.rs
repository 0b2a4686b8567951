//! Live reload for `generator serve`: the `/__livereload` event stream and the script injected
//! into served HTML pages. The script reloads the page after a good rebuild and shows an
//! overlay with the error after a failed one.

use std::convert::Infallible;

use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use axum::response::sse::{Event, KeepAlive, Sse};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use super::state::Status;

/// The script added before `</body>` of every served HTML page.
pub const SCRIPT: &str = r#"<script>(()=>{let g=null;const id="__livereload_overlay";const es=new EventSource("/__livereload");es.onmessage=(e)=>{const s=JSON.parse(e.data);let o=document.getElementById(id);if(s.error){if(!o){o=document.createElement("pre");o.id=id;o.setAttribute("role","alert");o.style.cssText="position:fixed;inset:0;margin:0;z-index:2147483647;background:#1d1d1d;color:#f5f5f5;padding:2rem;overflow:auto;font:14px/1.5 monospace;white-space:pre-wrap";document.body.appendChild(o);}o.textContent=s.error;g=s.generation;return;}if(g!==null&&s.generation!==g){location.reload();return;}if(o){o.remove();}g=s.generation;};})();</script>"#;

/// The text of the overlay for a failed build: the catalogue's heading in `lang`, then the
/// report.
pub fn overlay(lang: crate::messages::Lang, report: &str) -> String {
    format!(
        "{}\n\n{report}",
        crate::messages::text(lang, "serve-overlay", &[])
    )
}

/// The server-sent events: the current status at once, then every change.
pub(super) async fn events(
    State(status): State<tokio::sync::watch::Receiver<Status>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = WatchStream::new(status).map(|s| {
        Ok(Event::default().data(serde_json::to_string(&s).unwrap_or_else(|_| "{}".into())))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Adds [`SCRIPT`] to HTML responses and turns off caching; other responses pass unchanged.
pub(super) async fn inject(response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let (mut parts, body) = response.into_parts();
    parts.headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    if !is_html {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let html = add_script(&String::from_utf8_lossy(&bytes));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

/// `html` with [`SCRIPT`] before its last `</body>` (or at the end).
pub fn add_script(html: &str) -> String {
    match html.rfind("</body>") {
        Some(at) => format!("{}{SCRIPT}{}", &html[..at], &html[at..]),
        None => format!("{html}{SCRIPT}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_body_end() {
        let out = add_script("<html><body><p>x</p></body></html>");
        assert!(out.ends_with("</script></body></html>"), "{out}");
        assert!(add_script("<p>x</p>").ends_with("</script>"));
    }
}
