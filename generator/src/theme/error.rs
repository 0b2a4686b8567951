//! Why a theme could not be loaded.

use std::path::PathBuf;

/// Why the theme could not be loaded, or a UI string was missing.
///
/// Print with `{}`: template errors carry `file:line:col` and a snippet in their Display.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// A theme file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A template failed to compile (syntax, unknown filter, function or include).
    #[error("{0}")]
    Template(tera::Error),
    /// A UI strings file is missing, malformed or incomplete.
    #[error("theme strings `{}`: {message}", path.display())]
    Strings {
        /// The `i18n/*.yaml` file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A UI string was asked for that neither language file defines.
    #[error("missing UI string `{key}` for language `{lang}`")]
    MissingString {
        /// Language code.
        lang: &'static str,
        /// The key.
        key: String,
    },
    /// The map data file is malformed.
    #[error("{}: {message}", path.display())]
    Map {
        /// The map data file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A static file the templates need is missing.
    #[error("the theme has no static/{0}")]
    MissingAsset(String),
}
