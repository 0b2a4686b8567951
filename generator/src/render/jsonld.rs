//! Structured data (JSON-LD, schema.org): the organiser on the home page, and each proposals
//! window open on the build's date as an `Event` with its dates (on the province's page). Dates come from `province.yaml` only; a day the data does not give is left out.

use serde_json::{Value, json};
use winner_catalog::Lang;

use super::context::{Env, accepts};
use super::dates::iso;
use super::error::RenderError;
use super::urls::{Route, absolute, form_for_province};
use crate::content::Province;

/// The organiser's node id, relative to the site (`{base}/#organiser`).
fn organiser_id(env: &Env<'_>) -> String {
    absolute(&env.options.base_url, "/#organiser")
}

/// The schema.org `Organization` of the organiser.
fn organiser(env: &Env<'_>, lang: Lang) -> Value {
    json!({"@type": "Organization", "@id": organiser_id(env), "name": env.site.config.organiser.get(lang)})
}

/// The province's proposals window as an `Event`, if it takes proposals on the build's date.
fn window_event(env: &Env<'_>, p: &Province, lang: Lang) -> Result<Option<Value>, RenderError> {
    let Some(w) = p.facts.proposals.filter(|_| accepts(p, env.options.today)) else {
        return Ok(None);
    };
    let base = &env.options.base_url;
    let name = env
        .strings
        .fill(lang, "jsonld.window", &[("name", &p.facts.name)])?;
    let mut event = json!({
        "@type": "Event",
        "name": name,
        "url": absolute(base, &Route::Province(&p.slug).path(lang)),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": absolute(base, &form_for_province(lang, &p.slug))},
        "organizer": {"@id": organiser_id(env)},
    });
    if let Some(d) = w.opens {
        event["startDate"] = json!(iso(d));
    }
    if let Some(d) = w.closes {
        event["endDate"] = json!(iso(d));
    }
    Ok(Some(event))
}

/// Serialised for a `<script type="application/ld+json">` element: `<` is written as
/// `\u003c`, so no text in the data can close the element.
fn script_text(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The home page's JSON-LD: the organiser. The open windows are on their provinces' pages,
/// which keeps the home page within one round trip (14,600 B with its CSS, gzipped).
pub(crate) fn home(env: &Env<'_>, lang: Lang) -> String {
    let mut org = organiser(env, lang);
    org["@context"] = json!("https://schema.org");
    script_text(&org)
}

/// A province page's JSON-LD: its window while it is open, else nothing.
pub(crate) fn province(
    env: &Env<'_>,
    p: &Province,
    lang: Lang,
) -> Result<Option<String>, RenderError> {
    Ok(window_event(env, p, lang)?.map(|e| {
        script_text(&json!({"@context": "https://schema.org", "@graph": [organiser(env, lang), e]}))
    }))
}
