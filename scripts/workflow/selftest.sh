#!/usr/bin/env bash
# Tests the workflow helper scripts on fixtures (run by .ci/run; needs bash and jq, as GitHub's runners have):
# the plan summary, the plan manifest refusing tampered or foreign plans, and the remote-backend guard.
set -euo pipefail
cd "$(dirname "$0")/../.."
fixtures=test/resources/workflows
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
fail() { echo "[workflow selftest] FAIL: $*" >&2; exit 1; }

diff -u "$fixtures/plan.expected.md" <(scripts/workflow/plan-summary.sh "$fixtures/plan.json" dev) || fail "plan-summary.sh output changed"

stack="$scratch/stacks/test"; mkdir -p "$stack"
echo '{"terraform":{"backend":{"azurerm":{}}}}' > "$stack/cdk.tf.json"
for f in .terraform.lock.hcl plan.tfplan summary.md; do echo "$f" > "$stack/$f"; done
export GITHUB_SHA=0123456789abcdef0123456789abcdef01234567 GITHUB_RUN_ID=42
scripts/workflow/plan-manifest.sh write "$stack" 2
[ "$(jq .planExitCode "$stack/plan-manifest.json")" = 2 ] || fail "manifest lacks the plan's exit code"
scripts/workflow/plan-manifest.sh verify "$stack" >/dev/null || fail "an untouched plan was refused"
echo tampered >> "$stack/plan.tfplan"
scripts/workflow/plan-manifest.sh verify "$stack" >/dev/null 2>&1 && fail "a changed plan file was accepted"
echo plan.tfplan > "$stack/plan.tfplan"
GITHUB_RUN_ID=43 scripts/workflow/plan-manifest.sh verify "$stack" 2>/dev/null && fail "a plan of another run was accepted"
scripts/workflow/check-remote-backend.sh "$stack" || fail "an azurerm backend was refused"
mkdir -p "$scratch/stacks/dev"; echo '{"terraform":{"backend":{"local":{"path":"x"}}}}' > "$scratch/stacks/dev/cdk.tf.json"
scripts/workflow/check-remote-backend.sh "$scratch/stacks/dev" 2>/dev/null && fail "a local backend was accepted"
echo "[workflow selftest] plan summary, plan manifest and backend guard behave"
