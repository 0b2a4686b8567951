#!/usr/bin/env bash
# A local DynamoDB API for development and tests: moto_server in a project-local virtualenv.
#
#   scripts/moto.sh install        create .local/venv with moto[dynamodb]==5.2.5 (idempotent)
#   scripts/moto.sh start PORT     start moto_server on 127.0.0.1:PORT in the background, wait
#                                  until it answers, write .local/moto-PORT.pid, print the endpoint
#   scripts/moto.sh stop PORT      stop the server started by `start PORT`
#
# Exit codes: 0 success, 1 failure (message on stderr), 2 usage.
set -euo pipefail

MOTO_VERSION="5.2.5"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
VENV="$LOCAL/venv"
MOTO="$VENV/bin/moto_server"

die() { echo "moto.sh: $*" >&2; exit 1; }
usage() { echo "usage: scripts/moto.sh install | start PORT | stop PORT" >&2; exit 2; }

check_port() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || usage
}

install() {
  if [[ -x "$MOTO" ]] && "$VENV/bin/python" -c \
      "import importlib.metadata as m, sys; sys.exit(m.version('moto') != '$MOTO_VERSION')" 2>/dev/null; then
    return 0
  fi
  mkdir -p "$LOCAL"
  # Another process (a parallel test harness) may be installing at the same time: take a lock.
  exec 9>"$LOCAL/moto-install.lock"
  flock 9
  if [[ -x "$MOTO" ]] && "$VENV/bin/python" -c \
      "import importlib.metadata as m, sys; sys.exit(m.version('moto') != '$MOTO_VERSION')" 2>/dev/null; then
    return 0
  fi
  local python="${PYTHON:-python3}"
  command -v "$python" >/dev/null || die "python3 not found (set PYTHON=...)"
  [[ -d "$VENV" ]] || "$python" -m venv "$VENV" || die "could not create $VENV"
  "$VENV/bin/pip" install -q "moto[dynamodb]==$MOTO_VERSION" flask flask-cors \
    || die "pip install of moto[dynamodb]==$MOTO_VERSION failed"
  [[ -x "$MOTO" ]] || die "$MOTO missing after install"
  echo "moto.sh: installed moto $MOTO_VERSION into $VENV" >&2
}

ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/moto-api/" ; }

start() {
  local port="$1" pidfile="$LOCAL/moto-$1.pid" log="$LOCAL/moto-$1.log"
  [[ -x "$MOTO" ]] || die "moto is not installed: run scripts/moto.sh install"
  mkdir -p "$LOCAL"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    ready "$port" || die "pid $(cat "$pidfile") from $pidfile is running but port $port does not answer"
    echo "http://127.0.0.1:$port"
    return 0
  fi
  ready "$port" && die "port $port is already in use by another process"
  nohup "$MOTO" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
  local pid=$!
  echo "$pid" >"$pidfile"
  for _ in $(seq 1 150); do
    if ready "$port"; then
      echo "http://127.0.0.1:$port"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; die "moto_server exited; see $log"; }
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  die "moto_server did not answer on 127.0.0.1:$port within 15 s; see $log"
}

stop() {
  local port="$1" pidfile="$LOCAL/moto-$1.pid"
  [[ -f "$pidfile" ]] || { echo "moto.sh: no $pidfile, nothing to stop" >&2; return 0; }
  local pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  install) [[ $# -eq 1 ]] || usage; install ;;
  start) [[ $# -eq 2 ]] || usage; check_port "$2"; start "$2" ;;
  stop) [[ $# -eq 2 ]] || usage; check_port "$2"; stop "$2" ;;
  *) usage ;;
esac
