#!/usr/bin/env bash
# The whole local stack in one command:
#
#   scripts/dev.sh              site on http://127.0.0.1:8080/ (live reload), submit-fn on
#                               http://127.0.0.1:3000/, moto (DynamoDB API) on 127.0.0.1:8000,
#                               all "as of" 2023-06-01; Ctrl-C stops everything
#   scripts/dev.sh --today      the same with the real clock (AS_OF= scripts/dev.sh does too):
#                               the bundled 2023 windows are past, so the form is closed
#   scripts/dev.sh proposals    print the proposals stored by the running stack (JSON, from moto)
#
# Why 2023-06-01: the bundled content tells the real 2023 edition, whose registration windows are
# over. On that date wave II registration was open (Kalimantan Barat, Sulawesi Selatan), so the
# form can be tried end to end without inventing a window. AS_OF=YYYY-MM-DD picks another date.
# Ports: SITE_PORT (8080), FN_PORT (3000), STUDIO_PORT (8081, the editing studio at /admin/),
# MOTO_PORT (8000, or a free port when taken).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DEV="$LOCAL/dev"
STATE="$DEV/state"
TABLE="winner-dev"

proposals() {
  [[ -f $STATE ]] || die "the stack is not running (start it with scripts/dev.sh)"
  # shellcheck disable=SC1090
  source "$STATE"
  curl -fsS "http://127.0.0.1:$MOTO_PORT/" \
    -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: DynamoDB_20120810.Scan' \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=test/20230601/$AWS_REGION/dynamodb/aws4_request, SignedHeaders=host, Signature=0" \
    -d "{\"TableName\":\"$TABLE\"}" | python3 -c '
import json, sys
def plain(av):
    (t, v), = av.items()
    if t == "M": return {k: plain(x) for k, x in v.items()}
    if t == "L": return [plain(x) for x in v]
    if t == "N": return float(v) if "." in v else int(v)
    return v
items = [{k: plain(v) for k, v in it.items()} for it in json.load(sys.stdin)["Items"]]
proposals = sorted((i for i in items if i.get("entity") == "proposal"), key=lambda i: i.get("submitted_at", ""))
json.dump(proposals, sys.stdout, ensure_ascii=False, indent=2)
print(flush=True)
print(f"{len(proposals)} proposal(s) in table '"$TABLE"'", file=sys.stderr)
'
}

as_of=${AS_OF-2023-06-01}
case "${1:-}" in
  proposals) proposals; exit 0 ;;
  --today) as_of="" ;;
  "") ;;
  -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
  *) die "unknown argument $1 (see scripts/dev.sh --help)" ;;
esac

SITE_PORT=${SITE_PORT:-8080}
FN_PORT=${FN_PORT:-3000}
STUDIO_PORT=${STUDIO_PORT:-8081}
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$SITE_PORT" "$FN_PORT" "$STUDIO_PORT"; do
  port_busy "$p" && die "port $p is in use (another scripts/dev.sh?); set SITE_PORT / FN_PORT / STUDIO_PORT"
done
if [[ -z ${MOTO_PORT:-} ]]; then
  MOTO_PORT=8000
  port_busy "$MOTO_PORT" && MOTO_PORT=$(free_port)
fi

mkdir -p "$DEV"
cleanup() {
  trap - EXIT INT TERM
  # Stop first, print last: after Ctrl-C a pipe reader (`scripts/dev.sh | tee log`) may be gone.
  trap '' PIPE
  stop_all
  moto_stop_all
  rm -f "$STATE"
  { echo; say "stopped"; } 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "setup (moto)"
"$ROOT/scripts/setup.sh" --stack

say "cargo build --workspace (debug build: quick to compile, shared with cargo test)"
cargo build --workspace
BIN="$(target_dir)/debug"

say "moto on 127.0.0.1:$MOTO_PORT"
moto_start "$MOTO_PORT"
export_aws_env "$MOTO_PORT"

SITE_URL="http://127.0.0.1:$SITE_PORT"
SUBMIT_URL="http://127.0.0.1:$FN_PORT/proposals"
as_of_args=()
[[ -n $as_of ]] && as_of_args=(--as-of "$as_of")

# submit-fn reads catalog.json, which a build writes; `generator serve` rebuilds on its own.
say "generator build (for submit-fn's catalog.json) as of ${as_of:-today}"
"$BIN/generator" build --content content --theme themes/default --out "$DEV/site" \
  --base-url "$SITE_URL" --submit-url "$SUBMIT_URL" "${as_of_args[@]}"

export TABLE_NAME="$TABLE"
export CATALOG_PATH="$DEV/site/catalog.json"
export SITE_URL ALLOWED_ORIGINS="$SITE_URL"
export IP_HASH_SECRET="local-development-only-0123456789abcdef"
export AS_OF="$as_of"
say "submit-fn create-table ($TABLE)"
"$BIN/submit-fn" create-table
# The local email outbox (#17): moto's SES v2 takes the mail (scripts/lib.sh).
export_mail_env "$MOTO_PORT" || say "could not verify $LOCAL_MAIL_DOMAIN in moto's SES"
# The private link (#18) in receipts: <SUBMIT_URL>/link/<token>, served by the submit-fn below.
export SUBMIT_URL

say "submit-fn serve on 127.0.0.1:$FN_PORT"
start_bg "$DEV/submit-fn.log" "$BIN/submit-fn" serve --listen "127.0.0.1:$FN_PORT" --catalog "$CATALOG_PATH"
fn_pid=$BG_PID
wait_http "http://127.0.0.1:$FN_PORT/health" 60 "$fn_pid" || { tail -n 20 "$DEV/submit-fn.log" >&2; exit 1; }

say "generator serve on 127.0.0.1:$SITE_PORT"
start_bg "$DEV/generator.log" "$BIN/generator" serve --port "$SITE_PORT" --submit-url "$SUBMIT_URL" "${as_of_args[@]}"
site_pid=$BG_PID
wait_http "$SITE_URL/" 120 "$site_pid" || { tail -n 20 "$DEV/generator.log" >&2; exit 1; }

say "submit-fn outbox run --loop (the local email outbox)"
start_bg "$DEV/outbox.log" "$BIN/submit-fn" outbox run --loop --every 2 --catalog "$CATALOG_PATH"

say "editing studio on 127.0.0.1:$STUDIO_PORT/admin/ (generator studio, docs/studio.md)"
"$BIN/generator" studio --out "$DEV/studio/admin"
start_bg "$DEV/studio.log" python3 -m http.server --bind 127.0.0.1 --directory "$DEV/studio" "$STUDIO_PORT"
studio_pid=$BG_PID
wait_http "http://127.0.0.1:$STUDIO_PORT/admin/" 30 "$studio_pid" || { tail -n 20 "$DEV/studio.log" >&2; exit 1; }

printf 'MOTO_PORT=%s\nAWS_REGION=%s\n' "$MOTO_PORT" "$AWS_REGION" > "$STATE"

cat <<EOF

  WiNNER local stack, as of ${as_of:-today (real clock)}
    site        $SITE_URL/            (English: $SITE_URL/en/; live reload on content/theme edits)
    the form    $SITE_URL/ajukan/
    studio      http://127.0.0.1:$STUDIO_PORT/admin/  (Chromium: "Work with Local Repository",
                pick this clone's folder; saves write content/ and serve rebuilds the site)
    submit-fn   http://127.0.0.1:$FN_PORT/proposals  (health: http://127.0.0.1:$FN_PORT/health)
    DynamoDB    http://127.0.0.1:$MOTO_PORT (moto), table $TABLE
    email       sent by \`submit-fn outbox run --loop\` to moto's SES: http://127.0.0.1:$MOTO_PORT/moto-api/data.json ("ses" / "Message")
    logs        .local/dev/submit-fn.log, .local/dev/outbox.log, .local/dev/generator.log, .local/moto-$MOTO_PORT.log

  Stored proposals:  scripts/dev.sh proposals
  (submit-fn read catalog.json at start: after adding a province or issue, restart this script)
  Ctrl-C stops everything.

EOF

# Run until Ctrl-C or until one of the servers dies.
set +e
wait -n "$fn_pid" "$site_pid" "$studio_pid"
rc=$?
set -e
for pid in "$fn_pid" "$site_pid" "$studio_pid"; do
  kill -0 "$pid" 2>/dev/null || say "a server stopped (pid $pid, exit $rc); see .local/dev/*.log"
done
exit 1
