//! `generator check`: every problem in the content and the theme, nothing written.

use clap::Args;

use super::args::{Failure, InputArgs, check_dirs, report, report_warnings};
use crate::output::Counting;
use crate::pipeline::{self, BuildError};

/// Arguments of `generator check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Where the inputs are.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `generator check`: exit 0 with warnings only, 1 with any error. Every page is
/// rendered (templates fail where a page would) into a sink that only counts; the search
/// index is not built.
pub(super) fn run(args: &CheckArgs) -> Result<(), Failure> {
    check_dirs(&args.input)?;
    let counting = Counting::new();
    match pipeline::build(&args.input.inputs(None, None, None, false), &counting) {
        Ok(rendered) => {
            report_warnings(&rendered.warnings, &args.input.content);
            let issues: usize = rendered.site.provinces.iter().map(|p| p.issues.len()).sum();
            eprintln!(
                "ok: {} provinces, {issues} issues, {} news, {} pages, {} output files; {} warning{}",
                rendered.site.provinces.len(),
                rendered.site.news.len(),
                rendered.site.pages.len(),
                counting.written().files,
                rendered.warnings.len(),
                if rendered.warnings.len() == 1 {
                    ""
                } else {
                    "s"
                }
            );
            Ok(())
        }
        Err(BuildError::Problems(problems)) => {
            report(&problems, &args.input.content);
            Err(Failure::Content)
        }
        Err(BuildError::Output(e)) => Err(Failure::Environment(e.to_string())),
    }
}
