//! The theme's province map data, `data/indonesia-map.json`: read and checked once when the
//! theme loads. The geometry is prepared off-line by `tools/map/prepare.py`; drawing it is
//! the renderer's job (`render::map`).

use std::path::Path;

use serde::Deserialize;

use super::error::ThemeError;

/// Where a theme keeps the map data, relative to the theme folder.
pub const DATA_FILE: &str = "data/indonesia-map.json";

/// The prepared map: `themes/<theme>/data/indonesia-map.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapData {
    /// Where the file comes from (informative).
    pub about: String,
    /// The attribution the licence asks for.
    pub credit: Credit,
    /// The preparation options (informative).
    pub options: serde_json::Value,
    /// `[min-x, min-y, width, height]` of the SVG view box.
    pub view_box: [i32; 4],
    /// The province shapes, sorted by code.
    pub provinces: Vec<Shape>,
    /// Provinces without a shape, drawn as a point at their capital.
    pub points: Vec<Point>,
}

/// The attribution of the map data (CC BY 4.0).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    /// The full attribution as one English sentence (used in standalone SVG files).
    pub text: String,
    /// Name and version of the source package.
    pub source: String,
    /// Its page.
    pub source_url: String,
    /// Where its shapes come from.
    pub origin: String,
    /// That project's page.
    pub origin_url: String,
    /// Licence name, e.g. `CC BY 4.0`.
    pub licence: String,
    /// Licence URL.
    pub licence_url: String,
}

/// One province outline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    /// Kemendagri code, e.g. `36`.
    pub code: String,
    /// ISO 3166-2 code, e.g. `ID-BT`.
    pub iso: String,
    /// Kemendagri name.
    pub name: String,
    /// Centroid of the largest ring, in view-box units.
    pub centre: [i32; 2],
    /// Bounding box `[x0, y0, x1, y1]`.
    #[serde(rename = "box")]
    pub bbox: [i32; 4],
    /// SVG path data (integer, relative).
    pub d: String,
}

/// A province drawn as a point at its capital (the 2022 Papua provinces).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Kemendagri code, e.g. `93`.
    pub code: String,
    /// ISO 3166-2 code.
    pub iso: String,
    /// Kemendagri name.
    pub name: String,
    /// Its capital.
    pub capital: String,
    /// Code of the pre-2022 outline the point lies in.
    pub within: String,
    /// The capital, in view-box units.
    pub centre: [i32; 2],
}

impl MapData {
    /// Reads the map of the theme in `dir`; `Ok(None)` if the theme has none.
    pub fn load(dir: &Path) -> Result<Option<MapData>, ThemeError> {
        let path = dir.join(DATA_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(ThemeError::Io { path, source }),
        };
        Self::parse(&text)
            .map(Some)
            .map_err(|message| ThemeError::Map { path, message })
    }

    /// Parses and checks the JSON: codes are two digits and unique, points lie in a shape.
    pub fn parse(text: &str) -> Result<MapData, String> {
        let data: MapData = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::BTreeSet::new();
        let codes = data
            .provinces
            .iter()
            .map(|s| &s.code)
            .chain(data.points.iter().map(|p| &p.code));
        for code in codes {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("code `{code}` is not two digits"));
            }
            if !seen.insert(code.as_str()) {
                return Err(format!("code `{code}` appears twice"));
            }
        }
        if let Some(p) = data.points.iter().find(|p| data.shape(&p.within).is_none()) {
            return Err(format!("point `{}` lies in unknown `{}`", p.code, p.within));
        }
        if data
            .provinces
            .iter()
            .any(|s| s.d.contains(['<', '>', '"', '&']))
        {
            return Err("path data holds markup characters".into());
        }
        Ok(data)
    }

    /// The official (Kemendagri) code and name of every province the map knows, outlines and
    /// points alike.
    pub fn official(&self) -> Vec<(String, String)> {
        self.provinces
            .iter()
            .map(|s| (s.code.clone(), s.name.clone()))
            .chain(self.points.iter().map(|p| (p.code.clone(), p.name.clone())))
            .collect()
    }

    /// Whether the map can show the province with this code.
    pub fn knows(&self, code: &str) -> bool {
        self.shape(code).is_some() || self.points.iter().any(|p| p.code == code)
    }

    /// The outline of the province with this code.
    pub fn shape(&self, code: &str) -> Option<&Shape> {
        self.provinces.iter().find(|s| s.code == code)
    }

    /// The `viewBox` attribute value.
    pub fn view_box_attr(&self) -> String {
        let [x, y, w, h] = self.view_box;
        format!("{x} {y} {w} {h}")
    }
}
