//! `generator build`: load, check, render and write the site into `--out`.

use std::path::{Path, PathBuf};

use clap::Args;
use time::Date;

use super::args::{Failure, InputArgs, check_dirs, parse_date, report, report_warnings};
use crate::messages::{self, Lang};
use crate::pipeline::BuildError;
use crate::{output, pipeline};

/// Arguments of `generator build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where the inputs are.
    #[command(flatten)]
    pub input: InputArgs,
    /// The output folder; replaced as a whole when the build succeeds. The build before it
    /// is kept beside it as `.DIR.spare` and reused by the next build (fewer files to create).
    #[arg(long, value_name = "DIR", default_value = "public")]
    pub out: PathBuf,
    /// Public base URL (default: `base_url` of site.yaml).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Where the proposal form posts (default: `submit_url` of site.yaml).
    #[arg(long, value_name = "URL")]
    pub submit_url: Option<String>,
    /// Judge proposal windows as of this day, YYYY-MM-DD (default: today in WIB).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Runs `generator build`.
pub(super) fn run(args: &BuildArgs, lang: Lang) -> Result<(), Failure> {
    check_dirs(&args.input, lang)?;
    let inputs = args.input.inputs(
        args.base_url.clone(),
        args.submit_url.clone(),
        args.as_of,
        true,
    );
    let (built, written) = match pipeline::publish(&inputs, &args.out) {
        Ok(done) => done,
        Err(BuildError::Output(e)) => return Err(Failure::Environment(e.to_string())),
        Err(BuildError::Problems(problems)) => {
            report(&problems, &args.input.content, lang);
            eprintln!(
                "{}",
                messages::text(
                    lang,
                    "build-failed",
                    &[("out", args.out.display().to_string().into())]
                )
            );
            return Err(Failure::Content);
        }
    };
    report_warnings(&built.warnings, &args.input.content, lang);
    eprintln!("{}", summary(&built, written, &args.out, lang));
    Ok(())
}

/// `built 63 pages (12 provinces, 40 issues, 3 news, 4 pages; 70 files, 812 KB) into public/ in 0.21 s`.
fn summary(r: &pipeline::Build, w: output::Written, out: &Path, lang: Lang) -> String {
    let issues: usize = r.site.provinces.iter().map(|p| p.issues.len()).sum();
    messages::text(
        lang,
        "build-done",
        &[
            ("pages", w.pages.into()),
            ("provinces", r.site.provinces.len().into()),
            ("issues", issues.into()),
            ("news", r.site.news.len().into()),
            ("pagecount", r.site.pages.len().into()),
            ("files", w.files.into()),
            ("kb", w.bytes.div_ceil(1024).to_string().into()),
            ("warnings", r.warnings.len().into()),
            (
                "out",
                out.display().to_string().trim_end_matches('/').into(),
            ),
            (
                "seconds",
                format!("{:.2}", r.started.elapsed().as_secs_f64()).into(),
            ),
        ],
    )
}
