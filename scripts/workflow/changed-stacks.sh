#!/usr/bin/env bash
# Prints, as a JSON list, the environment stacks whose synthesized JSON differs between <base commit> and the
# working tree's cdktf.out (run scripts/aoai synth first). A stack the base cannot synthesize counts as changed.
# Usage: scripts/workflow/changed-stacks.sh <base commit>
set -euo pipefail
cd "$(dirname "$0")/../.."
base="$1"
scratch="$(mktemp -d)"
trap 'git worktree remove --force "$scratch/tree" >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
git worktree add --quiet --detach "$scratch/tree" "$base"
(cd "$scratch/tree" && CDKTF_OUTDIR="$scratch/out" scripts/aoai synth >&2) || echo "base $base does not synthesize; every stack counts as changed" >&2
changed=()
for f in stacks/*.json; do
  name="$(basename "$f" .json)"
  old="$scratch/out/stacks/$name/cdk.tf.json"
  if [ ! -f "$old" ] || ! cmp -s <(jq -S . "$old") <(jq -S . "cdktf.out/stacks/$name/cdk.tf.json"); then changed+=("$name"); fi
done
printf '%s\n' "${changed[@]}" | jq -R . | jq -cs 'map(select(. != ""))'
