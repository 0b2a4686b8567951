//! Structured data (JSON-LD, schema.org): the organiser on the home page, and each proposals
//! window open on the build's date as an `Event` with its dates (on the province's page). Dates come from `province.yaml` only; a day the data does not give is left out.

use serde::Serialize;
use winner_catalog::Lang;

use super::context::{Env, accepts};
use super::dates::iso;
use super::error::RenderError;
use super::urls::{Route, absolute, form_for_province};
use crate::content::Province;

// The views below list their fields in alphabetical order, the order the JSON-LD was first
// written in (the golden-output test pins it).

const CONTEXT: &str = "https://schema.org";

/// The schema.org `Organization` of the organiser.
#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    context: Option<&'static str>,
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

/// A reference to a node by its `@id`.
#[derive(Serialize)]
struct NodeRef {
    #[serde(rename = "@id")]
    id: String,
}

/// Where the event happens: the province's form.
#[derive(Serialize)]
struct VirtualLocation {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
}

/// A proposals window as a schema.org `Event`.
#[derive(Serialize)]
struct Event {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "endDate", skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(rename = "eventAttendanceMode")]
    attendance_mode: &'static str,
    location: VirtualLocation,
    name: String,
    organizer: NodeRef,
    #[serde(rename = "startDate", skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    url: String,
}

/// A province page's graph: the organiser and the open window.
#[derive(Serialize)]
struct Graph {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: (Organization, Event),
}

/// The organiser's node id, relative to the site (`{base}/#organiser`).
fn organiser_id(env: &Env<'_>) -> String {
    absolute(&env.options.base_url, "/#organiser")
}

/// The organiser, with `@context` when it stands alone.
fn organiser(env: &Env<'_>, lang: Lang, context: Option<&'static str>) -> Organization {
    Organization {
        context,
        id: organiser_id(env),
        kind: "Organization",
        name: env.site.config.organiser.get(lang).to_owned(),
    }
}

/// The province's proposals window as an `Event`, if it takes proposals on the build's date.
fn window_event(env: &Env<'_>, p: &Province, lang: Lang) -> Result<Option<Event>, RenderError> {
    let Some(w) = p.facts.proposals.filter(|_| accepts(p, env.options.today)) else {
        return Ok(None);
    };
    let base = &env.options.base_url;
    let name = env
        .strings
        .fill(lang, "jsonld.window", &[("name", &p.facts.name)])?;
    Ok(Some(Event {
        kind: "Event",
        end_date: w.closes.map(iso),
        attendance_mode: "https://schema.org/OnlineEventAttendanceMode",
        location: VirtualLocation {
            kind: "VirtualLocation",
            url: absolute(base, &form_for_province(lang, &p.slug)),
        },
        name,
        organizer: NodeRef {
            id: organiser_id(env),
        },
        start_date: w.opens.map(iso),
        url: absolute(base, &Route::Province(&p.slug).path(lang)),
    }))
}

/// Serialised for a `<script type="application/ld+json">` element: `<` is written as
/// `\u003c`, so no text in the data can close the element.
fn script_text(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// The home page's JSON-LD: the organiser. The open windows are on their provinces' pages,
/// which keeps the home page within one round trip (14,600 B with its CSS, gzipped).
pub(crate) fn home(env: &Env<'_>, lang: Lang) -> String {
    script_text(&organiser(env, lang, Some(CONTEXT)))
}

/// A province page's JSON-LD: its window while it is open, else nothing.
pub(crate) fn province(
    env: &Env<'_>,
    p: &Province,
    lang: Lang,
) -> Result<Option<String>, RenderError> {
    Ok(window_event(env, p, lang)?.map(|e| {
        script_text(&Graph {
            context: CONTEXT,
            graph: (organiser(env, lang, None), e),
        })
    }))
}
