//! The province map: inline SVG on the home page, a small locator image per province.
//!
//! The geometry is prepared once, off-line, by `tools/map/prepare.py` and committed as
//! `themes/<theme>/data/indonesia-map.json` (34 province shapes keyed by Kemendagri code, the
//! four provinces created in 2022 as points at their capitals, and the attribution). This
//! module only decorates it: provinces with content are wrapped in a link to their page and
//! classed `on` (or `on open` when they take proposals on [`super::Options::today`]), every
//! shape gets an accessible name, and the attribution goes into the SVG's `<desc>`.
//!
//! Two outputs:
//! - [`home_svg`]: the interactive map, inlined in the home page (links must be in the page's
//!   own DOM to be tabbable, so it cannot be an `<img>` or an external `<use>`);
//! - [`locators`]: one standalone SVG file per province, only that province highlighted, shown
//!   with `<img alt>` on the province page. An image keeps province pages far below the 30 KB
//!   HTML + CSS budget and is cached; it needs no links, so nothing is lost by not inlining it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use winner_catalog::Lang;

use super::error::RenderError;
use crate::encode::fingerprinted;
use crate::theme::Strings;
pub use crate::theme::map_data::{DATA_FILE, MapData, Shape};
// Inline SVG is XML inside HTML: the one escape (numeric `&#39;`, no `&apos;`) is valid in both.
use winner_catalog::escape::html as esc;

/// How the home map shows one province that has content.
#[derive(Debug, Clone)]
pub struct Mark {
    /// Name from the content (shown as the link's name).
    pub name: String,
    /// The province page in the page's language.
    pub href: String,
    /// Whether it takes proposals today.
    pub open: bool,
}

/// A province's locator image: output path and bytes.
#[derive(Debug, Clone)]
pub struct Locator {
    /// Output path, e.g. `static/map-36.1a2b3c4d5e6f7a8b.svg`.
    pub path: String,
    /// The SVG document.
    pub bytes: Vec<u8>,
}

/// Radius of a Papua point, and of the link target drawn over very small provinces.
const POINT_R: i32 = 7;

/// The map's width on the narrowest phone (a 320 px viewport less the page's margins), in CSS
/// pixels, and the smallest target a finger should get there (WCAG 2.2, 2.5.8: 24 px).
const NARROW_MAP_PX: i32 = 288;
const MIN_TARGET_PX: i32 = 24;

/// Radius (view-box units) of the invisible hit circle that makes a small province's link at
/// least `MIN_TARGET_PX` wide when the map is `NARROW_MAP_PX` wide.
fn hit_radius(view_box_width: i32) -> i32 {
    (MIN_TARGET_PX * view_box_width + 2 * NARROW_MAP_PX - 1) / (2 * NARROW_MAP_PX)
}
/// Provinces smaller than this (view-box units, larger side) get a ring on the locator.
const SMALL: i32 = 90;

/// The home page's map as inline SVG (safe HTML), for provinces with content in `marks`
/// (by Kemendagri code). Every shape and point has a `<title>`; linked ones an `aria-label`
/// too, saying whether the province takes proposals. Carries `data-code` on each shape.
pub fn home_svg(
    data: &MapData,
    marks: &BTreeMap<String, Mark>,
    strings: &Strings,
    lang: Lang,
) -> Result<String, RenderError> {
    let [_, _, w, h] = data.view_box;
    let mut s = String::with_capacity(32 * 1024);
    let _ = write!(
        s,
        "<svg class=\"map\" viewBox=\"{}\" width=\"{w}\" height=\"{h}\" role=\"group\" aria-label=\"{}\">\
         <desc>{}</desc>\
         <defs><pattern id=\"_hatch\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect class=\"h1\" width=\"10\" height=\"10\"/>\
         <rect class=\"h2\" width=\"4\" height=\"10\"/></pattern></defs>",
        data.view_box_attr(),
        esc(strings.get(lang, "map.label")?),
        esc(&credit_text(data, strings, lang)?),
    );
    // Plain shapes first, linked ones last so that their outline and focus ring lie on top,
    // in tab order from west to east (ties: north first).
    let (mut linked, plain): (Vec<&Shape>, Vec<&Shape>) = data
        .provinces
        .iter()
        .partition(|p| marks.contains_key(&p.code));
    linked.sort_by_key(|s| (s.centre, s.code.clone()));
    for shape in plain {
        let title = shape_title(data, shape, strings, lang)?;
        let _ = write!(
            s,
            "<path d=\"{}\" data-code=\"{}\"><title>{}</title></path>",
            shape.d,
            shape.code,
            esc(&title)
        );
    }
    for shape in linked {
        let mark = &marks[&shape.code];
        let label = mark_label(mark, strings, lang)?;
        // A very small province gets a visible dot inside its link, so it can be seen and hit.
        let [x0, y0, x1, y1] = shape.bbox;
        let [cx, cy] = shape.centre;
        let mut dot = if (x1 - x0).max(y1 - y0) < 40 {
            format!("<circle class=\"dot\" cx=\"{cx}\" cy=\"{cy}\" r=\"{POINT_R}\"/>")
        } else {
            String::new()
        };
        // Smaller than a fingertip on a phone: an invisible circle around it takes the tap.
        let hit = hit_radius(w);
        if (x1 - x0).max(y1 - y0) < 2 * hit {
            let _ = write!(
                dot,
                "<circle class=\"hit\" cx=\"{cx}\" cy=\"{cy}\" r=\"{hit}\"/>"
            );
        }
        let _ = write!(
            s,
            "<a href=\"{}\" class=\"{}\" data-code=\"{}\" aria-label=\"{}\"><title>{}</title><path d=\"{}\"/>{dot}</a>",
            esc(&mark.href),
            if mark.open { "on open" } else { "on" },
            shape.code,
            esc(&label),
            esc(&label),
            shape.d,
        );
    }
    for point in &data.points {
        let [cx, cy] = point.centre;
        let circle = format!("<circle class=\"pt\" cx=\"{cx}\" cy=\"{cy}\" r=\"{POINT_R}\"/>");
        match marks.get(&point.code) {
            Some(mark) => {
                let hit = hit_radius(w);
                let circle =
                    format!("{circle}<circle class=\"hit\" cx=\"{cx}\" cy=\"{cy}\" r=\"{hit}\"/>");
                let label = mark_label(mark, strings, lang)?;
                let _ = write!(
                    s,
                    "<a href=\"{}\" class=\"{}\" data-code=\"{}\" aria-label=\"{}\"><title>{}</title>{circle}</a>",
                    esc(&mark.href),
                    if mark.open { "on open" } else { "on" },
                    point.code,
                    esc(&label),
                    esc(&label),
                );
            }
            None => {
                let title = strings.fill(
                    lang,
                    "map.point",
                    &[("name", &point.name), ("capital", &point.capital)],
                )?;
                let _ = write!(
                    s,
                    "<g data-code=\"{}\"><title>{}</title>{circle}</g>",
                    point.code,
                    esc(&title)
                );
            }
        }
    }
    s.push_str("</svg>");
    Ok(s)
}

/// The footer credit as safe HTML in `lang`, with links to the source, its origin and the
/// licence.
pub fn credit_html(data: &MapData, strings: &Strings, lang: Lang) -> Result<String, RenderError> {
    let c = &data.credit;
    let link = |href: &str, text: &str, rel: &str| {
        format!("<a href=\"{}\"{rel}>{}</a>", esc(href), esc(text))
    };
    let template = esc(strings.get(lang, "map.credit")?);
    Ok(template
        .replace("{source}", &link(&c.source_url, &c.source, ""))
        .replace("{origin}", &link(&c.origin_url, &c.origin, ""))
        .replace(
            "{licence}",
            &link(&c.licence_url, &c.licence, " rel=\"license\""),
        ))
}

/// The credit as plain text in `lang` (for the SVG `<desc>`).
fn credit_text(data: &MapData, strings: &Strings, lang: Lang) -> Result<String, RenderError> {
    let c = &data.credit;
    let origin = format!("{} ({})", c.origin, bare(&c.origin_url));
    let licence = format!("{} ({})", c.licence, bare(&c.licence_url));
    strings
        .fill(
            lang,
            "map.credit",
            &[
                ("source", &c.source),
                ("origin", &origin),
                ("licence", &licence),
            ],
        )
        .map_err(RenderError::from)
}

/// `https://mapsvg.com/` -> `mapsvg.com`.
fn bare(url: &str) -> &str {
    let u = url
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    u.strip_suffix('/')
        .filter(|s| !s.contains('/'))
        .unwrap_or(u)
}

/// The name of a plain shape; Papua and Papua Barat say which 2022 provinces they now hold.
fn shape_title(
    data: &MapData,
    shape: &Shape,
    strings: &Strings,
    lang: Lang,
) -> Result<String, RenderError> {
    let within: Vec<&str> = data
        .points
        .iter()
        .filter(|p| p.within == shape.code)
        .map(|p| p.name.as_str())
        .collect();
    if within.is_empty() {
        return Ok(shape.name.clone());
    }
    strings
        .fill(
            lang,
            "map.split",
            &[("name", &shape.name), ("others", &within.join(", "))],
        )
        .map_err(RenderError::from)
}

/// The accessible name of a linked province.
fn mark_label(mark: &Mark, strings: &Strings, lang: Lang) -> Result<String, RenderError> {
    let key = if mark.open {
        "map.link_open"
    } else {
        "map.link"
    };
    Ok(strings.fill(lang, key, &[("name", &mark.name)])?)
}

/// One locator SVG per code in `codes`: the whole map in grey, that province highlighted (and
/// ringed when small). Language-neutral: the page's `<img alt>` names it.
pub fn locators<'a>(
    data: &MapData,
    codes: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, Locator> {
    codes
        .into_iter()
        .map(|code| {
            let svg = locator_svg(data, code);
            let name = format!("map-{code}.svg");
            let path = format!("static/{}", fingerprinted(&name, svg.as_bytes()));
            (
                code.to_owned(),
                Locator {
                    path,
                    bytes: svg.into_bytes(),
                },
            )
        })
        .collect()
}

/// The standalone SVG document of one province's locator.
pub fn locator_svg(data: &MapData, code: &str) -> String {
    let [_, _, w, h] = data.view_box;
    let name = data
        .provinces
        .iter()
        .map(|s| (&s.code, &s.name))
        .chain(data.points.iter().map(|p| (&p.code, &p.name)))
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| n.as_str());
    let mut s = String::with_capacity(32 * 1024);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\" width=\"{w}\" height=\"{h}\">\
         <title>{}</title><desc>{}</desc>\
         <style>path{{fill:#cdd3da;stroke:#fff;stroke-width:1.5;stroke-linejoin:round}}\
         .on{{fill:#1a4f8b;stroke:#1a4f8b}}circle{{fill:#fff;stroke:#6b7280;stroke-width:3}}\
         circle.on{{fill:#1a4f8b;stroke:#fff}}.ring{{fill:none;stroke:#9f1d20;stroke-width:10}}</style>",
        data.view_box_attr(),
        esc(name),
        esc(&data.credit.text),
    );
    let mut highlighted = None;
    for shape in &data.provinces {
        if shape.code == code {
            highlighted = Some(shape);
        } else {
            let _ = write!(s, "<path d=\"{}\"/>", shape.d);
        }
    }
    if let Some(shape) = highlighted {
        let _ = write!(s, "<path class=\"on\" d=\"{}\"/>", shape.d);
        let [x0, y0, x1, y1] = shape.bbox;
        let size = (x1 - x0).max(y1 - y0);
        if size < SMALL {
            let [cx, cy] = shape.centre;
            let r = size / 2 + 48;
            let _ = write!(
                s,
                "<circle class=\"ring\" cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\"/>"
            );
        }
    }
    for point in &data.points {
        let [cx, cy] = point.centre;
        let on = point.code == code;
        let _ = write!(
            s,
            "<circle{} cx=\"{cx}\" cy=\"{cy}\" r=\"{}\"/>",
            if on { " class=\"on\"" } else { "" },
            if on { POINT_R * 2 } else { POINT_R + 2 },
        );
        if on {
            let _ = write!(
                s,
                "<circle class=\"ring\" cx=\"{cx}\" cy=\"{cy}\" r=\"{}\"/>",
                POINT_R * 2 + 24
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_urls() {
        assert_eq!(bare("https://mapsvg.com/"), "mapsvg.com");
        assert_eq!(
            bare("https://creativecommons.org/licenses/by/4.0/"),
            "creativecommons.org/licenses/by/4.0/"
        );
    }

    #[test]
    fn escapes() {
        assert_eq!(esc("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn rejects_bad_codes() {
        let text = r#"{"about":"","credit":{"text":"","source":"","source_url":"","origin":"",
            "origin_url":"","licence":"","licence_url":""},"options":{},"view_box":[0,0,10,10],
            "provinces":[{"code":"1","iso":"","name":"","centre":[0,0],"box":[0,0,1,1],"d":"m0 0 1 1z"}],
            "points":[]}"#;
        let err = MapData::parse(text).expect_err("one-digit code");
        assert!(err.contains("two digits"), "{err}");
    }
}
