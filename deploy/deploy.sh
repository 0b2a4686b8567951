#!/usr/bin/env bash
# Deploys and publishes Kompetisi WiNNER with the AWS CLI; the workflows and the runbook
# (deploy/README.md) call these same commands.
#
#   deploy/deploy.sh stack [Name=Value ...]   package deploy/template.yaml (uploads the zip from
#                                             scripts/lambda-package.sh) and deploy the stack;
#                                             parameters not given keep their current values
#   deploy/deploy.sh params Name=Value ...    change parameters only (same template and code,
#                                             others unchanged) and wait for the update
#   deploy/deploy.sh outputs                  the stack's outputs as NAME=value lines
#                                             (SiteUrl, SubmitUrl, SiteBucketName, DistributionId ...)
#   deploy/deploy.sh catalog-changed FILE     exit 0 if FILE differs from the published catalog.json
#                                             (or none is published), 1 if it is the same
#   deploy/deploy.sh publish DIR              upload a built site: static/ and media/ (both
#                                             fingerprinted) with a year of cache first, then
#                                             everything else with 5 minutes and --delete, then
#                                             invalidate CloudFront
#
# Environment: STACK_NAME (default winner-prod), AWS_REGION, and for `stack` ARTIFACT_BUCKET
# (an S3 bucket of yours for deployment packages). DRY_RUN=1 prints the AWS calls instead of
# making them (read-only calls still run). Exit codes: 0 success, 1 failure, 2 usage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_NAME="${STACK_NAME:-winner-prod}"
ZIP="$ROOT/target/lambda/submit-fn/bootstrap.zip"
ASSET_CACHE="public, max-age=31536000, immutable"
PAGE_CACHE="public, max-age=300, must-revalidate"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'deploy: %s\n' "$*" >&2; exit "${2:-1}"; }
usage() { sed -n '2,23p' "$0" >&2; exit 2; }
run() { # run CMD...: a call that changes something
  if [[ -n ${DRY_RUN:-} ]]; then printf 'DRY_RUN:'; printf ' %q' "$@"; printf '\n'; else "$@"; fi
}
command -v aws >/dev/null || die "the AWS CLI (aws) is required" 2

output() { # output NAME: one stack output
  aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

cmd_stack() {
  [[ -n ${ARTIFACT_BUCKET:-} ]] || die "set ARTIFACT_BUCKET (an S3 bucket for deployment packages)" 2
  [[ -f $ZIP ]] || die "no $ZIP: run scripts/lambda-package.sh --catalog public/catalog.json first" 2
  local packaged
  packaged="$(mktemp --suffix .yaml)"
  trap 'rm -f "$packaged"' RETURN
  say "package: upload the zip to s3://$ARTIFACT_BUCKET/$STACK_NAME/"
  run aws cloudformation package --template-file "$ROOT/deploy/template.yaml" \
    --s3-bucket "$ARTIFACT_BUCKET" --s3-prefix "$STACK_NAME" --output-template-file "$packaged"
  say "deploy stack $STACK_NAME"
  local overrides=()
  (( $# )) && overrides=(--parameter-overrides "$@")
  run aws cloudformation deploy --template-file "$packaged" --stack-name "$STACK_NAME" \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
    "${overrides[@]}"
}

cmd_params() {
  (( $# )) || usage
  local given=() p key args=()
  for p in "$@"; do
    [[ $p == *=* ]] || die "expected Name=Value, got $p" 2
    given+=("${p%%=*}")
    args+=("ParameterKey=${p%%=*},ParameterValue=${p#*=}")
  done
  for key in $(aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
      --query 'Stacks[0].Parameters[].ParameterKey' --output text); do
    [[ " ${given[*]} " == *" $key "* ]] || args+=("ParameterKey=$key,UsePreviousValue=true")
  done
  say "update $STACK_NAME: $*"
  run aws cloudformation update-stack --stack-name "$STACK_NAME" --use-previous-template \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameters "${args[@]}"
  run aws cloudformation wait stack-update-complete --stack-name "$STACK_NAME"
}

cmd_outputs() {
  aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
    --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text |
    awk -F '\t' '{ print $1 "=" $2 }'
}

cmd_catalog_changed() {
  local file=$1 bucket published
  [[ -f $file ]] || die "no such file: $file" 2
  bucket="$(output SiteBucketName)"
  published="$(mktemp)"
  trap 'rm -f "$published"' RETURN
  if ! aws s3 cp --quiet "s3://$bucket/catalog.json" "$published" 2>/dev/null; then
    say "no catalog.json published yet"
    return 0
  fi
  if cmp -s "$file" "$published"; then
    say "catalog.json is unchanged"
    return 1
  fi
  say "catalog.json changed"
  return 0
}

cmd_publish() {
  local dir=${1%/} bucket distribution
  [[ -f $dir/index.html && -f $dir/404.html ]] || die "$dir does not look like a built site (index.html, 404.html)" 2
  bucket="$(output SiteBucketName)"
  distribution="$(output DistributionId)"
  [[ -n $bucket && $bucket != None && -n $distribution && $distribution != None ]] \
    || die "stack $STACK_NAME has no SiteBucketName/DistributionId output"
  # Assets first, so that no new page refers to an asset that is not there yet. Old
  # fingerprinted assets stay (pages cached for 5 minutes may still ask for them); the
  # bucket's lifecycle rule removes overwritten versions after 30 days.
  # static/ holds the theme's files, media/ the editors' images and documents: both are
  # published under names that carry their content hash.
  local fingerprinted
  for fingerprinted in static media; do
    [[ -d $dir/$fingerprinted ]] || continue
    say "upload $dir/$fingerprinted/ (Cache-Control: $ASSET_CACHE)"
    run aws s3 sync "$dir/$fingerprinted" "s3://$bucket/$fingerprinted" --cache-control "$ASSET_CACHE" --no-progress
  done
  say "upload the pages (Cache-Control: $PAGE_CACHE), delete what the build no longer has"
  run aws s3 sync "$dir" "s3://$bucket" --exclude 'static/*' --exclude 'media/*' --delete \
    --cache-control "$PAGE_CACHE" --no-progress
  say "invalidate CloudFront $distribution"
  run aws cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' \
    --query 'Invalidation.Id' --output text
}

case "${1:-}" in
  stack) shift; cmd_stack "$@" ;;
  params) shift; cmd_params "$@" ;;
  outputs) [[ $# -eq 1 ]] || usage; cmd_outputs ;;
  catalog-changed) [[ $# -eq 2 ]] || usage; cmd_catalog_changed "$2" ;;
  publish) [[ $# -eq 2 ]] || usage; cmd_publish "$2" ;;
  *) usage ;;
esac
