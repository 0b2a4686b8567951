#!/usr/bin/env bash
# Load and fault harness for proposal intake (release build, loopback only, bounded; on demand,
# not part of scripts/test.sh). Prints Markdown tables; exits 1 when a target is missed.
#   scripts/bench-faults.sh [N1 [N2]]   run 1: N1 proposals, 32 in flight (default 1000);
#                                       run 2: N2 proposals, 16 in flight, store cut 3 s then
#                                       frozen 8 s (default 300)
# What it does: submit-fn/examples/faults.rs. Figures are recorded in BENCHMARKS.md (## submit-fn).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -p submit-fn --bin submit-fn --example faults
exec target/release/examples/faults "$@"
