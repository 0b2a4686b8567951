//! `generator check`: every problem in the content and the theme, nothing written.

use clap::Args;

use super::args::{Failure, InputArgs, check_dirs, report, report_warnings};
use crate::messages::{self, Lang};
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
pub(super) fn run(args: &CheckArgs, lang: Lang) -> Result<(), Failure> {
    check_dirs(&args.input, lang)?;
    let counting = Counting::new();
    match pipeline::build(&args.input.inputs(None, None, None, false), &counting) {
        Ok(rendered) => {
            report_warnings(&rendered.warnings, &args.input.content, lang);
            let issues: usize = rendered.site.provinces.iter().map(|p| p.issues.len()).sum();
            eprintln!(
                "{}",
                messages::text(
                    lang,
                    "check-ok",
                    &[
                        ("provinces", rendered.site.provinces.len().into()),
                        ("issues", issues.into()),
                        ("news", rendered.site.news.len().into()),
                        ("pages", rendered.site.pages.len().into()),
                        ("files", counting.written().files.into()),
                        ("warnings", rendered.warnings.len().into()),
                    ],
                )
            );
            Ok(())
        }
        Err(BuildError::Problems(problems)) => {
            report(&problems, &args.input.content, lang);
            Err(Failure::Content)
        }
        Err(BuildError::Output(e)) => Err(Failure::Environment(e.to_string())),
    }
}
