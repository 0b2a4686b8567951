//! Loading a theme once: tera templates, UI strings and static files.
//!
//! ```text
//! themes/default/
//!   templates/**.html   tera 2 templates (compiled once, here)
//!   i18n/{id,en}.yaml   UI strings, see [`strings`]
//!   static/*            copied to `static/<stem>.<hash>.<ext>` (content-hashed names;
//!                       stylesheets without comments and needless spaces, see [`css`])
//!   data/indonesia-map.json   optional: the province map, see [`map_data`]
//! ```
//!
//! The theme is an input, like the content: loading it is the only place the generator
//! reads theme files, and rendering only reads the loaded [`Theme`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

pub mod css;
mod error;
pub mod map_data;
pub mod strings;

pub use error::ThemeError;

use crate::encode::fingerprinted;
pub use map_data::MapData;
pub use strings::Strings;

/// A compiled theme, ready to render any number of sites.
#[derive(Clone)]
pub struct Theme {
    /// The compiled templates, with `t` registered.
    pub(crate) tera: tera::Tera,
    /// UI strings.
    pub(crate) strings: Arc<Strings>,
    /// Static files with their fingerprinted output paths, sorted by name.
    pub(crate) assets: Vec<Asset>,
    /// The province map, if the theme has one.
    pub(crate) map: Option<Arc<MapData>>,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme")
            .field("templates", &self.tera.get_template_names().count())
            .field("assets", &self.assets)
            .field("map", &self.map.as_ref().map(|m| m.provinces.len()))
            .finish_non_exhaustive()
    }
}

/// A static file of the theme.
#[derive(Clone)]
pub struct Asset {
    /// Name inside `static/`, e.g. `site.css`.
    pub name: String,
    /// Output path with the content hash, e.g. `static/site.1a2b3c4d5e6f7a8b.css`.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Asset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} -> {} ({} bytes)",
            self.name,
            self.path,
            self.bytes.len()
        )
    }
}

impl Theme {
    /// Loads and compiles the theme in `dir`. Template errors keep tera's `file:line:col`.
    pub fn load(dir: &Path) -> Result<Theme, ThemeError> {
        Theme::load_with_map(dir, MapData::load(dir))
    }

    /// [`Theme::load`] with its map data already read (`MapData::load(dir)`): the build reads
    /// it first, for the official province list the content is checked against, and once.
    pub fn load_with_map(
        dir: &Path,
        map: Result<Option<MapData>, ThemeError>,
    ) -> Result<Theme, ThemeError> {
        let map = map?.map(Arc::new);
        let strings = Arc::new(Strings::load(&dir.join("i18n"))?);
        let mut tera = tera::Tera::new();
        tera.register_function("t", strings::t_function(Arc::clone(&strings)));

        let templates_dir = dir.join("templates");
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        for entry in files_under(&templates_dir)? {
            let name = relative_name(&templates_dir, &entry);
            files.push((entry, name));
        }
        tera.add_template_files(files.iter().map(|(p, n)| (p.as_path(), Some(n.as_str()))))
            .map_err(ThemeError::Template)?;

        let static_dir = dir.join("static");
        let mut assets = Vec::new();
        for path in files_under(&static_dir)? {
            let mut bytes = std::fs::read(&path).map_err(|source| ThemeError::Io {
                path: path.clone(),
                source,
            })?;
            let name = relative_name(&static_dir, &path);
            if name.ends_with(".css")
                && let Ok(text) = std::str::from_utf8(&bytes)
            {
                bytes = css::minify(text).into_bytes();
            }
            assets.push(Asset {
                path: format!("static/{}", fingerprinted(&name, &bytes)),
                name,
                bytes,
            });
        }
        Ok(Theme {
            tera,
            strings,
            assets,
            map,
        })
    }

    /// The root-relative URL of a static file by its name in `static/`, e.g. `/static/site.…css`.
    pub fn asset_url(&self, name: &str) -> Result<String, ThemeError> {
        self.assets
            .iter()
            .find(|a| a.name == name)
            .map(|a| format!("/{}", a.path))
            .ok_or_else(|| ThemeError::MissingAsset(name.to_owned()))
    }

    /// The theme's province map, if it has `data/indonesia-map.json`.
    pub fn map(&self) -> Option<&MapData> {
        self.map.as_deref()
    }

    /// The theme's UI strings.
    pub fn strings(&self) -> &Strings {
        &self.strings
    }
}

/// Regular files under `dir`, sorted, hidden files skipped.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, ThemeError> {
    let mut out = Vec::new();
    let walk = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_str().is_some_and(|s| s.starts_with('.'))
        });
    for entry in walk {
        let entry = entry.map_err(|e| ThemeError::Io {
            path: e
                .path()
                .map_or_else(|| dir.to_path_buf(), Path::to_path_buf),
            source: e.into(),
        })?;
        if entry.file_type().is_file() {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

/// `a/b.html` for `<root>/a/b.html`, with `/` separators on every platform.
fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
