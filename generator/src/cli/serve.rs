//! `generator serve`: build, serve on 127.0.0.1, watch, rebuild, live reload.

use clap::Args;
use time::Date;

use super::args::{Failure, InputArgs, check_dirs, parse_date};
use crate::serve;

/// Arguments of `generator serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where the inputs are.
    #[command(flatten)]
    pub input: InputArgs,
    /// Port on 127.0.0.1; when taken, the next free one is used.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Where the proposal form posts (default: `submit_url` of site.yaml).
    #[arg(long, value_name = "URL")]
    pub submit_url: Option<String>,
    /// Judge proposal windows as of this day, YYYY-MM-DD (default: today in WIB).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Runs the development server until interrupted.
pub(super) fn run(args: &ServeArgs, lang: crate::messages::Lang) -> Result<(), Failure> {
    check_dirs(&args.input, lang)?;
    let options = serve::ServeOptions {
        inputs: args
            .input
            .inputs(None, args.submit_url.clone(), args.as_of, true),
        port: args.port,
        lang,
    };
    serve::run(options).map_err(|e| Failure::Environment(e.to_string()))
}
