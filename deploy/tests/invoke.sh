#!/usr/bin/env bash
# Invokes the BUILT Lambda bootstrap (taken out of target/lambda/submit-fn/bootstrap.zip, from
# scripts/lambda-package.sh) the way Lambda does: `cargo lambda watch --only-lambda-apis`
# emulates the Lambda runtime API on a loopback port, the bootstrap polls it, and
# `cargo lambda invoke --data-file` sends each recorded event in submit-fn/tests/fixtures/.
# DynamoDB is a moto_server of its own (scripts/moto.sh), the catalog the test fixture, and
# AS_OF a date inside its proposal window. Every apigw_v2_*.json fixture must have an
# expected status below, so a new fixture cannot be skipped silently.
#
#   deploy/tests/invoke.sh          (builds the zip first when target/lambda/ has none)
#
# Bounded waits only; everything started here is stopped on exit. Exit 0 when every status
# matches, 1 otherwise, 2 on an environment error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.local/deploy-venv"
ZIP="$ROOT/target/lambda/submit-fn/bootstrap.zip"
FIXTURES="$ROOT/submit-fn/tests/fixtures"
declare -A EXPECTED=(
  [apigw_v2_health.json]=200
  [apigw_v2_preflight.json]=204
  [apigw_v2_form_base64.json]=303
  [apigw_v2_json.json]=201
  [apigw_v2_invalid_base64.json]=422
)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'invoke: %s\n' "$*" >&2; exit "${2:-1}"; }

[[ -f $ZIP && -x $VENV/bin/cargo-lambda ]] || "$ROOT/scripts/lambda-package.sh" >&2
[[ -f $ZIP ]] || die "no $ZIP after scripts/lambda-package.sh" 2
export PATH="$VENV/bin:$PATH"

free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WORK="$(mktemp -d)"
MOTO_PORT="$(free_port)"
pids=()
# shellcheck disable=SC2317  # called through the trap
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$ROOT/scripts/moto.sh" stop "$MOTO_PORT" >/dev/null 2>&1 || true
  if [[ $rc -ne 0 ]]; then
    for f in "$WORK"/*.log; do [[ -s $f ]] && { echo "--- $f" >&2; tail -n 15 "$f" | cut -c1-400 >&2; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM

# The bootstrap exactly as deployed: out of the zip.
"$VENV/bin/python" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("bootstrap", sys.argv[2])' "$ZIP" "$WORK"
BOOTSTRAP="$WORK/bootstrap"
chmod +x "$BOOTSTRAP"

"$ROOT/scripts/moto.sh" install
endpoint="$("$ROOT/scripts/moto.sh" start "$MOTO_PORT")"
export AWS_ENDPOINT_URL_DYNAMODB="$endpoint" AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export TABLE_NAME="invoke-$$" CATALOG_PATH="$FIXTURES/catalog.json" \
  SITE_URL=http://127.0.0.1:8080 ALLOWED_ORIGINS=http://127.0.0.1:8080 \
  IP_HASH_SECRET=invoke-test-secret-0123456789abcdef0123 AS_OF=2023-06-01 RUST_LOG=info
# The built binary, outside Lambda, creates its table.
"$BOOTSTRAP" create-table >"$WORK/create-table.log" 2>&1 || die "bootstrap create-table failed"

# The runtime API emulator (run from the crate: cargo lambda reads its metadata).
RT_PORT="$(free_port)"
(cd "$ROOT/submit-fn" && exec cargo lambda watch --only-lambda-apis \
  --invoke-address 127.0.0.1 --invoke-port "$RT_PORT") >"$WORK/watch.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
  grep -q 'starting Runtime server' "$WORK/watch.log" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || die "cargo lambda watch exited"
  sleep 0.1
done
grep -q 'starting Runtime server' "$WORK/watch.log" || die "cargo lambda watch did not start within 30 s"

# The bootstrap, as Lambda starts it (AWS_LAMBDA_RUNTIME_API set: lambda_http::run).
AWS_LAMBDA_RUNTIME_API="http://127.0.0.1:$RT_PORT/.rt" AWS_LAMBDA_FUNCTION_NAME=_ \
  AWS_LAMBDA_FUNCTION_VERSION=1 AWS_LAMBDA_FUNCTION_MEMORY_SIZE=256 \
  "$BOOTSTRAP" >"$WORK/bootstrap.log" 2>&1 &
pids+=($!)

failed=0 count=0
for fixture in "$FIXTURES"/apigw_v2_*.json; do
  name="$(basename "$fixture")"
  want="${EXPECTED[$name]:-}"
  [[ -n $want ]] || { say "FAIL $name: no expected status in deploy/tests/invoke.sh"; failed=1; continue; }
  count=$((count + 1))
  kill -0 "${pids[1]}" 2>/dev/null || die "the bootstrap is not running: $(tail -n 5 "$WORK/bootstrap.log")"
  # A JSON event carries the form's page-load time (`@STARTED_AT@`: a minute ago, in ms).
  sed "s/@STARTED_AT@/$(( $(date +%s%3N) - 60000 ))/" "$fixture" >"$WORK/event.json"
  if ! timeout 30 cargo lambda invoke --invoke-address 127.0.0.1 --invoke-port "$RT_PORT" \
      --data-file "$WORK/event.json" >"$WORK/response.json" 2>"$WORK/invoke.log"; then
    say "FAIL $name: invoke failed: $(tail -n 3 "$WORK/invoke.log")"
    failed=1
    continue
  fi
  got="$("$VENV/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("statusCode"))' "$WORK/response.json" 2>/dev/null || echo '?')"
  if [[ $got == "$want" ]]; then
    say "ok   $name: $got"
  else
    say "FAIL $name: status $got, expected $want: $(head -c 300 "$WORK/response.json")"
    failed=1
  fi
done
(( count == ${#EXPECTED[@]} )) || { say "FAIL: ${#EXPECTED[@]} fixtures expected, $count found"; failed=1; }
grep -q '198.51.100.7' "$WORK/bootstrap.log" && { say "FAIL: the client IP appears in the function's log"; failed=1; }
(( failed == 0 )) && say "the built bootstrap answered all $count events as expected"
exit "$failed"
