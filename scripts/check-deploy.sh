#!/usr/bin/env bash
# Checks the infrastructure code offline (no network, no AWS account):
#   1. cfn-lint on deploy/template.yaml as written (the plain CloudFormation resources)
#   2. the SAM transform expanded with aws-sam-translator (deploy/tests/sam_expand.py), then
#      cfn-lint on the expanded template (cfn-lint alone does not check SAM resources)
#   3. a self-test: a copy with a bogus SAM event type must be rejected by step 2
#   4. the table in the template equals store::table_definition()
#      (cargo test -p submit-fn --test it template::)
#   5. the runbook (deploy/README.md) names only parameters and outputs the template has
#   6. every workflow in .github/workflows/ with actionlint (scripts/lint-workflows.sh)
#
#   scripts/check-deploy.sh [--no-cargo]     --no-cargo skips step 4 (when cargo test runs it anyway)
#
# aws-sam-translator and cfn-lint come from PyPI, pinned below, in .local/deploy-venv
# (git-ignored). The expanded template is left in .local/deploy/expanded.json for a look.
# Exit codes: 0 all clean, 1 a finding, 2 usage or environment error.
set -euo pipefail

SAM_TRANSLATOR_VERSION="1.115.0"
CFN_LINT_VERSION="1.58.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.local/deploy-venv"
WORK="$ROOT/.local/deploy"
TEMPLATE="deploy/template.yaml"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'check-deploy: %s\n' "$*" >&2; exit 2; }

cargo_check=true
for arg in "$@"; do
  case "$arg" in
    --no-cargo) cargo_check=false ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done

version_ok() { # version_ok DIST VERSION
  "$VENV/bin/python" -c \
    "import importlib.metadata as m, sys; sys.exit(m.version('$1') != '$2')" 2>/dev/null
}
installed() {
  [[ -x $VENV/bin/cfn-lint ]] && version_ok cfn-lint "$CFN_LINT_VERSION" &&
    version_ok aws-sam-translator "$SAM_TRANSLATOR_VERSION"
}
if ! installed; then
  mkdir -p "$ROOT/.local"
  exec 9>"$ROOT/.local/deploy-venv.lock"
  flock 9
  if ! installed; then
    command -v python3 >/dev/null || die "python3 is required"
    say "pip install aws-sam-translator==$SAM_TRANSLATOR_VERSION cfn-lint==$CFN_LINT_VERSION into .local/deploy-venv"
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV" || die "could not create $VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check \
      "aws-sam-translator==$SAM_TRANSLATOR_VERSION" "cfn-lint==$CFN_LINT_VERSION" \
      || die "pip install failed"
  fi
  exec 9>&-
fi

cd "$ROOT"
mkdir -p "$WORK"
failed=0
step() { # step NAME CMD...: run, report, remember a failure, go on
  local name=$1 t0=$SECONDS; shift
  say "$name"
  if "$@"; then
    say "ok: $name ($((SECONDS - t0)) s)"
  else
    say "FAILED: $name"
    failed=1
  fi
}
# Offline: the translator needs a region and never calls AWS with a stub policy loader.
export AWS_DEFAULT_REGION=ap-southeast-3

step "cfn-lint $TEMPLATE" "$VENV/bin/cfn-lint" "$TEMPLATE"
expand_and_lint() {
  "$VENV/bin/python" -B deploy/tests/sam_expand.py "$TEMPLATE" "$WORK/expanded.json" &&
    "$VENV/bin/cfn-lint" "$WORK/expanded.json"
}
step "expand the SAM transform (aws-sam-translator) and cfn-lint the result" expand_and_lint
self_test() {
  sed 's/Type: HttpApi$/Type: HttpApiX/' "$TEMPLATE" >"$WORK/broken.yaml"
  cmp -s "$TEMPLATE" "$WORK/broken.yaml" && { echo "self-test: nothing to break" >&2; return 1; }
  if "$VENV/bin/python" -B deploy/tests/sam_expand.py "$WORK/broken.yaml" "$WORK/broken.json" 2>"$WORK/broken.log"; then
    echo "self-test: a bogus SAM event type was accepted" >&2
    return 1
  fi
  grep -q "HttpApiX" "$WORK/broken.log" || { cat "$WORK/broken.log" >&2; return 1; }
}
step "self-test: the translator rejects a broken copy" self_test
if $cargo_check; then
  step "the template's table is store::table_definition()" \
    cargo test -q -p submit-fn --test it template::
fi
step "the runbook uses the template's parameters and outputs" \
  "$VENV/bin/python" -B deploy/tests/runbook_check.py "$TEMPLATE" deploy/README.md
step "lint the workflows (actionlint)" scripts/lint-workflows.sh

if (( failed )); then
  say "check-deploy: failures above"
  exit 1
fi
say "check-deploy: all clean"
