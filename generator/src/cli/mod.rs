//! The command line: `generator build | check | serve | new`.
//!
//! The structs here hold only what the user typed (clap derive; doc comments are the `--help`
//! text). Each verb's module turns them into library options, calls the library and reports.
//! Nothing below [`run`] exits the process: outcomes travel back as [`Failure`] and `main`
//! turns them into the exit code.

mod build;
mod check;
mod new;
mod serve;

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use time::Date;

use crate::pipeline::Inputs;

/// Static site generator for the Kompetisi WiNNER public site.
#[derive(Debug, Parser)]
#[command(name = "generator", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into a folder (replaced as a whole, only when the build succeeds).
    Build(build::BuildArgs),
    /// Report every problem in the content and the theme without writing anything.
    Check(check::CheckArgs),
    /// Build, serve on 127.0.0.1, rebuild on every change and reload open pages.
    Serve(serve::ServeArgs),
    /// Create new content files with every field and a comment for each: issue, province, news.
    New(new::NewArgs),
}

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

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::New(args) => new::run(&args),
    }
}

/// Parses `--as-of`.
fn parse_date(text: &str) -> Result<Date, String> {
    winner_catalog::clock::parse_date(text)
}

/// Checks that the input folders exist (a missing one is an environment error, exit 2).
fn check_dirs(input: &InputArgs) -> Result<(), Failure> {
    let need = |dir: &Path, what: &str, flag: &str| {
        if dir.is_dir() {
            Ok(())
        } else {
            Err(Failure::Environment(format!(
                "the {what} folder `{}` does not exist (run from the repository root or pass {flag} DIR)",
                dir.display()
            )))
        }
    };
    need(&input.content, "content", "--content")?;
    need(&input.theme, "theme", "--theme")
}

impl InputArgs {
    /// The pipeline inputs for these folders and overrides.
    fn inputs(
        &self,
        base_url: Option<String>,
        submit_url: Option<String>,
        as_of: Option<Date>,
    ) -> Inputs {
        Inputs {
            content_dir: self.content.clone(),
            theme_dir: self.theme.clone(),
            base_url,
            submit_url,
            as_of,
        }
    }
}

/// Prints problems (and their count) to stderr.
fn report(problems: &crate::pipeline::Problems, content_dir: &Path) {
    let text = problems.report(content_dir);
    if !text.is_empty() {
        eprintln!("{text}");
    }
    eprintln!("{}", problems.summary());
}

/// Prints warnings, if any, to stderr.
fn report_warnings(warnings: &crate::content::Diagnostics, content_dir: &Path) {
    if !warnings.is_empty() {
        eprintln!("{}", warnings.render(content_dir));
    }
}
