#!/usr/bin/env bash
# Measures the README's synth command (`scripts/aoai synth`, all stacks) against a baseline commit in the
# same run, and prints Markdown tables for README:
#  - warm synth time, this checkout vs the baseline (a `git worktree` of it), interleaved runs, medians, ratio,
#    as wall time and as CPU time (which a busy shared machine disturbs much less);
#  - the peak memory of the largest process and of each process (JVM, jsii's kernel and, where used, its relay);
#  - the first run after a clean checkout (compile + empty jsii package cache; bindings already installed);
#  - synth time per extra department and per extra region, from generated configs (dev.json with 50
#    departments, and with 8 regions);
#  - resources per stack.
# The baseline gets its own AOAI_CACHE_DIR; both use the binding jars in the same Maven repository. Jars built by
# this bootstrap load providers lazily by themselves, so for a baseline from before lazy loading (one without
# scripts/lazy-providers.sh) its package cache is pointed back at the providers' eager lib/index.js, as that
# baseline's own bootstrap built them: the baseline loads providers the way it did.
#
#   scripts/bench-synth.sh [BASELINE_COMMIT]   default: c643df0, the last commit before issue 13
#   AOAI_BENCH_RUNS=N                          runs per measurement (default 5)
#   AOAI_BENCH_CONFIG_RUNS=N                   runs of each generated config (default 11)
#   AOAI_BENCH_TESTS=1                         also time `scripts/aoai test` against the baseline (2 pairs)
#   AOAI_BENCH_STACKS=dev,test,prod            compare only these stacks on both sides (default: all of each side's)
# Needs the bindings bootstrapped (scripts/aoai synth once), GNU time (/usr/bin/time), git and node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AOAI_ROOT"
baseline_commit="${1:-c643df0}"
runs="${AOAI_BENCH_RUNS:-5}"
cfg_runs="${AOAI_BENCH_CONFIG_RUNS:-11}"
node_bin="${JSII_NODE:-node}"
export JSII_NODE="$node_bin"        # the baseline's bootstrap then reuses this Node instead of installing one

scratch="$(mktemp -d)"
baseline="$scratch/baseline"
cleanup() { git worktree remove --force "$baseline" >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT
git worktree add --detach "$baseline" "$baseline_commit" >/dev/null 2>&1

# Each side synthesizes in its own checkout; the baseline with its own (empty, then eager) package cache.
# The baseline has fewer stacks than this checkout; AOAI_BENCH_STACKS compares the same ones on both sides.
stacks_env=()
[ -n "${AOAI_BENCH_STACKS:-}" ] && stacks_env=("AOAI_STACKS=$AOAI_BENCH_STACKS")
new_cmd=(env "${stacks_env[@]}" scripts/aoai synth)
base_cmd=(env -C "$baseline" "AOAI_CACHE_DIR=$scratch/baseline-cache" "${stacks_env[@]}" scripts/aoai synth)
cfg_cmd=(scripts/aoai synth)   # the generated configs hold one stack, dev
# record NAME CMD...: runs CMD and appends its wall time to NAME_wall and its CPU time (user + system, of CMD and
# every process it waited for: JVM, node, Maven) to NAME_cpu, in ms. CPU time varies far less than wall time on
# a busy machine, so the tables show both.
record() {
  local -n wall="$1_wall" cpu="$1_cpu"; shift
  /usr/bin/time -o "$scratch/time" -f '%e %U %S' "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  wall+=("$(awk '{ printf "%d", $1 * 1000 }' "$scratch/time")")
  cpu+=("$(awk '{ printf "%d", ($2 + $3) * 1000 }' "$scratch/time")")
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
# The relay process is gone where scripts/run-app.sh starts the kernel directly.
mib_or_none() { if [ "$1" = 0 ]; then echo "none"; else echo "$(mib "$1") MiB"; fi; }

echo "warming up both checkouts (compile, package caches)..." >&2
"${new_cmd[@]}" >/dev/null 2>&1
"${base_cmd[@]}" >/dev/null 2>&1 || { echo "the baseline $baseline_commit does not synthesize" >&2; exit 1; }
if [ ! -f "$baseline/scripts/lazy-providers.sh" ]; then
  for pkg in "$scratch"/baseline-cache/jsii-package-cache/@cdktf/provider-*/*/*/package.json; do
    [ -f "$pkg" ] && sed -i 's#"main": "lib/lazy-index.js"#"main": "lib/index.js"#' "$pkg"
  done
fi
"${new_cmd[@]}" >/dev/null 2>&1; "${base_cmd[@]}" >/dev/null 2>&1

identical=yes
for f in cdktf.out/stacks/*/cdk.tf.json; do cmp -s "$f" "$baseline/$f" || identical="NO: $f differs"; done
[ "$(ls "$baseline"/cdktf.out/stacks | wc -l)" = "$(ls cdktf.out/stacks | wc -l)" ] || identical="NO: other stacks"

echo "timing $runs interleaved pairs..." >&2
base_wall=(); base_cpu=(); new_wall=(); new_cpu=()
for i in $(seq "$runs"); do
  if [ $((i % 2)) = 1 ]; then record base "${base_cmd[@]}"; record new "${new_cmd[@]}"
  else record new "${new_cmd[@]}"; record base "${base_cmd[@]}"; fi
done
base_median=$(median "${base_wall[@]}"); new_median=$(median "${new_wall[@]}")

echo "measuring peak memory..." >&2
IFS='|' read -r base_max base_jvm base_kernel base_wrapper <<< "$(measure_memory "${base_cmd[@]}")"
IFS='|' read -r new_max new_jvm new_kernel new_wrapper <<< "$(measure_memory "${new_cmd[@]}")"

echo "timing a first run (no compiled classes, empty jsii package cache)..." >&2
rm -rf target
first_wall=(); first_cpu=()
record first env "AOAI_CACHE_DIR=$scratch/first-run-cache" "${new_cmd[@]}"
"${new_cmd[@]}" >/dev/null 2>&1

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
for cfg in base departments regions; do   # warm-up; a config the validator rejects stops here, with its message
  env AOAI_STACKS_DIR="$scratch/cfg-$cfg" CDKTF_OUTDIR="$scratch/cfg-$cfg/out" "${cfg_cmd[@]}" >/dev/null
done
cfg_base_wall=(); cfg_base_cpu=(); cfg_departments_wall=(); cfg_departments_cpu=(); cfg_regions_wall=(); cfg_regions_cpu=()
for _ in $(seq "$cfg_runs"); do
  for cfg in base departments regions; do
    record "cfg_$cfg" env AOAI_STACKS_DIR="$scratch/cfg-$cfg" CDKTF_OUTDIR="$scratch/cfg-$cfg/out" "${cfg_cmd[@]}"
  done
done
# per_extra NAME EXTRA: the median of the paired differences NAME - base (each round runs base, departments and
# regions back to back, so a pair shares the machine's load of the moment) over EXTRA, for wall and CPU time, and the
# middle half of the wall figures, which shows how noisy the machine was.
per_extra() {
  local -n wall="cfg_$1_wall" cpu="cfg_$1_cpu"
  local i dw=() dc=()
  for i in "${!wall[@]}"; do
    dw+=("$(( (wall[i] - cfg_base_wall[i]) * 100 / $2 ))"); dc+=("$(( (cpu[i] - cfg_base_cpu[i]) * 100 / $2 ))")
  done
  printf '%s\n' "${dw[@]}" | sort -n | awk -v m="$(median "${dw[@]}")" -v c="$(median "${dc[@]}")" '{ v[NR] = $1 } END {
    printf "%.0f ms wall, %.0f ms CPU (middle half %.0f to %.0f ms wall)", m / 100, c / 100, v[int((NR + 3) / 4)] / 100, v[int((3 * NR + 3) / 4)] / 100 }'
}
cfg_row() { local -n wall="cfg_$1_wall" cpu="cfg_$1_cpu"; echo "$(secs "$(median "${wall[@]}")") s wall, $(secs "$(median "${cpu[@]}")") s CPU"; }
if [ "${AOAI_BENCH_TESTS:-0}" = 1 ]; then
  echo "timing the test suite, 2 interleaved pairs..." >&2
  base_test=(env -C "$baseline" "AOAI_CACHE_DIR=$scratch/baseline-cache" scripts/aoai test)
  test_base_wall=(); test_base_cpu=(); test_new_wall=(); test_new_cpu=()
  record test_base "${base_test[@]}"; record test_new scripts/aoai test
  record test_new scripts/aoai test; record test_base "${base_test[@]}"
fi
count_resources() { "$node_bin" -p 'Object.values(require(process.argv[1]).resource || {}).reduce((n, r) => n + Object.keys(r).length, 0)' "$1"; }

lazy_jar="no (lazy through the jsii package cache, scripts/lazy-providers.sh)"
jar="$(tr ':' '\n' < target/aoai-launch/classpath | grep cdktf-provider-azurerm)"
[[ "$(unzip -p "$jar" '*.jsii.tgz' | tar -xzO package/package.json | grep '"main"')" == *lazy-index* ]] &&
  lazy_jar="yes (built by this bootstrap)"

echo "| scripts/aoai synth, ${AOAI_BENCH_STACKS:-all stacks}, warm | baseline ($baseline_commit) | this checkout |"
echo "|---|---|---|"
echo "| median of $runs interleaved runs, wall | $(secs "$base_median") s | $(secs "$new_median") s |"
echo "| runs, wall | $(list "${base_wall[@]}") | $(list "${new_wall[@]}") |"
echo "| median CPU time (JVM + node + Maven) | $(secs "$(median "${base_cpu[@]}")") s | $(secs "$(median "${new_cpu[@]}")") s |"
echo "| speed-up | | $(awk -v a="$base_median" -v b="$new_median" -v c="$(median "${base_cpu[@]}")" -v d="$(median "${new_cpu[@]}")" \
  'BEGIN { printf "%.2f× wall, %.2f× CPU", a / b, c / d }') |"
echo "| largest process, peak memory | $(mib "$base_max") MiB | $(mib "$new_max") MiB |"
echo "| node (jsii kernel) / JVM / node (jsii relay) | $(mib "$base_kernel") / $(mib "$base_jvm") MiB / $(mib_or_none "$base_wrapper") | $(mib "$new_kernel") / $(mib "$new_jvm") MiB / $(mib_or_none "$new_wrapper") |"
echo "| output byte-identical to the baseline | | $identical |"
[ -n "${test_new_wall:-}" ] &&
  echo "| scripts/aoai test, 2 interleaved runs, wall (CPU) | $(list "${test_base_wall[@]}") s ($(list "${test_base_cpu[@]}") s) | $(list "${test_new_wall[@]}") s ($(list "${test_new_cpu[@]}") s) |"
echo
echo "| this checkout | value |"
echo "|---|---|"
echo "| first run after a clean checkout (compile, CDS archive, empty jsii package cache) | $(secs "${first_wall[0]}") s wall, $(secs "${first_cpu[0]}") s CPU |"
echo "| dev.json with $base_departments departments, $base_regions regions (median of $cfg_runs) | $(cfg_row base), $(count_resources "$scratch/cfg-base/out/stacks/dev/cdk.tf.json") resources |"
echo "| with 50 departments | $(cfg_row departments), $(count_resources "$scratch/cfg-departments/out/stacks/dev/cdk.tf.json") resources |"
echo "| with 8 regions | $(cfg_row regions), $(count_resources "$scratch/cfg-regions/out/stacks/dev/cdk.tf.json") resources |"
echo "| per extra department | $(per_extra departments $((50 - base_departments))) |"
echo "| per extra region | $(per_extra regions $((8 - base_regions))) |"
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
