//! Images and downloadable files that editors keep beside the content that uses them.
//!
//! The one home for the rules (the editors' guide, "Menambah gambar dan dokumen", repeats
//! them):
//! - **Where:** any folder named `images/` or `files/` inside the content folder, e.g.
//!   `provinces/<p>/images/peta.png` or `pages/files/laporan.pdf` ([`is_media_path`]). Files
//!   there are never read as text; files elsewhere always are.
//! - **What:** PNG, JPEG, WebP and GIF images, PDF documents ([`Format`]). The type is read
//!   from the first bytes of the file and must match its extension; SVG is refused (it can
//!   carry script, and sanitising it is a project of its own).
//! - **How big:** [`MAX_IMAGE_BYTES`] per image, [`MAX_DOCUMENT_BYTES`] per document.
//! - **How referenced:** a path relative to the Markdown file, as any Markdown previewer
//!   reads it: `![Peta](images/peta.png)` in `provinces/<p>/index.md`,
//!   `![Peta](../images/peta.png)` in an issue ([`resolve`]).
//! - **Where published:** `/media/<name>.<hash>.<ext>` ([`Media::url`]), the content hash
//!   of the theme's own files ([`crate::encode::fingerprinted`]): a changed file gets a new
//!   address, so it can be cached for ever.

use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::diagnostic::Diagnostic;
use super::slug::is_slug;
use crate::messages::{Msg, codes};

/// The folder name for images shown in pages.
pub const IMAGE_FOLDER: &str = "images";
/// The folder name for documents pages link to.
pub const FILE_FOLDER: &str = "files";
/// The folder names that hold images and downloadable files (either takes both kinds).
pub const MEDIA_FOLDERS: [&str; 2] = [IMAGE_FOLDER, FILE_FOLDER];

/// The largest image accepted: 2 MiB (a photo for the web needs far less).
pub const MAX_IMAGE_BYTES: u64 = 2 * 1024 * 1024;

/// The largest document accepted: 10 MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// The output folder of published media (`/media/…`).
pub const OUTPUT_FOLDER: &str = "media";

/// A file format the site accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// WebP image.
    Webp,
    /// GIF image.
    Gif,
    /// PDF document.
    Pdf,
}

impl Format {
    /// The format an extension promises (case-insensitive; `jpg` and `jpeg` alike).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "webp" => Some(Format::Webp),
            "gif" => Some(Format::Gif),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format of `bytes`, from their first bytes ("magic numbers"), if accepted.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF-") {
            return Some(Format::Pdf);
        }
        match imagesize::image_type(bytes).ok()? {
            imagesize::ImageType::Png => Some(Format::Png),
            imagesize::ImageType::Jpeg => Some(Format::Jpeg),
            imagesize::ImageType::Webp => Some(Format::Webp),
            imagesize::ImageType::Gif => Some(Format::Gif),
            _ => None,
        }
    }

    /// The extension of the published file.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Webp => "webp",
            Format::Gif => "gif",
            Format::Pdf => "pdf",
        }
    }

    /// The name editors know the format by (`PNG`, `PDF`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::Webp => "WebP",
            Format::Gif => "GIF",
            Format::Pdf => "PDF",
        }
    }

    /// Whether this is an image (shown in a page) rather than a document (downloaded).
    pub fn is_image(self) -> bool {
        self != Format::Pdf
    }

    /// The size limit of this format.
    pub fn limit(self) -> u64 {
        if self.is_image() {
            MAX_IMAGE_BYTES
        } else {
            MAX_DOCUMENT_BYTES
        }
    }
}

/// An accepted image or document, read once at load time.
#[derive(Clone, PartialEq, Eq)]
pub struct Media {
    /// The file, relative to the content folder.
    pub path: PathBuf,
    /// Its format (read from its bytes; the extension agrees).
    pub format: Format,
    /// Width and height in pixels (images only).
    pub size: Option<(u32, u32)>,
    /// The published file name, `<name>.<content hash>.<ext>`.
    pub published: String,
    /// The bytes, shared (the site is cloned by `serve`).
    pub bytes: Arc<[u8]>,
}

impl fmt::Debug for Media {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Media")
            .field("path", &self.path)
            .field("format", &self.format)
            .field("size", &self.size)
            .field("published", &self.published)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

impl Media {
    /// The output file, e.g. `media/peta.0123456789abcdef.png`.
    pub fn output_path(&self) -> String {
        format!("{OUTPUT_FOLDER}/{}", self.published)
    }

    /// The root-relative URL, e.g. `/media/peta.0123456789abcdef.png`.
    pub fn url(&self) -> String {
        format!("/{}", self.output_path())
    }
}

/// Whether `rel` (relative to the content folder) sits inside an `images/` or `files/`
/// folder, at any depth.
pub fn is_media_path(rel: &Path) -> bool {
    rel.parent().is_some_and(|dir| {
        dir.components()
            .any(|c| MEDIA_FOLDERS.iter().any(|m| c.as_os_str() == *m))
    })
}

/// Whether `rel`'s extension is one of an image or document (accepted or not, like `svg`),
/// which belongs in an `images/` or `files/` folder and is never read as text.
pub fn has_media_extension(rel: &Path) -> bool {
    rel.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        Format::from_extension(e).is_some()
            || REFUSED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
    })
}

/// Extensions of images and documents the site refuses (see [`Format`] for the accepted
/// ones): outside the media folders they are reported as misplaced, not read as text.
const REFUSED_EXTENSIONS: [&str; 12] = [
    "svg", "bmp", "tif", "tiff", "heic", "avif", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
];

/// Whether a Markdown URL is a path relative to its file (no scheme, not `/…`, `#…`, `@/…`).
pub fn is_relative_reference(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.starts_with(['/', '#', '?', '@', '\\']) {
        return false;
    }
    let first = url.split(['/', '?', '#']).next().unwrap_or("");
    !first.contains(':')
}

/// The file a relative Markdown URL of `from` (a Markdown file relative to the content
/// folder) points at, relative to the content folder; `None` when it leaves the content
/// folder. `#…` and `?…` are dropped (`files/laporan.pdf#page=3`).
pub fn resolve(from: &Path, url: &str) -> Option<PathBuf> {
    let path = url.trim().split(['#', '?']).next().unwrap_or("");
    let mut out: Vec<&str> = from
        .parent()
        .map(|p| {
            p.components()
                .filter_map(|c| match c {
                    Component::Normal(s) => s.to_str(),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            name => out.push(name),
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(out.iter().collect())
}

/// The relative path from the Markdown file `from` to the content file `to` (both relative
/// to the content folder): `provinces/banten/index.md` to `images/logo.png` is
/// `../../images/logo.png`.
pub fn relative_path(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |p| p.components().count());
    let target: Vec<&str> = to.iter().filter_map(|c| c.to_str()).collect();
    format!("{}{}", "../".repeat(depth), target.join("/"))
}

/// Reads and checks the media file `rel` under `root`: name, extension, size (before
/// reading), type by content, dimensions. Never reads a file over its limit.
pub fn inspect(root: &Path, rel: &Path) -> Result<Media, Diagnostic> {
    let file = rel.display().to_string();
    let at_file = |msg: Msg| Diagnostic::error(rel, 0, 0, msg);
    let cannot_read =
        |e: std::io::Error| at_file(Msg::new(codes::CANNOT_READ).arg("error", e.to_string()));
    let ext = rel
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_owned();
    let Some(format) = Format::from_extension(&ext) else {
        return Err(at_file(
            Msg::new(codes::MEDIA_UNSUPPORTED)
                .arg("file", file.as_str())
                .arg("ext", ext.to_ascii_lowercase()),
        ));
    };
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if !is_slug(stem) {
        return Err(at_file(Msg::new(codes::NAME_NOT_SLUG).arg("name", stem)));
    }
    let len = std::fs::metadata(root.join(rel))
        .map_err(cannot_read)?
        .len();
    if len > format.limit() {
        return Err(at_file(too_large(&file, format, len)));
    }
    let bytes = std::fs::read(root.join(rel)).map_err(cannot_read)?;
    // The file may have grown since the metadata was read.
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > format.limit() {
        return Err(at_file(too_large(&file, format, len)));
    }
    let found = Format::sniff(&bytes);
    if found != Some(format) {
        let found = match found {
            Some(f) => f.name().to_owned(),
            None if looks_like_text(&bytes) => "text".to_owned(),
            None => "unknown".to_owned(),
        };
        return Err(at_file(
            Msg::new(codes::MEDIA_WRONG_TYPE)
                .arg("file", file.as_str())
                .arg("expected", format.name())
                .arg("found", found),
        ));
    }
    let size = if format.is_image() {
        let dims = imagesize::blob_size(&bytes).ok().and_then(|s| {
            let w = u32::try_from(s.width).ok()?;
            let h = u32::try_from(s.height).ok()?;
            (w > 0 && h > 0).then_some((w, h))
        });
        let Some(dims) = dims else {
            return Err(at_file(
                Msg::new(codes::MEDIA_WRONG_TYPE)
                    .arg("file", file.as_str())
                    .arg("expected", format.name())
                    .arg("found", "damaged"),
            ));
        };
        Some(dims)
    } else {
        None
    };
    Ok(Media {
        path: rel.to_path_buf(),
        format,
        size,
        published: crate::encode::fingerprinted(&format!("{stem}.{}", format.extension()), &bytes),
        bytes: Arc::from(bytes),
    })
}

fn too_large(file: &str, format: Format, len: u64) -> Msg {
    let kb = |n: u64| usize::try_from(n.div_ceil(1024)).unwrap_or(usize::MAX);
    Msg::new(codes::MEDIA_TOO_LARGE)
        .arg("file", file)
        .arg(
            "kind",
            if format.is_image() {
                "image"
            } else {
                "document"
            },
        )
        .arg("size", kb(len))
        .arg("limit", kb(format.limit()))
}

/// Whether `bytes` read as UTF-8 text (a `.png` that is really a text file).
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A character cut at the 4096th byte is still text.
        Err(e) => e.error_len().is_none(),
    };
    valid && !head.contains(&0)
}

#[cfg(test)]
mod tests;
