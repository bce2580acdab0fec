#!/usr/bin/env bash
# Measures the README's synth command: cold (empty jsii package cache, no compiled classes) and warm
# (median of 3 runs), and counts resources per synthesized stack. Prints a Markdown table for README.
# Needs the bindings already bootstrapped (run scripts/aoai synth once first; that first run also
# includes the one-time bindings build, measured separately by scripts/bootstrap.sh's own log line).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AOAI_ROOT"
bash scripts/bootstrap.sh
secs() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); awk -v d=$((e - s)) 'BEGIN{printf "%.2f", d/1e9}'; }

rm -rf target "$JSII_RUNTIME_PACKAGE_CACHE_ROOT"
cold=$(secs scripts/aoai synth)
warm=()
for _ in 1 2 3; do warm+=("$(secs scripts/aoai synth)"); done
median=$(printf '%s\n' "${warm[@]}" | sort -n | sed -n 2p)

echo "| measurement | seconds |"
echo "|---|---|"
printf '| synth, cold (compile + empty jsii package cache) | %.1f |\n' "$cold"
printf '| synth, warm (median of 3: %s) | %.1f |\n' "$(printf '%.1f ' "${warm[@]}" | sed 's/ $//')" "$median"
echo
echo "| stack | resources | azapi resources |"
echo "|---|---|---|"
for f in cdktf.out/stacks/*/cdk.tf.json; do
  name=$(basename "$(dirname "$f")")
  node -e '
    const tf = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const r = tf.resource || {};
    let all = 0, azapi = 0;
    for (const [t, v] of Object.entries(r)) { const n = Object.keys(v).length; all += n; if (t.startsWith("azapi_")) azapi += n; }
    console.log(`| ${process.argv[2]} | ${all} | ${azapi} |`);' "$f" "$name"
done
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), node for jsii: $(${JSII_NODE:-node} --version)"
