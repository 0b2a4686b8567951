//! `generator new issue|province|news`: scaffold content files (see [`crate::scaffold`]).
//!
//! The paths written go to stdout, one per line (so `$EDITOR $(generator new …)` works); the
//! next step goes to stderr. A refusal because of what the content folder holds (a file that
//! exists, a missing province) exits 1; a bad slug or a missing content folder exits 2.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use time::Date;

use super::args::{Failure, parse_date};
use crate::messages::{self, Lang};
use crate::scaffold::{self, Request, ScaffoldError};

/// Arguments of `generator new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create.
    #[command(subcommand)]
    pub what: NewCommand,
    /// The content folder.
    #[arg(long, value_name = "DIR", default_value = "content", global = true)]
    pub content: PathBuf,
}

/// The kinds of file `generator new` writes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A strategic issue: provinces/<PROVINCE>/issues/<SLUG>.md and its .en.md translation.
    Issue {
        /// An existing province folder, e.g. kalimantan-barat.
        province: String,
        /// The issue's file name and web address, e.g. stunting.
        slug: String,
    },
    /// A province: provinces/<SLUG>/province.yaml, index.md and index.en.md.
    Province {
        /// The folder name and web address, e.g. kalimantan-barat.
        slug: String,
    },
    /// A news item dated today: news/<YYYY-MM-DD>-<SLUG>.md and its .en.md translation.
    News {
        /// The part of the file name after the date, and the web address, e.g. fgd-validasi-banten.
        slug: String,
        /// The date in the file name, YYYY-MM-DD (default: today in WIB).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<Date>,
    },
}

/// Runs `generator new`.
pub(super) fn run(args: &NewArgs, lang: Lang) -> Result<(), Failure> {
    let request = match &args.what {
        NewCommand::Issue { province, slug } => Request::Issue {
            province: province.clone(),
            slug: slug.clone(),
        },
        NewCommand::Province { slug } => Request::Province { slug: slug.clone() },
        NewCommand::News { slug, as_of } => Request::News {
            date: winner_catalog::clock::today(*as_of),
            slug: slug.clone(),
        },
    };
    let written = scaffold::create(&args.content, &request).map_err(|e| refusal(e, lang))?;
    for path in &written {
        println!("{}", path.display());
    }
    eprintln!("{}", next_step(&request, &args.content, lang));
    Ok(())
}

/// Prints a refusal because of the content folder (exit 1), or hands a usage problem back
/// (exit 2, printed by `main`).
fn refusal(e: ScaffoldError, lang: Lang) -> Failure {
    let text = e.message().text(lang);
    if e.is_usage() {
        Failure::Environment(text)
    } else {
        eprintln!("{}: {text}", messages::text(lang, "label-error", &[]));
        Failure::Content
    }
}

/// What to do after the files are written.
fn next_step(request: &Request, content: &Path, lang: Lang) -> String {
    let check = if content == Path::new("content") {
        "generator check".to_owned()
    } else {
        format!("generator check --content {}", content.display())
    };
    let mut text = messages::text(lang, "new-next", &[("check", check.into())]);
    if let Request::News { date, .. } = request {
        text.push('\n');
        text.push_str(&messages::text(
            lang,
            "new-news-date",
            &[("date", winner_catalog::clock::format_date(*date).into())],
        ));
    }
    text
}
