#!/usr/bin/env bash
# Measures the README's synth command (`scripts/aoai synth`, all stacks) against a baseline commit in the
# same run, and prints Markdown tables for README:
#  - warm synth time, this checkout vs the baseline (a `git worktree` of it), interleaved runs, medians, ratio;
#  - the peak memory of the largest process and of each process (JVM, jsii's two node processes);
#  - the first run after a clean checkout (compile + empty jsii package cache; bindings already installed);
#  - synth time per extra department and per extra region, from generated configs (dev.json with 50
#    departments, and with 8 regions);
#  - resources per stack.
# The baseline gets its own AOAI_CACHE_DIR so its jsii package cache is really the old (eager) one; both use
# the binding jars in the same Maven repository (the script says whether those load lazily by themselves).
#
#   scripts/bench-synth.sh [BASELINE_COMMIT]   default: c643df0, the last commit before issue 13
#   AOAI_BENCH_RUNS=N                          runs per measurement (default 5)
#   AOAI_BENCH_TESTS=1                         also time `scripts/aoai test` against the baseline (2 pairs)
# Needs the bindings bootstrapped (scripts/aoai synth once), GNU time (/usr/bin/time), git and node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AOAI_ROOT"
baseline_commit="${1:-c643df0}"
runs="${AOAI_BENCH_RUNS:-5}"
node_bin="${JSII_NODE:-node}"
export JSII_NODE="$node_bin"        # the baseline's bootstrap then reuses this Node instead of installing one

scratch="$(mktemp -d)"
baseline="$scratch/baseline"
cleanup() { git worktree remove --force "$baseline" >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT
git worktree add --detach "$baseline" "$baseline_commit" >/dev/null 2>&1

# Each side synthesizes in its own checkout; the baseline with its own (empty, then eager) package cache.
new_cmd=(scripts/aoai synth)
base_cmd=(env -C "$baseline" "AOAI_CACHE_DIR=$scratch/baseline-cache" scripts/aoai synth)
new_synth()  { "${new_cmd[@]}"; }
base_synth() { "${base_cmd[@]}"; }
millis() {
  local s e; s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  e=$(date +%s%N); echo $(((e - s) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
list() { local out=""; for ms in "$@"; do out+="$(secs "$ms") "; done; echo "${out% }"; }

# Peak resident memory (VmHWM) of every process under $1, sampled every 50 ms, printed as "pid KiB role".
sample_peaks() {
  local root="$1" pid role
  while kill -0 "$root" 2>/dev/null; do
    ps -e -o pid=,ppid=,comm=,args= | awk -v root="$root" '
      { pid = $1; parent[pid] = $2; $1 = $2 = ""; sub(/^ +/, ""); args[pid] = $0 }
      END { for (p in parent) { q = p; while (q in parent && q != root) q = parent[q]; if (q == root) print p, args[p] } }' |
    while read -r pid role; do
      case "$role" in
        "java "*) role=JVM ;; "node "*program.js*) role="node (jsii kernel)" ;; "node "*jsii-runtime*) role="node (jsii wrapper)" ;;
        *) continue ;;
      esac
      awk -v p="$pid" -v r="$role" '/^VmHWM:/ { print p, $2, r }' "/proc/$pid/status" 2>/dev/null || true
    done
    sleep 0.05
  done
}
# Runs a synth under GNU time (its max RSS is that of the largest process in the tree) while sampling the
# peak of each process; prints "largest_KiB|JVM KiB|kernel KiB|wrapper KiB".
measure_memory() {
  local log="$scratch/peaks.$RANDOM" largest
  /usr/bin/time -f '%M' -o "$scratch/maxrss" "$@" >/dev/null 2>&1 &
  sample_peaks $! > "$log"
  wait
  largest=$(cat "$scratch/maxrss")
  for role in "JVM" "node (jsii kernel)" "node (jsii wrapper)"; do
    largest+="|$(awk -v r="$role" '{ p = $1; k = $2; $1 = $2 = ""; sub(/^ +/, ""); if ($0 == r && k > max[p]) max[p] = k }
                                  END { for (p in max) if (max[p] > m) m = max[p]; print m + 0 }' "$log")"
  done
  echo "$largest"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

echo "warming up both checkouts (compile, package caches)..." >&2
new_synth >/dev/null 2>&1
base_synth >/dev/null 2>&1 || { echo "the baseline $baseline_commit does not synthesize" >&2; exit 1; }
new_synth >/dev/null 2>&1; base_synth >/dev/null 2>&1

identical=yes
for f in cdktf.out/stacks/*/cdk.tf.json; do cmp -s "$f" "$baseline/$f" || identical="NO: $f differs"; done
[ "$(ls "$baseline"/cdktf.out/stacks | wc -l)" = "$(ls cdktf.out/stacks | wc -l)" ] || identical="NO: other stacks"

echo "timing $runs interleaved pairs..." >&2
base_ms=(); new_ms=()
for i in $(seq "$runs"); do
  if [ $((i % 2)) = 1 ]; then base_ms+=("$(millis base_synth)"); new_ms+=("$(millis new_synth)")
  else new_ms+=("$(millis new_synth)"); base_ms+=("$(millis base_synth)"); fi
done
base_median=$(median "${base_ms[@]}"); new_median=$(median "${new_ms[@]}")

echo "measuring peak memory..." >&2
IFS='|' read -r base_max base_jvm base_kernel base_wrapper <<< "$(measure_memory "${base_cmd[@]}")"
IFS='|' read -r new_max new_jvm new_kernel new_wrapper <<< "$(measure_memory "${new_cmd[@]}")"

echo "timing a first run (no compiled classes, empty jsii package cache)..." >&2
rm -rf target
first_ms=$(export AOAI_CACHE_DIR="$scratch/first-run-cache"; millis new_synth)
new_synth >/dev/null 2>&1

echo "timing generated configs (departments, regions)..." >&2
gen() {  # gen DIR DEPARTMENTS REGIONS: dev.json with that many departments and OpenAI regions
  mkdir -p "$1"; cp -r stacks/pricing "$1/"
  "$node_bin" -e '
    const [file, depts, regions] = [process.argv[1], +process.argv[2], +process.argv[3]];
    const c = JSON.parse(require("fs").readFileSync("stacks/dev.json", "utf8"));
    const pool = ["japaneast", "eastus", "swedencentral", "westeurope", "francecentral", "uksouth",
                  "australiaeast", "canadaeast", "eastus2", "westus3"];
    c.openAi.regions = pool.slice(0, regions);
    const model = c.departments[0];
    c.departments = Array.from({ length: depts }, (_, i) => ({ ...model,
      name: "dept-" + String(i + 1).padStart(2, "0"), displayName: "Department " + (i + 1),
      costCenter: "CC-" + (5000 + i) }));
    require("fs").writeFileSync(file, JSON.stringify(c, null, 2));' "$1/dev.json" "$2" "$3"
}
base_departments=$("$node_bin" -p 'require("./stacks/dev.json").departments.length')
base_regions=$("$node_bin" -p 'require("./stacks/dev.json").openAi.regions.length')
gen "$scratch/cfg-base" "$base_departments" "$base_regions"
gen "$scratch/cfg-departments" 50 "$base_regions"
gen "$scratch/cfg-regions" "$base_departments" 8
synth_cfg() { AOAI_STACKS_DIR="$1" CDKTF_OUTDIR="$1/out" scripts/aoai synth; }
for cfg in base departments regions; do
  synth_cfg "$scratch/cfg-$cfg" >/dev/null 2>&1 || { echo "generated config $cfg does not synthesize:" >&2; synth_cfg "$scratch/cfg-$cfg" >&2; exit 1; }
done
cfg_base=(); cfg_departments=(); cfg_regions=()
for _ in $(seq "$runs"); do
  cfg_base+=("$(millis synth_cfg "$scratch/cfg-base")")
  cfg_departments+=("$(millis synth_cfg "$scratch/cfg-departments")")
  cfg_regions+=("$(millis synth_cfg "$scratch/cfg-regions")")
done
cb=$(median "${cfg_base[@]}"); cd50=$(median "${cfg_departments[@]}"); cr8=$(median "${cfg_regions[@]}")
per_department=$(awk -v a="$cd50" -v b="$cb" -v n=$((50 - base_departments)) 'BEGIN { printf "%.1f", (a - b) / n }')
per_region=$(awk -v a="$cr8" -v b="$cb" -v n=$((8 - base_regions)) 'BEGIN { printf "%.0f", (a - b) / n }')
if [ "${AOAI_BENCH_TESTS:-0}" = 1 ]; then
  echo "timing the test suite, 2 interleaved pairs..." >&2
  base_test=(env -C "$baseline" "AOAI_CACHE_DIR=$scratch/baseline-cache" scripts/aoai test)
  test_base=("$(millis "${base_test[@]}")"); test_new=("$(millis scripts/aoai test)")
  test_new+=("$(millis scripts/aoai test)"); test_base+=("$(millis "${base_test[@]}")")
fi
count_resources() { "$node_bin" -p 'Object.values(require(process.argv[1]).resource || {}).reduce((n, r) => n + Object.keys(r).length, 0)' "$1"; }

lazy_jar="no (lazy through the jsii package cache, scripts/lazy-providers.sh)"
jar="$(tr ':' '\n' < target/aoai-launch/classpath | grep cdktf-provider-azurerm)"
[[ "$(unzip -p "$jar" '*.jsii.tgz' | tar -xzO package/package.json | grep '"main"')" == *lazy-index* ]] &&
  lazy_jar="yes (built by this bootstrap)"

echo "| scripts/aoai synth, all stacks, warm | baseline ($baseline_commit) | this checkout |"
echo "|---|---|---|"
echo "| median of $runs interleaved runs | $(secs "$base_median") s | $(secs "$new_median") s |"
echo "| runs | $(list "${base_ms[@]}") | $(list "${new_ms[@]}") |"
echo "| speed-up | | $(awk -v a="$base_median" -v b="$new_median" 'BEGIN { printf "%.2f", a / b }')× |"
echo "| largest process, peak memory | $(mib "$base_max") MiB | $(mib "$new_max") MiB |"
echo "| node (jsii kernel) / JVM / node (jsii wrapper) | $(mib "$base_kernel") / $(mib "$base_jvm") / $(mib "$base_wrapper") MiB | $(mib "$new_kernel") / $(mib "$new_jvm") / $(mib "$new_wrapper") MiB |"
echo "| output byte-identical to the baseline | | $identical |"
[ -n "${test_new:-}" ] &&
  echo "| scripts/aoai test, median of 2 interleaved runs | $(secs "$(median "${test_base[@]}")") s ($(list "${test_base[@]}")) | $(secs "$(median "${test_new[@]}")") s ($(list "${test_new[@]}")) |"
echo
echo "| this checkout | value |"
echo "|---|---|"
echo "| first run after a clean checkout (compile, CDS archive, empty jsii package cache) | $(secs "$first_ms") s |"
echo "| dev.json with $base_departments departments, $base_regions regions (median of $runs) | $(secs "$cb") s, $(count_resources "$scratch/cfg-base/out/stacks/dev/cdk.tf.json") resources |"
echo "| with 50 departments | $(secs "$cd50") s, $(count_resources "$scratch/cfg-departments/out/stacks/dev/cdk.tf.json") resources |"
echo "| with 8 regions | $(secs "$cr8") s, $(count_resources "$scratch/cfg-regions/out/stacks/dev/cdk.tf.json") resources |"
echo "| per extra department | $per_department ms |"
echo "| per extra region | $per_region ms |"
echo
echo "| stack | resources | azapi resources |"
echo "|---|---|---|"
for f in cdktf.out/stacks/*/cdk.tf.json; do
  "$node_bin" -e '
    const r = require(process.argv[1]).resource || {};
    let all = 0, azapi = 0;
    for (const [t, v] of Object.entries(r)) { const n = Object.keys(v).length; all += n; if (t.startsWith("azapi_")) azapi += n; }
    console.log(`| ${process.argv[2]} | ${all} | ${azapi} |`);' "$PWD/$f" "$(basename "$(dirname "$f")")"
done
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(java -version 2>&1 | head -1), node for jsii: $("$node_bin" --version); provider jars lazy by themselves: $lazy_jar;" \
     "AOAI_JAVA_OPTS=\"$AOAI_JAVA_OPTS\""
