//! `generator explain CODE`: the longer explanation of a problem code, with a wrong and a
//! right example, from the message catalogue (like `rustc --explain`).

use clap::Args;

use super::args::Failure;
use crate::messages::{self, Lang};

/// Arguments of `generator explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code shown beside a message of `check`, e.g. K0102.
    pub code: String,
}

/// Prints the explanation to stdout; an unknown code is a usage error (exit 2).
pub(super) fn run(args: &ExplainArgs, lang: Lang) -> Result<(), Failure> {
    match messages::explain(lang, args.code.trim()) {
        Some(text) => {
            print!("{text}");
            Ok(())
        }
        None => Err(Failure::Environment(messages::text(
            lang,
            "explain-unknown",
            &[("code", args.code.as_str().into())],
        ))),
    }
}
