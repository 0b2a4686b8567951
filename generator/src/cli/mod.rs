//! The command line: `generator build | check | serve | new`.
//!
//! The structs here hold only what the user typed (clap derive; doc comments are the `--help`
//! text). Each verb's module turns them into library options, calls the library and reports.
//! Nothing below [`run`] exits the process: outcomes travel back as [`Failure`] and `main`
//! turns them into the exit code.

mod args;
mod build;
mod check;
mod new;
mod serve;

pub use args::{Failure, InputArgs};

use clap::{Parser, Subcommand};

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

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::New(args) => new::run(&args),
    }
}
