#!/usr/bin/env bash
# Markdown summary of a plan (`terraform show -json plan.tfplan`): adds, changes, destroys, and every replacement
# called out by address. Usage: plan-summary.sh plan.json <stack name>
set -euo pipefail
jq -r --arg stack "$2" '
  def addr: "`" + .address + "`";
  [.resource_changes[]? | select(.change.actions != ["no-op"] and .change.actions != ["read"])] as $changes
  | ($changes | map(select(.change.actions | index("delete") and index("create")))) as $replaced
  | ($changes | map(select(.change.actions == ["create"])) | length) as $created
  | ($changes | map(select(.change.actions == ["update"])) | length) as $updated
  | ($changes | map(select(.change.actions == ["delete"])) | length) as $deleted
  | ($replaced | length) as $nreplaced
  | "### Plan for `\($stack)`: \($created + $nreplaced) to add, \($updated) to change, \($deleted + $nreplaced) to destroy\n",
    (if ($changes | length) == 0 then "No changes: the cloud matches the code.\n" else empty end),
    (if $nreplaced > 0 then "**\($nreplaced) replaced (destroyed, then created again; data and identities of these are lost):**\n"
        + ($replaced | map("- " + addr + " (" + (.change.actions | join(" then ")) + ")") | join("\n")) + "\n" else empty end),
    (if ($changes | length) > 0 then "<details><summary>All \($changes | length) changes</summary>\n\n| action | resource |\n|---|---|\n"
        + ($changes | map("| " + (.change.actions | join(", ")) + " | " + addr + " |") | join("\n")) + "\n\n</details>\n" else empty end),
    (if (.output_changes // {} | to_entries | map(select(.value.actions != ["no-op"])) | length) > 0
        then "Outputs changed: " + (.output_changes | to_entries | map(select(.value.actions != ["no-op"]) | "`" + .key + "`") | join(", ")) + "\n" else empty end)
' "$1"
