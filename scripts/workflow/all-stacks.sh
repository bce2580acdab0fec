#!/usr/bin/env bash
# Prints every environment stack (stacks/*.json) as a JSON list, for a workflow matrix.
set -euo pipefail
cd "$(dirname "$0")/../.."
for f in stacks/*.json; do basename "$f" .json; done | jq -R . | jq -cs .
