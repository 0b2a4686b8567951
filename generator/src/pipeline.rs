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
    /// The first output (write) failure, if that is what stopped the build: an environment
    /// problem, not a content one.
    pub fn output_failure(&self) -> Option<&RenderError> {
        self.render
            .iter()
            .find(|e| matches!(e, RenderError::Output(_)))
    }

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

/// A site rendered into a [`render::Sink`]: everything of [`Rendered`] but the output.
#[derive(Debug)]
pub struct Built {
    /// The loaded site.
    pub site: Site,
    /// Warnings found while loading.
    pub warnings: Diagnostics,
    /// The date the windows were judged on.
    pub today: Date,
    /// When the build started (for the summary line).
    pub started: Instant,
}

/// Loads, validates and renders into memory (see [`run_into`]).
pub fn run(inputs: &Inputs) -> Result<Rendered, Problems> {
    let out = std::sync::Mutex::new(Output::new());
    let built = run_into(inputs, &|path, bytes| {
        out.lock()
            .map_err(|_| RenderError::Output("a render thread panicked".into()))?
            .insert(path, bytes);
        Ok(())
    })?;
    Ok(Rendered {
        site: built.site,
        output: out.into_inner().unwrap_or_default(),
        warnings: built.warnings,
        today: built.today,
        started: built.started,
    })
}

/// Loads, validates and renders, handing every output file to `sink` as it is rendered. The
/// theme is loaded even when the content has errors, so that one run reports both.
pub fn run_into(inputs: &Inputs, sink: &render::Sink<'_>) -> Result<Built, Problems> {
    run_keeping(inputs, sink).map(|kept| kept.built)
}

/// A full build and what `generator serve` keeps of it to update the site later
/// (see [`crate::incremental`]).
pub struct Kept {
    /// The site, its warnings, the date and the start time.
    pub built: Built,
    /// The loaded theme.
    pub theme: Theme,
    /// What the load learnt about the files (see [`content::reload`]).
    pub index: content::reload::Index,
    /// The render options used.
    pub options: render::Options,
}

/// [`run_into`], keeping the theme, the content index and the render options.
pub fn run_keeping(inputs: &Inputs, sink: &render::Sink<'_>) -> Result<Kept, Problems> {
    let started = Instant::now();
    let (loaded, theme) = rayon::join(
        || {
            content::load_indexed(&LoadOptions {
                content_dir: inputs.content_dir.clone(),
            })
        },
        || Theme::load(&inputs.theme_dir),
    );
    tracing::debug!("loaded in {:.3} s", started.elapsed().as_secs_f64());
    let ((loaded, index), theme) = match (loaded, theme) {
        (Ok(l), Ok(t)) => (l, t),
        (l, t) => {
            return Err(Problems {
                diagnostics: match l {
                    Ok((l, _)) => l.warnings,
                    Err(d) => d,
                },
                render: t.err().into_iter().collect(),
            });
        }
    };
    let today = winner_catalog::clock::today(inputs.as_of);
    let options = options(inputs, &loaded.site, today);
    match render::render_into(&loaded.site, &theme, &options, sink) {
        Ok(()) => {
            tracing::debug!("rendered in {:.3} s", started.elapsed().as_secs_f64());
            Ok(Kept {
                built: Built {
                    site: loaded.site,
                    warnings: loaded.warnings,
                    today,
                    started,
                },
                theme,
                index,
                options,
            })
        }
        Err(e) => Err(Problems {
            diagnostics: loaded.warnings,
            render: vec![e],
        }),
    }
}

/// The render options of `inputs` for `site`.
pub fn options(inputs: &Inputs, site: &Site, today: Date) -> render::Options {
    let config = &site.config;
    render::Options {
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
    }
}
