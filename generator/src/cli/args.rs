//! What every verb shares: the input folders, the outcome type and the reporting helpers.

use std::path::{Path, PathBuf};

use clap::Args;
use time::Date;

use crate::messages::{self, Lang};
use crate::pipeline::Inputs;

/// Where the inputs are; shared by every verb.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// The content folder.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// The theme folder.
    #[arg(long, value_name = "DIR", default_value = "themes/default")]
    pub theme: PathBuf,
}

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// Content, theme or template problems, already printed (exit code 1).
    Content,
    /// A usage or environment problem, not yet printed (exit code 2).
    Environment(String),
}

/// Parses `--as-of`.
pub(super) fn parse_date(text: &str) -> Result<Date, String> {
    winner_catalog::clock::parse_date(text)
}

/// Checks that the input folders exist (a missing one is an environment error, exit 2).
pub(super) fn check_dirs(input: &InputArgs, lang: Lang) -> Result<(), Failure> {
    let need = |dir: &Path, what: &'static str, flag: &'static str| {
        if dir.is_dir() {
            Ok(())
        } else {
            Err(Failure::Environment(messages::text(
                lang,
                "dir-missing",
                &[
                    ("what", what.into()),
                    ("dir", dir.display().to_string().into()),
                    ("flag", flag.into()),
                ],
            )))
        }
    };
    need(&input.content, "content", "--content")?;
    need(&input.theme, "theme", "--theme")
}

impl InputArgs {
    /// The pipeline inputs for these folders and overrides.
    pub(super) fn inputs(
        &self,
        base_url: Option<String>,
        submit_url: Option<String>,
        as_of: Option<Date>,
        search_index: bool,
    ) -> Inputs {
        Inputs {
            content_dir: self.content.clone(),
            theme_dir: self.theme.clone(),
            base_url,
            submit_url,
            as_of,
            search_index,
        }
    }
}

/// Prints problems (and their count, and how to learn more) to stderr in `lang`.
pub(super) fn report(problems: &crate::pipeline::Problems, content_dir: &Path, lang: Lang) {
    let text = problems.report(content_dir, lang);
    if !text.is_empty() {
        eprintln!("{text}");
    }
    eprintln!("{}", problems.summary(lang));
    if !problems.diagnostics.is_empty() {
        eprintln!("{}", messages::text(lang, "summary-explain", &[]));
    }
}

/// Prints warnings, if any, to stderr in `lang`.
pub(super) fn report_warnings(
    warnings: &crate::content::Diagnostics,
    content_dir: &Path,
    lang: Lang,
) {
    if !warnings.is_empty() {
        eprintln!("{}", warnings.render(content_dir, lang));
    }
}
