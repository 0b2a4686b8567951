//! A full build for `serve`, through the same path and writer as `generator build`.

use std::path::Path;

use super::incremental::Live;
use crate::messages::{self, Lang};
use crate::pipeline::{self, BuildError, Inputs};

/// One full build into `out`: the summary line, or the error report; and, when it
/// succeeded, what incremental rebuilds need.
pub(super) fn build_once(
    inputs: &Inputs,
    out: &Path,
    lang: Lang,
) -> (Result<String, String>, Option<Live>) {
    // The same path and writer as `generator build`: a staging folder beside `out`, swapped
    // in whole when every file is written, so a failed build leaves the last good one served.
    let (kept, written) = match pipeline::publish(inputs, out) {
        Ok(done) => done,
        Err(BuildError::Output(e)) => {
            let error = e.to_string();
            eprintln!(
                "{}",
                messages::text(
                    lang,
                    "serve-write-failed",
                    &[("error", error.clone().into())]
                )
            );
            return (Err(error), None);
        }
        Err(BuildError::Problems(problems)) => {
            let report = format!(
                "{}\n{}",
                problems.report(&inputs.content_dir, lang),
                problems.summary(lang)
            );
            eprintln!("{report}\n{}", messages::text(lang, "serve-failed", &[]));
            return (Err(report), None);
        }
    };
    if !kept.warnings.is_empty() {
        eprintln!("{}", kept.warnings.render(&inputs.content_dir, lang));
    }
    let line = messages::text(
        lang,
        "serve-built",
        &[
            ("pages", written.pages.into()),
            (
                "seconds",
                format!("{:.2}", kept.started.elapsed().as_secs_f64()).into(),
            ),
        ],
    );
    eprintln!("{line}");
    (Ok(line), Some(Live::new(kept, inputs)))
}
