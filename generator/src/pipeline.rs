//! The one build path: load the content and the theme, render the job list, hand every file
//! to a [`Sink`].
//!
//! `build` (a [`Staging`](crate::output::Staging) folder), `check` (a
//! [`Counting`](crate::output::Counting) sink, no search index) and `serve` (a staging folder
//! for full builds) all call [`build`]; only the sink and what they keep of the result differ.

use std::path::PathBuf;
use std::time::Instant;

use time::Date;

use crate::content::{self, Diagnostics, LoadOptions, Site};
use crate::output::{OutputError, Sink, Staging, Written, check_target};
use crate::render::{self, Jobs, RenderError, Stopped};
use crate::theme::{MapData, Theme};

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
    /// Whether to build the search index (`check` does not).
    pub search_index: bool,
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

    /// Everything printed for a person in `lang`: content diagnostics with snippets, then
    /// theme errors (for the technical team, in English).
    pub fn report(&self, content_dir: &std::path::Path, lang: crate::messages::Lang) -> String {
        let mut out = self.diagnostics.render(content_dir, lang);
        for e in &self.render {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("error: {e}\n"));
        }
        out
    }

    /// `N errors, M warnings` in `lang`.
    pub fn summary(&self, lang: crate::messages::Lang) -> String {
        crate::messages::text(
            lang,
            "summary",
            &[
                ("errors", self.error_count().into()),
                ("warnings", self.diagnostics.warning_count().into()),
            ],
        )
    }
}

/// A built site: what the load and the render learnt, for the summary line and for
/// `serve`'s incremental updates.
pub struct Build {
    /// The loaded site.
    pub site: Site,
    /// The loaded theme.
    pub theme: Theme,
    /// What the load learnt about the files (see [`content::reload`]).
    pub index: content::Index,
    /// The render options used.
    pub options: render::Options,
    /// Warnings found while loading.
    pub warnings: Diagnostics,
    /// The date the windows were judged on.
    pub today: Date,
    /// When the build started (for the summary line).
    pub started: Instant,
}

/// Why a build did not finish: problems in the content or the theme (reported to editors,
/// exit code 1), or a file that could not be written (an environment problem, exit code 2).
#[derive(Debug)]
pub enum BuildError {
    /// Content diagnostics and theme or template errors.
    Problems(Problems),
    /// The sink could not take a file.
    Output(OutputError),
}

/// Builds the site into `out` on disk: the one way a whole site is written, used by
/// `generator build` and by `serve`. The files go into a staging folder beside `out`
/// ([`Staging`]) that replaces `out` only once every file is written, so a failed build
/// leaves the previous site as it was. `out` must not be (or hold) the content or theme
/// folder, and must be empty, absent or an earlier build.
pub fn publish(inputs: &Inputs, out: &std::path::Path) -> Result<(Build, Written), BuildError> {
    check_target(out, &[&inputs.content_dir, &inputs.theme_dir]).map_err(BuildError::Output)?;
    let staging = Staging::begin(out).map_err(BuildError::Output)?;
    let built = build(inputs, &staging)?;
    let written = staging.commit().map_err(BuildError::Output)?;
    Ok((built, written))
}

/// Loads, validates and renders, handing every output file to `sink` as it is rendered. The
/// theme is loaded even when the content has errors, so that one run reports both.
pub fn build(inputs: &Inputs, sink: &dyn Sink) -> Result<Build, BuildError> {
    let started = Instant::now();
    // The official province list comes first (one small file of the theme): the content is
    // checked against it while it loads, so that a wrong code is reported with every other
    // content problem. A map that does not load is reported by Theme::load.
    let map = MapData::load(&inputs.theme_dir);
    let official = map
        .as_ref()
        .ok()
        .and_then(Option::as_ref)
        .map(MapData::official)
        .unwrap_or_default();
    let (loaded, theme) = rayon::join(
        || {
            content::load_indexed(&LoadOptions {
                content_dir: inputs.content_dir.clone(),
                official,
            })
        },
        || Theme::load_with_map(&inputs.theme_dir, map),
    );
    tracing::debug!("loaded in {:.3} s", started.elapsed().as_secs_f64());
    let ((loaded, index), theme) = match (loaded, theme) {
        (Ok(l), Ok(t)) => (l, t),
        (l, t) => {
            return Err(BuildError::Problems(Problems {
                diagnostics: match l {
                    Ok((l, _)) => l.warnings,
                    Err(d) => d,
                },
                render: t.err().map(RenderError::from).into_iter().collect(),
            }));
        }
    };
    let today = winner_catalog::clock::today(inputs.as_of);
    let options = options(inputs, &loaded.site, today);
    let rendered = render::context::Env::new(&loaded.site, &theme, &options)
        .map_err(Stopped::from)
        .and_then(|env| {
            let jobs = Jobs::full(&loaded.site);
            let jobs = if inputs.search_index {
                jobs
            } else {
                jobs.without_search()
            };
            render::render_jobs(&env, &jobs, sink)
        });
    match rendered {
        Ok(()) => {
            tracing::debug!("rendered in {:.3} s", started.elapsed().as_secs_f64());
            Ok(Build {
                site: loaded.site,
                theme,
                index,
                options,
                warnings: loaded.warnings,
                today,
                started,
            })
        }
        Err(Stopped::Output(e)) => Err(BuildError::Output(e)),
        Err(Stopped::Render(e)) => Err(BuildError::Problems(Problems {
            diagnostics: loaded.warnings,
            render: vec![e],
        })),
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
