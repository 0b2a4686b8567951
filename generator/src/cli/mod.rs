//! The command line: `generator build | check | serve | new | studio`.
//!
//! The structs here hold only what the user typed (clap derive; doc comments are the `--help`
//! text). Each verb's module turns them into library options, calls the library and reports.
//! Nothing below [`run`] exits the process: outcomes travel back as [`Failure`] and `main`
//! turns them into the exit code.

mod args;
mod build;
mod check;
mod explain;
mod new;
mod serve;
mod studio;

pub use args::{Failure, InputArgs};

use clap::{Parser, Subcommand, ValueEnum};

use crate::messages::{self, Lang};

/// Static site generator for the Kompetisi WiNNER public site.
#[derive(Debug, Parser)]
#[command(name = "generator", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Language of the messages: id (Bahasa Indonesia, the default) or en. Without this flag
    /// the environment variable WINNER_LANG decides.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

/// The languages of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
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
    /// Explain a problem code of `check` (e.g. K0102), with a wrong and a right example.
    Explain(explain::ExplainArgs),
    /// Write the editing studio (Sveltia CMS, configured from the content model) into a folder.
    Studio(studio::StudioArgs),
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let lang = messages::choose(cli.lang.map(|l| match l {
        LangArg::Id => Lang::Id,
        LangArg::En => Lang::En,
    }));
    // A usage or environment problem is printed by `main`, labelled in the chosen language.
    let labelled = |f: Failure| match f {
        Failure::Environment(text) => Failure::Environment(format!(
            "{}: {text}",
            messages::text(lang, "label-error", &[])
        )),
        other => other,
    };
    let outcome = match cli.command {
        Command::Build(args) => build::run(&args, lang),
        Command::Check(args) => check::run(&args, lang),
        Command::Serve(args) => serve::run(&args, lang),
        Command::New(args) => new::run(&args, lang),
        Command::Explain(args) => explain::run(&args, lang),
        Command::Studio(args) => studio::run(&args, lang),
    };
    outcome.map_err(labelled)
}
