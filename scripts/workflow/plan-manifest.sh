#!/usr/bin/env bash
# Ties a saved plan to what it was made from, so that the apply job applies exactly the reviewed plan.
#   plan-manifest.sh write  <stack dir> <plan exit code>  records commit, run and sha256 of the plan's files
#   plan-manifest.sh verify <stack dir>                   refuses files that changed or came from another commit/run
# A plan whose state changed since it was made is refused by `terraform apply` itself ("Saved plan is stale").
set -euo pipefail
mode="$1"; stack_dir="$2"
files=(cdk.tf.json .terraform.lock.hcl plan.tfplan summary.md)
manifest="$stack_dir/plan-manifest.json"
cd "$stack_dir"
case "$mode" in
  write)
    jq -n --arg commit "${GITHUB_SHA:?}" --arg run "${GITHUB_RUN_ID:?}" --arg exitcode "$3" \
          --arg created "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg sums "$(sha256sum "${files[@]}")" \
          '{commit: $commit, run: $run, planExitCode: ($exitcode | tonumber), created: $created, sha256: $sums}' > plan-manifest.json
    ;;
  verify)
    commit="$(jq -r .commit plan-manifest.json)"; run="$(jq -r .run plan-manifest.json)"
    if [ "$commit" != "${GITHUB_SHA:?}" ] || [ "$run" != "${GITHUB_RUN_ID:?}" ]; then
      echo "::error::this plan was made by run $run from commit $commit, not by this run ($GITHUB_RUN_ID, $GITHUB_SHA); plan again" >&2
      exit 1
    fi
    if ! jq -r .sha256 plan-manifest.json | sha256sum --check --strict --quiet; then
      echo "::error::the plan's files differ from the ones that were planned and reviewed; plan again" >&2
      exit 1
    fi
    echo "plan of run $run, commit $commit: files verified"
    ;;
  *) echo "usage: plan-manifest.sh write <dir> <exit code> | verify <dir>" >&2; exit 2 ;;
esac
