//! `submit-fn outbox`: drain the outbox locally (`run`, once or in a loop), see the messages not
//! sent yet (`list`; only the parked ones with `--failed`) and put parked ones back in line
//! (`replay`). Also the Lambda outbox handler's set-up, so both use one [`Outbox`]. Only
//! counts, keys, states and error codes are printed, never an address or an answer.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};
use submit_fn::config::{self, MailConfig};
use submit_fn::outbox::deliver::Outbox;
use submit_fn::outbox::ses::{self, Mailer};
use submit_fn::store::{self, MessageStatus, Store};
use time::OffsetDateTime;

use crate::cli::report;

/// `submit-fn outbox ...`.
#[derive(Debug, Args)]
pub struct OutboxArgs {
    #[command(subcommand)]
    command: OutboxCommand,
    /// catalog.json to read instead of CATALOG_PATH (the emails' texts).
    #[arg(long, global = true)]
    catalog: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum OutboxCommand {
    /// Send every message that is due, once, or every few seconds with --loop.
    Run {
        /// Keep draining every --every seconds until stopped.
        #[arg(long = "loop")]
        repeat: bool,
        /// Seconds between drains with --loop.
        #[arg(long, default_value_t = 5)]
        every: u64,
    },
    /// List the messages not sent yet: waiting ones (pending), then parked ones (failed), one
    /// a line: key, state, due, attempts, last error code. Sent messages are not listed.
    List {
        /// Only the parked messages: rejected by SES, out of attempts, or not renderable.
        #[arg(long)]
        failed: bool,
    },
    /// Put parked messages back in line (then `outbox run` sends them).
    Replay {
        /// Message keys as `outbox list --failed` prints them (OUTBOX#<reference>#<kind>).
        #[arg(required_unless_present = "all_failed")]
        keys: Vec<String>,
        /// Every parked message.
        #[arg(long)]
        all_failed: bool,
    },
}

/// The sender from the environment (TABLE_NAME, CATALOG_PATH, MAIL_FROM ...).
pub async fn outbox_from_env(catalog: Option<PathBuf>) -> Result<Outbox, String> {
    let table = config::table_name_from_env().map_err(|e| e.to_string())?;
    let mail = MailConfig::from_env()
        .map_err(|e| e.to_string())?
        .ok_or("MAIL_FROM is not set: the outbox has nothing to send from")?;
    let path = catalog
        .or_else(|| std::env::var_os("CATALOG_PATH").map(PathBuf::from))
        .ok_or("CATALOG_PATH is not set (or pass --catalog FILE)")?;
    let catalog = submit_fn::load_catalog(&path).map_err(|e| e.to_string())?;
    let store = Store::new(store::client_from_env().await, table);
    let mailer = Mailer::new(
        ses::client_from_env().await,
        mail.from.clone(),
        mail.configuration_set.clone(),
    );
    let link = mail
        .submit_url
        .clone()
        .zip(config::server_secret_from_env());
    let outbox = Outbox::new(store, mailer, Arc::new(catalog), mail);
    Ok(match link {
        Some((url, secret)) => outbox.with_link(
            submit_fn::capability::LinkKey::from_server_secret(&secret),
            url,
        ),
        None => outbox,
    })
}

/// Runs `submit-fn outbox ...`: exit 0, 1 on a table failure, 2 on configuration errors.
pub async fn outbox(args: OutboxArgs) -> ExitCode {
    match args.command {
        OutboxCommand::Run { repeat, every } => {
            let outbox = match outbox_from_env(args.catalog).await {
                Ok(o) => o,
                Err(e) => return report(&e, 2),
            };
            loop {
                match outbox.drain(OffsetDateTime::now_utc()).await {
                    Ok(s) if !repeat || s != Default::default() => eprintln!(
                        "submit-fn: outbox: {} sent, {} to retry, {} parked, {} skipped",
                        s.sent, s.retrying, s.parked, s.skipped
                    ),
                    Ok(_) => {}
                    Err(e) if repeat => eprintln!("submit-fn: outbox: {e}"),
                    Err(e) => return report(&e, 1),
                }
                if !repeat {
                    return ExitCode::SUCCESS;
                }
                tokio::time::sleep(Duration::from_secs(every.max(1))).await;
            }
        }
        OutboxCommand::List { failed } => {
            let store = match config::table_name_from_env() {
                Ok(t) => Store::new(store::client_from_env().await, t),
                Err(e) => return report(&e, 2),
            };
            let pending = if failed {
                Vec::new()
            } else {
                match store.pending_messages().await {
                    Ok(list) => list,
                    Err(e) => return report(&e, 1),
                }
            };
            let parked = match store.failed_messages().await {
                Ok(list) => list,
                Err(e) => return report(&e, 1),
            };
            for m in pending.iter().chain(&parked) {
                println!(
                    "{}\t{}\t{}\tattempts={}\t{}",
                    m.pk,
                    if m.status == MessageStatus::Failed {
                        "failed"
                    } else {
                        "pending"
                    },
                    m.due.as_deref().unwrap_or("-"),
                    m.attempts,
                    m.last_error.as_deref().unwrap_or("-")
                );
            }
            if failed {
                eprintln!("submit-fn: {} parked message(s)", parked.len());
            } else {
                eprintln!(
                    "submit-fn: {} waiting, {} parked message(s)",
                    pending.len(),
                    parked.len()
                );
            }
            ExitCode::SUCCESS
        }
        OutboxCommand::Replay { keys, all_failed } => {
            let store = match config::table_name_from_env() {
                Ok(t) => Store::new(store::client_from_env().await, t),
                Err(e) => return report(&e, 2),
            };
            let keys = if all_failed {
                match store.failed_messages().await {
                    Ok(list) => list.into_iter().map(|m| m.pk).collect(),
                    Err(e) => return report(&e, 1),
                }
            } else {
                keys
            };
            let now = store::timestamp(OffsetDateTime::now_utc());
            let mut replayed = 0;
            for k in &keys {
                match store.replay_message(k, &now).await {
                    Ok(true) => replayed += 1,
                    Ok(false) => eprintln!("submit-fn: {k} is not parked; left alone"),
                    Err(e) => return report(&e, 1),
                }
            }
            eprintln!(
                "submit-fn: {replayed} message(s) back in line; `submit-fn outbox run` sends them"
            );
            ExitCode::SUCCESS
        }
    }
}

/// The Lambda outbox handler: a DynamoDB Streams batch (`Records`) is delivered record by
/// record, answering `batchItemFailures`; any other event (the schedule) drains what is due.
pub async fn lambda(outbox: Outbox) -> Result<(), lambda_http::Error> {
    let outbox = &outbox;
    lambda_http::lambda_runtime::run(lambda_http::service_fn(
        move |event: lambda_http::LambdaEvent<serde_json::Value>| async move {
            let now = OffsetDateTime::now_utc();
            if event.payload.get("Records").is_some() {
                let (summary, failures) = outbox.stream_batch(&event.payload, now).await;
                tracing::info!(
                    sent = summary.sent,
                    retrying = summary.retrying,
                    parked = summary.parked,
                    skipped = summary.skipped,
                    "outbox: stream batch"
                );
                let failures: Vec<_> = failures
                    .into_iter()
                    .map(|id| serde_json::json!({ "itemIdentifier": id }))
                    .collect();
                Ok::<_, lambda_http::Error>(serde_json::json!({ "batchItemFailures": failures }))
            } else {
                let s = outbox.drain(now).await?;
                tracing::info!(
                    sent = s.sent,
                    retrying = s.retrying,
                    parked = s.parked,
                    skipped = s.skipped,
                    "outbox: sweep"
                );
                Ok(serde_json::json!({}))
            }
        },
    ))
    .await
}
