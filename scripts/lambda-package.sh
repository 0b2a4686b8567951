#!/usr/bin/env bash
# Builds submit-fn's deployable Lambda package: target/lambda/submit-fn/bootstrap.zip
# (provided.al2023, a `bootstrap` executable, plus catalog.json when --catalog is given).
#
#   scripts/lambda-package.sh [--arm64] [--catalog FILE] [--compiler zig|cargo]
#
#   --catalog FILE   put FILE into the zip as catalog.json (the template's CATALOG_PATH is
#                    /var/task/catalog.json); the deploy workflows pass public/catalog.json
#   --arm64          build for Graviton (aarch64) instead of x86_64; deploy with the template
#                    parameter Architecture=arm64. Needs nothing more with zig (the default).
#   --compiler cargo build with plain cargo instead of zig: only on a host whose glibc is not
#                    newer than Amazon Linux 2023's (2.34), which this script checks
#
# cargo-lambda comes from PyPI (it brings zig), pinned below, in .local/deploy-venv
# (git-ignored). Prints the zip's path and size. Exit codes: 0 built, 1 build or check failed,
# 2 usage or environment error.
set -euo pipefail

CARGO_LAMBDA_VERSION="1.9.2"
# Amazon Linux 2023 ships glibc 2.34: a bootstrap that needs a newer symbol does not start.
MAX_GLIBC="2.34"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.local/deploy-venv"
OUT_DIR="$ROOT/target/lambda/submit-fn"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'lambda-package: %s\n' "$*" >&2; exit "${2:-1}"; }
usage() { sed -n '2,17p' "$0" >&2; exit 2; }

arch=x86_64 catalog="" compiler=zig
while (( $# )); do
  case "$1" in
    --arm64) arch=arm64 ;;
    --x86-64|--x86_64) arch=x86_64 ;;
    --catalog) [[ $# -ge 2 ]] || usage; catalog=$2; shift ;;
    --compiler) [[ $# -ge 2 && $2 =~ ^(zig|cargo)$ ]] || usage; compiler=$2; shift ;;
    -h|--help) usage ;;
    *) printf 'lambda-package: unknown option %s\n' "$1" >&2; usage ;;
  esac
  shift
done
[[ -z $catalog || -f $catalog ]] || die "no such catalog file: $catalog" 2

# cargo-lambda (and zig) from PyPI into the project's deploy venv, once.
installed() {
  [[ -x $VENV/bin/cargo-lambda ]] && "$VENV/bin/python" -c \
    "import importlib.metadata as m, sys; sys.exit(m.version('cargo-lambda') != '$CARGO_LAMBDA_VERSION')" 2>/dev/null
}
if ! installed; then
  mkdir -p "$ROOT/.local"
  exec 9>"$ROOT/.local/deploy-venv.lock"
  flock 9
  if ! installed; then
    command -v python3 >/dev/null || die "python3 is required to install cargo-lambda" 2
    say "pip install cargo-lambda==$CARGO_LAMBDA_VERSION into .local/deploy-venv"
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV" || die "could not create $VENV" 2
    "$VENV/bin/pip" install -q --disable-pip-version-check "cargo-lambda==$CARGO_LAMBDA_VERSION" \
      || die "pip install cargo-lambda==$CARGO_LAMBDA_VERSION failed" 2
  fi
  exec 9>&-
fi
export PATH="$VENV/bin:$PATH"   # cargo finds `cargo-lambda`, cargo-lambda finds `python-zig`

args=(lambda build --release --output-format zip -p submit-fn --compiler "$compiler")
if [[ $arch == arm64 ]]; then
  rustup target list --installed 2>/dev/null | grep -qx aarch64-unknown-linux-gnu \
    || die "the Rust target aarch64-unknown-linux-gnu is missing: rustup target add aarch64-unknown-linux-gnu" 2
  args+=(--arm64)
else
  args+=(--x86-64)
fi
say "cargo ${args[*]}"
t0=$SECONDS
(cd "$ROOT" && cargo "${args[@]}") || die "cargo lambda build failed"
zip="$OUT_DIR/bootstrap.zip"
[[ -f $zip ]] || die "no $zip after the build"

# catalog.json at the root of the zip (cargo lambda's --include keeps the path it is given).
if [[ -n $catalog ]]; then
  "$VENV/bin/python" - "$zip" "$catalog" <<'PY' || die "could not add $catalog to $zip"
import sys, zipfile
zip_path, catalog = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(zip_path) as z:
    if "catalog.json" in z.namelist():
        sys.exit("catalog.json is already in the zip")
info = zipfile.ZipInfo("catalog.json", date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = 0o100644 << 16
info.compress_type = zipfile.ZIP_DEFLATED
with open(catalog, "rb") as f, zipfile.ZipFile(zip_path, "a") as z:
    z.writestr(info, f.read())
PY
fi

# The zip must hold an executable `bootstrap` (and catalog.json when asked for).
listing="$("$VENV/bin/python" - "$zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for i in z.infolist():
        print(i.filename, oct((i.external_attr >> 16) & 0o777))
PY
)"
grep -Eq '^bootstrap 0o7[57][57]$' <<<"$listing" || die "bootstrap.zip has no executable bootstrap:"$'\n'"$listing"
if [[ -n $catalog ]]; then
  grep -q '^catalog.json ' <<<"$listing" || die "bootstrap.zip has no catalog.json:"$'\n'"$listing"
fi

# No glibc symbol newer than Amazon Linux 2023's, checked on the bootstrap inside the zip.
if command -v objdump >/dev/null; then
  unpacked="$(mktemp -d)"
  trap 'rm -rf "$unpacked"' EXIT
  "$VENV/bin/python" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("bootstrap", sys.argv[2])' "$zip" "$unpacked"
  newest="$(objdump -T "$unpacked/bootstrap" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -Vu | tail -n1)"
  if [[ -n $newest ]] && [[ "$(printf '%s\n%s\n' "$newest" "$MAX_GLIBC" | sort -V | tail -n1)" != "$MAX_GLIBC" ]]; then
    die "bootstrap needs GLIBC_$newest, newer than Amazon Linux 2023's $MAX_GLIBC (build with --compiler zig)"
  fi
  say "bootstrap needs glibc ${newest:-(none)} at most (Amazon Linux 2023 has $MAX_GLIBC)"
else
  say "objdump not found: glibc symbol versions not checked"
fi

size=$(stat -c %s "$zip")
say "built in $((SECONDS - t0)) s for $arch: $(tr '\n' ' ' <<<"$listing")"
printf '%s %s bytes (%s KiB)\n' "$zip" "$size" "$((size / 1024))"
