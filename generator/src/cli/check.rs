//! `generator check`: every problem in the content and the theme, nothing written.

use clap::Args;

use super::{Failure, InputArgs, check_dirs, report, report_warnings};
use crate::pipeline;

/// Arguments of `generator check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Where the inputs are.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `generator check`: exit 0 with warnings only, 1 with any error.
pub(super) fn run(args: &CheckArgs) -> Result<(), Failure> {
    check_dirs(&args.input)?;
    match pipeline::run(&args.input.inputs(None, None, None)) {
        Ok(rendered) => {
            report_warnings(&rendered.warnings, &args.input.content);
            let issues: usize = rendered.site.provinces.iter().map(|p| p.issues.len()).sum();
            eprintln!(
                "ok: {} provinces, {issues} issues, {} news, {} pages, {} output files; {} warning{}",
                rendered.site.provinces.len(),
                rendered.site.news.len(),
                rendered.site.pages.len(),
                rendered.output.len(),
                rendered.warnings.len(),
                if rendered.warnings.len() == 1 {
                    ""
                } else {
                    "s"
                }
            );
            Ok(())
        }
        Err(problems) => {
            report(&problems, &args.input.content);
            Err(Failure::Content)
        }
    }
}
