#!/usr/bin/env bash
# The project's test command (README, .ci/run). On a fresh machine it installs what it needs
# (scripts/setup.sh), then runs:
#   1. cargo fmt --check, cargo clippy -D warnings, cargo test        (both crates, moto for DynamoDB)
#   2. the bundled site, built as of 2023-06-01 (a registration window was open) and as of today
#      (the real clock: the form is closed); two builds must be byte-identical
#   3. page quality over every HTML page of both builds, both languages: Nu Html Checker, axe-core
#      (WCAG 2.2 AA), lychee (internal links and #anchors), 30 KiB budget, no request off this
#      machine, no sideways scrolling at 320 px
#   4. the header and the call to propose on a phone (320 and 390 px), browser end-to-end tests of the proposal form against the real submit-fn and moto (with the emails it
#      sends through the outbox, read back from moto's SES), and
#      of the search page against the real Pagefind index (also under the deployed CSP and
#      without JS), and of the editing studio at /admin/ (Sveltia CMS saving an issue in our
#      layout, then `generator check`), with screenshots in tests/artifacts/screenshots/, and
#      Lighthouse's mobile preset on ten pages (reports in tests/artifacts/lighthouse/)
#   5. deployment: the SAM template expanded and linted offline, the workflows linted, the
#      Lambda zip built and invoked locally with the event fixtures
# and closes with "N passed, N failed" over the checks of steps 1-5 (cargo test prints its own).
#
#   scripts/test.sh            everything
#   scripts/test.sh --quick    skip cargo fmt/clippy/test and the Lambda zip (builds the binaries)
#
# Environment: KEEP_WORK=1 keeps the temporary directory (built sites, logs) for a look.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

quick=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) die "unknown option $arg" ;;
  esac
done

AS_OF_DATE=2023-06-01
ARTIFACTS="$ROOT/tests/artifacts"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/winner-test.XXXXXX")"
LOGS="$ARTIFACTS/logs"
rm -rf "$ARTIFACTS/screenshots" "$ARTIFACTS/pages" "$LOGS"
mkdir -p "$LOGS"

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  trap '' PIPE
  stop_all
  moto_stop_all
  if [[ -n ${KEEP_WORK:-} ]]; then
    note "kept $WORK" 2>/dev/null || true
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Checks run by this script itself (each counts once in the closing line), and the node tests.
passed=0 failed=0
results=()
record() { # record NAME OK|FAIL SECONDS
  if [[ $2 == OK ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  results+=("$(printf '%-4s %-58s %4ss' "$2" "$1" "$3")")
}
# check NAME CMD...: run CMD, record its outcome, never stop the script.
check() {
  local name=$1 t0=$SECONDS; shift
  say "$name"
  if "$@"; then record "$name" OK $((SECONDS - t0)); return 0; fi
  record "$name" FAIL $((SECONDS - t0)); return 1
}
finish() {
  echo
  say "summary"
  printf '    %s\n' "${results[@]}"
  echo
  echo "$passed passed, $failed failed"
  (( failed == 0 ))
}

t_start=$SECONDS
# The free disk, at the start and in the summary: a full disk fails in odd places.
disk_free() { df -h --output=avail "$ROOT" 2>/dev/null | tail -n1 | tr -d ' '; }
note "disk: $(disk_free) free at the start"
say "setup (scripts/setup.sh)"
"$ROOT/scripts/setup.sh"

MOTO_PORT=$(free_port)
say "moto on 127.0.0.1:$MOTO_PORT"
moto_start "$MOTO_PORT"
export_aws_env "$MOTO_PORT"

if ! $quick; then
  check "cargo fmt --all -- --check" cargo fmt --all -- --check || true
  check "cargo clippy --workspace --all-targets -- -D warnings" \
    cargo clippy --workspace --all-targets -- -D warnings || true
  check "cargo test --workspace" cargo test --workspace || true
fi

if ! check "cargo build --workspace" cargo build --workspace; then
  note "no binaries: the site and browser checks cannot run"
  failed=$((failed + 1))
  results+=("FAIL site build, page quality and e2e tests (not run)")
  finish
  exit 1
fi
BIN="$(target_dir)/debug"
GENERATOR="$BIN/generator"
SUBMIT_FN="$BIN/submit-fn"

SITE_PORT=$(free_port)
TODAY_PORT=$(free_port)
FN_PORT=$(free_port)
SITE_URL="http://127.0.0.1:$SITE_PORT"
TODAY_URL="http://127.0.0.1:$TODAY_PORT"
SUBMIT_URL="http://127.0.0.1:$FN_PORT/proposals"

build_site() { # build_site OUT BASE_URL [--as-of DATE]
  local out=$1 base=$2; shift 2
  "$GENERATOR" build --content content --theme themes/default --out "$out" \
    --base-url "$base" --submit-url "$SUBMIT_URL" "$@"
}
if ! check "generator build --as-of $AS_OF_DATE" build_site "$WORK/site" "$SITE_URL" --as-of "$AS_OF_DATE" \
   || ! check "generator build (today, real clock)" build_site "$WORK/site-today" "$TODAY_URL"; then
  failed=$((failed + 1))
  results+=("FAIL page quality and e2e tests (not run: no site)")
  finish
  exit 1
fi
same_output() {
  build_site "$WORK/site-again" "$SITE_URL" --as-of "$AS_OF_DATE" >/dev/null &&
    diff -r "$WORK/site" "$WORK/site-again"
}
check "two builds are byte-identical" same_output || true
note "$(find "$WORK/site" -name '*.html' | wc -l) HTML pages as of $AS_OF_DATE, $(find "$WORK/site-today" -name '*.html' | wc -l) as of today"

# The stack for the browser: the two sites on static servers, submit-fn with its own table.
start_bg "$LOGS/site.log" node "$E2E_DIR/serve.mjs" "$WORK/site" "$SITE_PORT"
wait_http "$SITE_URL/" 30 "$BG_PID"
start_bg "$LOGS/site-today.log" node "$E2E_DIR/serve.mjs" "$WORK/site-today" "$TODAY_PORT"
wait_http "$TODAY_URL/" 30 "$BG_PID"

export TABLE_NAME="winner-e2e-$$"
export CATALOG_PATH="$WORK/site/catalog.json"
export SITE_URL ALLOWED_ORIGINS="$SITE_URL"
export IP_HASH_SECRET="e2e-only-secret-0123456789abcdef0123456789"
export AS_OF="$AS_OF_DATE"
# Mail on (#17): submissions write a receipt and a notice to the outbox; mail.test.mjs drains
# it with `submit-fn outbox run` (E2E_SUBMIT_FN) and reads the messages back from moto's SES.
export E2E_SUBMIT_FN="$SUBMIT_FN"
# The private link (#18): the outbox writes <SUBMIT_URL>/link/<token> into messages to authors.
export SUBMIT_URL
fn_ready=false
say "submit-fn: create-table $TABLE_NAME, serve on 127.0.0.1:$FN_PORT (mail to moto's SES)"
if "$SUBMIT_FN" create-table >"$LOGS/create-table.log" 2>&1 \
   && { export_mail_env "$MOTO_PORT" || { note "could not verify $LOCAL_MAIL_DOMAIN in moto's SES"; false; }; }; then
  start_bg "$LOGS/submit-fn.log" "$SUBMIT_FN" serve --listen "127.0.0.1:$FN_PORT" --catalog "$CATALOG_PATH"
  wait_http "http://127.0.0.1:$FN_PORT/health" 60 "$BG_PID" && fn_ready=true
else
  cat "$LOGS/create-table.log" >&2
fi
$fn_ready || { note "submit-fn did not start (logs in tests/artifacts/logs/); the form tests will fail"; }

say "page quality and browser tests (node --test)"
export E2E_SITE_DIR="$WORK/site" E2E_SITE_URL="$SITE_URL" E2E_SUBMIT_URL="$SUBMIT_URL"
export E2E_AS_OF="$AS_OF_DATE" E2E_ARTIFACTS="$ARTIFACTS" E2E_GENERATOR="$GENERATOR"
E2E_QUALITY_SITES="$(printf '[{"name":"as-of-%s","dir":"%s","url":"%s"},{"name":"today","dir":"%s","url":"%s"}]' \
  "$AS_OF_DATE" "$WORK/site" "$SITE_URL" "$WORK/site-today" "$TODAY_URL")"
export E2E_QUALITY_SITES
t0=$SECONDS
set +e
(cd "$E2E_DIR" && timeout 1500 node --test --test-concurrency=2 --test-reporter=spec \
  harness.test.mjs validators.test.mjs pages.test.mjs phone.test.mjs form-summary.test.mjs form.test.mjs mail.test.mjs private-link.test.mjs search.test.mjs screenshots.test.mjs studio.test.mjs serve-search.test.mjs lighthouse.test.mjs) 2>&1 | tee "$LOGS/node-test.log"
node_rc=${PIPESTATUS[0]}
set -e
node_pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$LOGS/node-test.log" | tail -n1)
node_fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$LOGS/node-test.log" | tail -n1)
node_pass=${node_pass:-0} node_fail=${node_fail:-0}
if (( node_rc != 0 && node_fail == 0 )); then node_fail=1; fi  # crashed before its summary
passed=$((passed + node_pass)) failed=$((failed + node_fail))
results+=("$(printf '%-4s %-58s %4ss' "$([[ $node_fail == 0 ]] && echo OK || echo FAIL)" \
  "node --test: $node_pass passed, $node_fail failed" $((SECONDS - t0)))")

# Deployment (deploy/README.md): the SAM template expanded and linted offline with the
# workflows, then the Lambda zip built in release mode (both cores, so last) and its bootstrap
# invoked through cargo lambda with the committed event fixtures. --quick skips the zip.
check "deploy: template expanded and linted, workflows linted" scripts/check-deploy.sh --no-cargo || true
if ! $quick; then
  check "deploy: Lambda zip built and invoked with the event fixtures" \
    bash -c 'scripts/lambda-package.sh && deploy/tests/invoke.sh' || true
fi

note "screenshots: tests/artifacts/screenshots/, logs: tests/artifacts/logs/ ($((SECONDS - t_start))s in all)"
note "disk: $(disk_free) free at the end"
finish
