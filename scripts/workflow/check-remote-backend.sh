#!/usr/bin/env bash
# Refuses to plan or apply a stack from a workflow when its state is local: a runner's disk is thrown away, so the
# next run would recreate everything. Usage: check-remote-backend.sh cdktf.out/stacks/<name>
set -euo pipefail
stack_dir="$1"
name="$(basename "$stack_dir")"
backend="$(jq -r '.terraform.backend // {} | keys | join(",")' "$stack_dir/cdk.tf.json")"
if [ "$backend" != "azurerm" ]; then
  echo "::error::stack $name keeps its state in backend '${backend:-none}'; set backend.type to azurerm (and the state account of stacks/bootstrap/state.json) in stacks/$name.json before a workflow plans or applies it" >&2
  exit 1
fi
