//! `submit-fn review set-status`: the organiser records a proposal's status (#18), one at a
//! time or from a CSV file, with who and when; the author is told by email (through the
//! outbox) for the statuses `PUBLIC_STATUSES` names. Prints one line per proposal: its
//! reference, what happened, never an answer or an address.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use submit_fn::config::{self, MailConfig};
use submit_fn::review::{self, Outcome, Request};
use submit_fn::status::{self, Status};
use submit_fn::store::{self, Store};
use time::OffsetDateTime;

use crate::cli::report;

/// `submit-fn review ...`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    command: ReviewCommand,
}

#[derive(Debug, Subcommand)]
enum ReviewCommand {
    /// Set a proposal's status (under_review, shortlisted, not_selected), or many from --csv.
    SetStatus {
        /// The proposal's reference, e.g. WNR-61-7K3Q9X.
        #[arg(required_unless_present = "csv", requires = "status")]
        reference: Option<String>,
        /// under_review, shortlisted or not_selected.
        #[arg(value_parser = parse_status)]
        status: Option<Status>,
        /// A note for the author (shown on the private link's page, sent with public statuses).
        #[arg(long)]
        note: Option<String>,
        /// Who sets it, recorded in the history (default: organiser).
        #[arg(long, default_value = "organiser")]
        by: String,
        /// A CSV file of `reference,status[,note[,by]]` rows (a header row is skipped).
        #[arg(long, conflicts_with_all = ["reference", "status", "note"])]
        csv: Option<PathBuf>,
        /// catalog.json to read instead of CATALOG_PATH (the form's email field, email texts).
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
}

fn parse_status(word: &str) -> Result<Status, String> {
    Status::parse(word)
        .filter(|s| Status::ORGANISER.contains(s))
        .ok_or_else(|| {
            format!(
                "`{word}` is not a status the organiser sets ({})",
                Status::ORGANISER.map(Status::as_str).join(", ")
            )
        })
}

/// Runs `submit-fn review ...`: exit 0 when every status was set, 1 when one was not (or
/// the table failed), 2 on usage or configuration errors.
pub async fn review(args: ReviewArgs) -> ExitCode {
    let ReviewCommand::SetStatus {
        reference,
        status,
        note,
        by,
        csv,
        catalog,
    } = args.command;
    let table = match config::table_name_from_env() {
        Ok(t) => t,
        Err(e) => return report(&e, 2),
    };
    let Some(catalog_path) =
        catalog.or_else(|| std::env::var_os("CATALOG_PATH").map(PathBuf::from))
    else {
        return report(&"CATALOG_PATH is not set (or pass --catalog FILE)", 2);
    };
    let catalog = match submit_fn::load_catalog(&catalog_path) {
        Ok(c) => c,
        Err(e) => return report(&e, 2),
    };
    let mail = match MailConfig::from_env() {
        Ok(m) => m,
        Err(e) => return report(&e, 2),
    };
    let public = match status::public_statuses(config::public_statuses_from_env().as_deref()) {
        Ok(p) => p,
        Err(e) => return report(&e, 2),
    };
    let requests = match (csv, reference, status) {
        (Some(path), _, _) => {
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => return report(&format!("cannot read `{}`: {e}", path.display()), 2),
            };
            match review::rows_from_csv(&text, &by) {
                Ok(rows) => rows,
                Err(e) => return report(&format!("{}: {e}", path.display()), 2),
            }
        }
        (None, Some(reference), Some(status)) => vec![Request {
            reference,
            status,
            note,
            by,
        }],
        _ => return report(&"give REFERENCE STATUS or --csv FILE", 2),
    };
    let store = Store::new(store::client_from_env().await, table);
    let mut failed = 0;
    for r in &requests {
        let outcome = review::set_status(
            &store,
            &catalog,
            mail.as_ref(),
            &public,
            r,
            OffsetDateTime::now_utc(),
        )
        .await;
        let line = match outcome {
            Ok(Outcome::Set { notified: true }) => "set; the author will be told by email",
            Ok(Outcome::Set { notified: false }) if public.contains(&r.status) => {
                "set; no email (email is not configured)"
            }
            Ok(Outcome::Set { notified: false }) => "set; not public, no email",
            Ok(Outcome::NotFound) => {
                failed += 1;
                "not found"
            }
            Ok(Outcome::Withdrawn) => {
                failed += 1;
                "withdrawn by its author; status left alone"
            }
            Ok(Outcome::NotAnOrganiserStatus) => {
                failed += 1;
                "not a status the organiser sets"
            }
            Err(e) => return report(&format!("{}: {e}", r.reference), 1),
        };
        println!("{}\t{}\t{line}", r.reference, r.status.as_str());
    }
    eprintln!(
        "submit-fn: {} of {} status(es) set",
        requests.len() - failed,
        requests.len()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
