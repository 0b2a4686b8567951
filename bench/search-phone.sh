#!/usr/bin/env bash
# The search page on a mid-range phone profile (bench/search-phone.mjs): builds the bundled
# site as of 2023-06-01 with the debug generator (same output as release), serves it like the
# static host and CloudFront do (tests/e2e/lib/static-server.mjs, gzip on) and prints the figures. Needs
# scripts/setup.sh (chromium, tests/e2e/node_modules). A benchmark: CI does not run it.
#
#   bench/search-phone.sh [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
cargo build -q -p generator
work=$(mktemp -d "${TMPDIR:-/tmp}/winner-search-phone.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$(target_dir)/debug/generator" build --content content --theme themes/default --out "$work/site" \
  --base-url http://127.0.0.1 --as-of 2023-06-01 >/dev/null
node --input-type=module -e '
import { serveStatic } from "./tests/e2e/lib/static-server.mjs";
import { spawn } from "node:child_process";
// The server answers from this process, so the benchmark runs in another (asynchronously).
const s = await serveStatic(process.argv[1], 0, { gzip: true });
const child = spawn("node", ["bench/search-phone.mjs", s.url, process.argv[2]], { stdio: "inherit" });
const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
await s.close();
process.exit(code);
' "$work/site" "${1:-3}"
