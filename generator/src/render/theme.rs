//! Loading a theme once: tera templates, UI strings and static files.
//!
//! ```text
//! themes/default/
//!   templates/**.html   tera 2 templates (compiled once, here)
//!   i18n/{id,en}.yaml   UI strings, see [`super::i18n`]
//!   static/*            copied to `static/<stem>.<hash>.<ext>` (content-hashed names)
//!   data/indonesia-map.json   optional: the province map, see [`super::map`]
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use super::RenderError;
use super::i18n::{self, Strings};
use super::map::MapData;

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
    pub fn load(dir: &Path) -> Result<Theme, RenderError> {
        let strings = Arc::new(Strings::load(&dir.join("i18n"))?);
        let mut tera = tera::Tera::new();
        tera.register_function("t", i18n::t_function(Arc::clone(&strings)));

        let templates_dir = dir.join("templates");
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        for entry in files_under(&templates_dir)? {
            let name = relative_name(&templates_dir, &entry);
            files.push((entry, name));
        }
        tera.add_template_files(files.iter().map(|(p, n)| (p.as_path(), Some(n.as_str()))))
            .map_err(RenderError::Template)?;

        let static_dir = dir.join("static");
        let mut assets = Vec::new();
        for path in files_under(&static_dir)? {
            let bytes = std::fs::read(&path).map_err(|source| RenderError::Io {
                path: path.clone(),
                source,
            })?;
            let name = relative_name(&static_dir, &path);
            assets.push(Asset {
                path: format!("static/{}", fingerprinted(&name, &bytes)),
                name,
                bytes,
            });
        }
        let map = MapData::load(dir)?.map(Arc::new);
        Ok(Theme {
            tera,
            strings,
            assets,
            map,
        })
    }

    /// The root-relative URL of a static file by its name in `static/`, e.g. `/static/site.…css`.
    pub fn asset_url(&self, name: &str) -> Result<String, RenderError> {
        self.assets
            .iter()
            .find(|a| a.name == name)
            .map(|a| format!("/{}", a.path))
            .ok_or_else(|| RenderError::Content(format!("the theme has no static/{name}")))
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
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, RenderError> {
    let mut out = Vec::new();
    let walk = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_str().is_some_and(|s| s.starts_with('.'))
        });
    for entry in walk {
        let entry = entry.map_err(|e| RenderError::Io {
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

/// `site.css` + bytes -> `site.<16 hex digits of FNV-1a 64>.css`.
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash:016x}.{ext}"),
        None => format!("{name}.{hash:016x}"),
    }
}
