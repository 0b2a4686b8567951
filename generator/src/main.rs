//! `generator`: the command-line entry point. Parses arguments, runs the command, and turns
//! the outcome into the exit code: 0 success, 1 content or input errors (reported), 2 usage or
//! environment errors.

use std::process::ExitCode;

use clap::Parser;
use generator::cli::{self, Cli, Failure};

/// Rendering allocates many small strings and maps from every thread at once; mimalloc's
/// per-thread heaps do that with less CPU than glibc's malloc (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    init_logging();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and succeed; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Content) => ExitCode::from(1),
        Err(Failure::Environment(message)) => {
            // Already labelled in the chosen language by `cli::run`.
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Logs go to stderr; the level comes from `GENERATOR_LOG` (default `info` for this crate).
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("GENERATOR_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("generator=info,warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .without_time()
        .try_init();
}
