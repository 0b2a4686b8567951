//! `generator studio`: write the editing studio (see [`crate::studio`]) into `--out`.

use std::path::PathBuf;

use clap::Args;

use super::args::{Failure, InputArgs, check_dirs, report};
use crate::content::{LoadOptions, load};
use crate::messages::{self, Lang};
use crate::studio::{self, Backend, StudioOptions};

/// Arguments of `generator studio`.
#[derive(Debug, Args)]
pub struct StudioArgs {
    /// Where the inputs are (the content gives the options; the theme's CSS styles the preview).
    #[command(flatten)]
    pub input: InputArgs,
    /// The folder to write, e.g. public/admin after `generator build`.
    #[arg(long, value_name = "DIR", default_value = "public/admin")]
    pub out: PathBuf,
    /// The studio's npm packages: the CMS and its fonts (installed by scripts/setup.sh from
    /// studio/package-lock.json).
    #[arg(long, value_name = "DIR", default_value = "studio/node_modules")]
    pub packages: PathBuf,
    /// Git host backend: github, gitlab or gitea.
    #[arg(long, value_name = "NAME", default_value = "github")]
    pub backend: String,
    /// The repository, owner/name.
    #[arg(long, value_name = "OWNER/NAME", default_value = "kemenpanrb/winner")]
    pub repo: String,
    /// The branch the studio commits to.
    #[arg(long, value_name = "BRANCH", default_value = "main")]
    pub branch: String,
    /// The OAuth helper's or the git host's URL, if not the backend's default.
    #[arg(long, value_name = "URL")]
    pub auth_url: Option<String>,
}

/// Runs `generator studio`: loads and checks the content (the options come from it), then
/// writes the studio.
pub(super) fn run(args: &StudioArgs, lang: Lang) -> Result<(), Failure> {
    check_dirs(&args.input, lang)?;
    if !["github", "gitlab", "gitea"].contains(&args.backend.as_str()) {
        return Err(Failure::Environment(format!(
            "--backend {} is not one of github, gitlab, gitea",
            args.backend
        )));
    }
    // The studio needs the content's model, not its map: codes are `check`'s business.
    let site = match load(&LoadOptions {
        content_dir: args.input.content.clone(),
        ..LoadOptions::default()
    }) {
        Ok(site) => site,
        Err(diags) => {
            report(
                &crate::pipeline::Problems {
                    diagnostics: diags,
                    render: Vec::new(),
                },
                &args.input.content,
                lang,
            );
            return Err(Failure::Content);
        }
    };
    let options = StudioOptions {
        backend: Backend {
            name: args.backend.clone(),
            repo: args.repo.clone(),
            branch: args.branch.clone(),
            base_url: args.auth_url.clone(),
        },
        site_url: site.config.base_url.clone(),
    };
    let css = args.input.theme.join("static").join("site.css");
    let sink = crate::output::InPlace::new(&args.out);
    let written = studio::write(&site, &options, &args.packages, &css, &sink)
        .map_err(|e| Failure::Environment(e.to_string()))?;
    eprintln!(
        "{}",
        messages::text(
            lang,
            "studio-written",
            &[
                ("out", args.out.display().to_string().into()),
                ("files", written.len().into()),
            ],
        )
    );
    Ok(())
}
