//! Verbs of the binary that are not the app itself: the reviewers' export.
//! (`serve` and `create-table` are a few lines each and stay in `main.rs`.)

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use submit_fn::config;
use submit_fn::export::{self, ExportError, Format, Selection};
use submit_fn::store;
use time::Date;

/// `submit-fn export`: what the reviewer typed.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Province slug, e.g. kalimantan-barat.
    #[arg(long)]
    province: String,
    /// Only this issue of the province (its slug).
    #[arg(long)]
    issue: Option<String>,
    /// Only proposals submitted on or after this date (YYYY-MM-DD, from 00:00 WIB).
    #[arg(long, value_parser = winner_catalog::clock::parse_date)]
    since: Option<Date>,
    /// csv (comma-separated, UTF-8 with BOM, for spreadsheets) or jsonl (one JSON object per
    /// line).
    #[arg(long, value_enum)]
    format: Format,
    /// Write to this file (created with mode 0600) instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// catalog.json to read instead of CATALOG_PATH (for the form's fields, in order).
    #[arg(long)]
    catalog: Option<PathBuf>,
    /// Items per DynamoDB Query page (default: as many as fit in 1 MB).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1..))]
    page_size: Option<i32>,
}

/// Runs the export; exit 0 on success, 1 on a DynamoDB or write failure, 2 on usage or
/// configuration errors. Only counts and field names go to stderr, never answers.
pub async fn export(args: ExportArgs) -> ExitCode {
    let table = match config::table_name_from_env() {
        Ok(t) => t,
        Err(e) => return report(&e, 2),
    };
    let catalog_path = match args
        .catalog
        .clone()
        .or_else(|| std::env::var_os("CATALOG_PATH").map(PathBuf::from))
    {
        Some(p) => p,
        None => return report(&"CATALOG_PATH is not set (or pass --catalog FILE)", 2),
    };
    let catalog = match submit_fn::load_catalog(&catalog_path) {
        Ok(c) => c,
        Err(e) => return report(&e, 2),
    };
    let selection = Selection {
        province: args.province,
        issue: args.issue,
        since: args.since,
    };
    if let Err(e) = selection.check(&catalog) {
        return report(&e, 2);
    }
    let store = store::Store::new(store::client_from_env().await, table);
    let run = |out| {
        export::export(
            &store,
            &catalog.form,
            &selection,
            args.format,
            args.page_size,
            out,
        )
    };
    let result = match &args.out {
        None => {
            run(BufWriter::new(
                Box::new(std::io::stdout().lock()) as Box<dyn Write>
            ))
            .await
        }
        Some(path) => to_file(path, run).await,
    };
    match result {
        Ok(summary) => {
            if !summary.unknown_fields.is_empty() {
                eprintln!(
                    "submit-fn: note: stored answers to fields that are no longer in the form were left out: {}",
                    summary
                        .unknown_fields
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let to = args
                .out
                .as_deref()
                .map_or("standard output".to_owned(), |p| p.display().to_string());
            let kind = match args.format {
                Format::Csv => format!(
                    "CSV separated by `{}`, UTF-8 with BOM; choose that separator when a spreadsheet asks",
                    export::SEPARATOR
                ),
                Format::Jsonl => "JSON Lines".to_owned(),
            };
            eprintln!(
                "submit-fn: exported {} proposal(s) in {} page(s) to {to} ({kind})",
                summary.rows, summary.pages
            );
            ExitCode::SUCCESS
        }
        Err(e @ ExportError::Selection(_)) => report(&e, 2),
        Err(e) => report(&e, 1),
    }
}

/// Writes through `FILE.part` (mode 0600: it holds personal data) and renames it into place
/// only when the export is complete, so a failed run never leaves a half file under the name
/// the reviewer asked for.
async fn to_file<F, Fut>(path: &Path, run: F) -> Result<export::Summary, ExportError>
where
    F: FnOnce(BufWriter<Box<dyn Write>>) -> Fut,
    Fut: std::future::Future<Output = Result<export::Summary, ExportError>>,
{
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = PathBuf::from(part);
    let file = create_private(&part)?;
    let result = run(BufWriter::new(Box::new(file) as Box<dyn Write>)).await;
    match result {
        Ok(summary) => {
            fs::rename(&part, path)?;
            Ok(summary)
        }
        Err(e) => {
            let _ = fs::remove_file(&part);
            Err(e)
        }
    }
}

fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| {
        std::io::Error::new(e.kind(), format!("cannot create `{}`: {e}", path.display()))
    })
}

/// Prints `submit-fn: <error>` on stderr and returns `code`.
pub fn report(error: &dyn std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("submit-fn: {error}");
    ExitCode::from(code)
}
