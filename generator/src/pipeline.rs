//! The build minus the disk: load the content, load the theme, render in memory.
//!
//! `build`, `check` and `serve` all run this; only what they do with the result differs.

use std::path::PathBuf;
use std::time::Instant;

use time::Date;

use crate::content::{self, Diagnostics, LoadOptions, Site};
use crate::render::{self, Output, RenderError, Theme};

/// Resolved inputs of one build.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The content folder.
    pub content_dir: PathBuf,
    /// The theme folder.
    pub theme_dir: PathBuf,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    /// Overrides `submit_url` of `site.yaml`.
    pub submit_url: Option<String>,
    /// Pins "today" (proposal windows); `None` means the real date in WIB.
    pub as_of: Option<Date>,
}

/// A site rendered in memory.
#[derive(Debug)]
pub struct Rendered {
    /// The loaded site.
    pub site: Site,
    /// Every output file.
    pub output: Output,
    /// Warnings found while loading.
    pub warnings: Diagnostics,
    /// The date the windows were judged on.
    pub today: Date,
    /// When the build started (for the summary line).
    pub started: Instant,
}

/// Everything that stopped a build: content diagnostics (errors and warnings) and theme or
/// template errors.
#[derive(Debug, Default)]
pub struct Problems {
    /// Content problems, sorted.
    pub diagnostics: Diagnostics,
    /// Theme and rendering errors (their Display carries `file:line:col` and a snippet).
    pub render: Vec<RenderError>,
}

impl Problems {
    /// Number of errors (content errors plus theme/render errors).
    pub fn error_count(&self) -> usize {
        self.diagnostics.error_count() + self.render.len()
    }

    /// Everything printed for a person: content diagnostics with snippets, then theme errors,
    /// then a count.
    pub fn report(&self, content_dir: &std::path::Path) -> String {
        let mut out = self.diagnostics.render(content_dir);
        for e in &self.render {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("error: {e}\n"));
        }
        out
    }

    /// `N errors, M warnings`.
    pub fn summary(&self) -> String {
        let errors = self.error_count();
        let warnings = self.diagnostics.warning_count();
        format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    }
}

/// Loads, validates and renders. The theme is loaded even when the content has errors, so
/// that one run reports both.
pub fn run(inputs: &Inputs) -> Result<Rendered, Problems> {
    let started = Instant::now();
    let loaded = content::load_with_warnings(&LoadOptions {
        content_dir: inputs.content_dir.clone(),
    });
    let theme = Theme::load(&inputs.theme_dir);
    let (loaded, theme) = match (loaded, theme) {
        (Ok(l), Ok(t)) => (l, t),
        (l, t) => {
            return Err(Problems {
                diagnostics: match l {
                    Ok(l) => l.warnings,
                    Err(d) => d,
                },
                render: t.err().into_iter().collect(),
            });
        }
    };
    let today = winner_catalog::clock::today(inputs.as_of);
    let config = &loaded.site.config;
    let options = render::Options {
        base_url: inputs
            .base_url
            .clone()
            .unwrap_or_else(|| config.base_url.clone())
            .trim_end_matches('/')
            .to_owned(),
        submit_url: inputs
            .submit_url
            .clone()
            .unwrap_or_else(|| config.submit_url.clone()),
        today,
    };
    match render::render(&loaded.site, &theme, &options) {
        Ok(output) => Ok(Rendered {
            site: loaded.site,
            output,
            warnings: loaded.warnings,
            today,
            started,
        }),
        Err(e) => Err(Problems {
            diagnostics: loaded.warnings,
            render: vec![e],
        }),
    }
}
