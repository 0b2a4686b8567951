//! Why a site could not be rendered, and why a render stopped.

use std::path::PathBuf;

use crate::output::OutputError;
use crate::theme::ThemeError;

/// Why the site could not be rendered: a content or theme problem (never a write failure:
/// that is [`Stopped::Output`]).
///
/// Print with `{}`: template errors carry `file:line:col` and a snippet in their Display.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The theme could not be loaded, or lacks a string or file a page needs.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// A template failed while rendering one output file.
    #[error("while rendering `{path}`: {source}")]
    Page {
        /// The output file being rendered.
        path: String,
        /// The tera error, with its `file:line:col`.
        source: tera::Error,
    },
    /// A Markdown link or image points where it must not, or an `@/` link to nothing.
    #[error("{}:{line}: {message}: `{url}`", file.display())]
    Link {
        /// Content file.
        file: PathBuf,
        /// 1-based line in that file.
        line: usize,
        /// The link target as written.
        url: String,
        /// What is wrong with it.
        message: &'static str,
    },
    /// The content refers to something that does not exist (e.g. a topic slug).
    #[error("{0}")]
    Content(String),
    /// The search index could not be built.
    #[error("search index: {0}")]
    Search(String),
}

/// Why a render stopped before handing over every file: the site could not be rendered, or
/// the sink could not take a file. The two stay apart so that the command line can tell a
/// content problem (exit 1) from an environment one (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum Stopped {
    /// A content or theme problem.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The sink refused a file (a write failed).
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl From<ThemeError> for Stopped {
    fn from(e: ThemeError) -> Self {
        Stopped::Render(RenderError::Theme(e))
    }
}
