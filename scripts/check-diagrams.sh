#!/usr/bin/env bash
# Checks that the committed pictures (docs/diagrams/*.md, kept current by StackDiagramTest) parse with Mermaid 11,
# so that GitHub renders them. Installs mermaid and jsdom from the npm registry once into the cache folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AOAI_ROOT"
dir="$AOAI_CACHE_DIR/mermaid-11.17.2"
if [ ! -d "$dir/node_modules/mermaid" ]; then
  echo "[check-diagrams] installing mermaid@11.17.2 and jsdom@25.0.1 from the npm registry into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error mermaid@11.17.2 jsdom@25.0.1 >/dev/null
fi
cp scripts/diagrams/parse-mermaid.mjs "$dir/parse-mermaid.mjs"    # resolves mermaid and jsdom from $dir/node_modules
"${JSII_NODE:-node}" "$dir/parse-mermaid.mjs" docs/diagrams/*.md
