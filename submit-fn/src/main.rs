//! `submit-fn`: inside AWS Lambda (`AWS_LAMBDA_RUNTIME_API` set) it runs the app under
//! `lambda_http::run`; elsewhere `submit-fn serve` serves the same app locally and
//! `submit-fn create-table` creates the table from the one definition in `store`, and
//! `submit-fn export` writes a province's proposals for reviewers (`cli.rs`, `export.rs`).
//!
//! Exit codes: 0 success, 1 runtime failure, 2 usage or configuration errors.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use submit_fn::config::{self, Config};
use submit_fn::store::{self, Store};
use submit_fn::{AppState, StartError, app, load_catalog, logging};

mod cli;
mod cli_outbox;
mod cli_review;
use cli::report;

/// Accepts Kompetisi WiNNER proposals into DynamoDB.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the app on a local address (the same router as in Lambda).
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:3000")]
        listen: SocketAddr,
        /// catalog.json to read instead of CATALOG_PATH.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// Create the DynamoDB table TABLE_NAME from the production definition.
    CreateTable,
    /// Export a province's proposals (every answer) for reviewers, as CSV or JSON Lines.
    Export(cli::ExportArgs),
    /// The email outbox: send due messages, list and replay parked ones.
    Outbox(cli_outbox::OutboxArgs),
    /// The organiser's side: set a proposal's status (one, or many from a CSV file).
    Review(cli_review::ReviewArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
    if config::in_lambda() {
        logging::init(true, config::rust_log().as_deref());
        // The template's OutboxFunction runs this binary with Handler `outbox`.
        if std::env::var("_HANDLER").as_deref() == Ok("outbox") {
            let outbox = match cli_outbox::outbox_from_env(None).await {
                Ok(o) => o,
                Err(e) => return report(&e, 2),
            };
            return match cli_outbox::lambda(outbox).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => report(&e, 1),
            };
        }
        let state = match state(None).await {
            Ok(s) => s,
            Err(e) => return report(&e, 2),
        };
        return match lambda_http::run(app(state)).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => report(&e, 1),
        };
    }
    let cli = Cli::parse();
    logging::init(false, config::rust_log().as_deref());
    match cli.command {
        Command::Serve { listen, catalog } => {
            let state = match state(catalog).await {
                Ok(s) => s,
                Err(e) => return report(&e, 2),
            };
            let listener = match tokio::net::TcpListener::bind(listen).await {
                Ok(l) => l,
                Err(e) => return report(&format!("cannot listen on {listen}: {e}"), 2),
            };
            match listener.local_addr() {
                Ok(addr) => println!("submit-fn listening on http://{addr}"),
                Err(e) => return report(&e, 1),
            }
            match submit_fn::serve(listener, app(state)).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => report(&e, 1),
            }
        }
        Command::CreateTable => {
            let table = match config::table_name_from_env() {
                Ok(t) => t,
                Err(e) => return report(&e, 2),
            };
            let client = store::client_from_env().await;
            match store::create_table(&client, &table).await {
                Ok(()) => {
                    println!("created table {table}");
                    ExitCode::SUCCESS
                }
                Err(e) => report(&e, 1),
            }
        }
        Command::Export(args) => cli::export(args).await,
        Command::Outbox(args) => cli_outbox::outbox(args).await,
        Command::Review(args) => cli_review::review(args).await,
    }
}

/// Configuration, catalog and clients, built once.
async fn state(catalog: Option<PathBuf>) -> Result<AppState, StartError> {
    let config = Config::from_env(catalog)?;
    let catalog = load_catalog(&config.catalog_path)?;
    let client = store::client_from_env().await;
    let store = Store::new(client, config.table_name.clone());
    let state = AppState::new(config, catalog, store);
    // With MAIL_FROM set, each new proposal is written with its messages (the outbox sends).
    Ok(match config::MailConfig::from_env()? {
        Some(mail) => state.with_mail(mail),
        None => state,
    })
}
