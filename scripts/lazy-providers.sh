#!/usr/bin/env bash
# Makes the cdktf provider packages load lazily under jsii. jsii's node kernel `require`s a package's
# package.json "main"; for @cdktf/provider-azurerm that is lib/index.js, which loads all 1,527 resource
# modules although a stack uses a few dozen. The same package ships lib/lazy-index.js,
# which exports the same names and loads a module when it is first used. Pointing "main" at it changes
# when modules load, not what they do: the synthesized JSON is byte-identical.
#
#   scripts/lazy-providers.sh DIR...   point each npm package DIR at its lazy index (the bootstrap does
#                                      this before jsii-pacmak, so the jars it builds are lazy)
#   scripts/lazy-providers.sh          do it in the jsii package cache, for jars taken from a Maven
#                                      repository, whose packages still start at lib/index.js
#
# Idempotent and cheap (a glob and two file reads); every scripts/aoai command runs it. A cache entry is
# patched only once complete (jsii's marker file exists), and atomically, since other builds may share it.
set -euo pipefail

lazy_main() {
  local dir="$1" pkg="$1/package.json"
  [ -f "$dir/lib/lazy-index.js" ] && [ -f "$pkg" ] || return 0
  [[ "$(<"$pkg")" == *'"main": "lib/index.js"'* ]] || return 0
  sed 's#"main": "lib/index.js"#"main": "lib/lazy-index.js"#' "$pkg" > "$pkg.lazy.$$"
  mv -f "$pkg.lazy.$$" "$pkg"
}

if [ $# -gt 0 ]; then
  for dir in "$@"; do lazy_main "$dir"; done
  exit 0
fi

source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# Cache layout (jsii kernel): <root>/<package name>/<version>/<sha256 of the tarball>/
for entry in "$JSII_RUNTIME_PACKAGE_CACHE_ROOT"/@cdktf/provider-*/*/*/; do
  [ -f "$entry.jsii-runtime-package-cache" ] && lazy_main "${entry%/}"
done
exit 0
