#!/usr/bin/env bash
# Benchmark submit-fn (release build) on loopback against moto_server; prints a Markdown table.
#   scripts/bench-submit.sh [N] [--mail]   N sequential + N concurrent submissions (default 200);
#                                          --mail: with the email outbox on (MAIL_FROM, ORGANISER_EMAIL)
#                                          --hold-table: time each sequential submission against an
#                                          emptied table (moto copies the whole table per item of a
#                                          transaction; see submit-fn/examples/bench.rs)
# Figures are recorded in BENCHMARKS.md (## submit-fn).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -p submit-fn --bin submit-fn --example bench
exec target/release/examples/bench "${1:-200}" "${@:2}"
