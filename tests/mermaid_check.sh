#!/usr/bin/env bash
# Every diagram flowprint draws for the corpus flows and the samples must parse
# with the real Mermaid parser (shared/tools/mermaid-check, installed into the
# build directory by `npm ci`). Exit 77 (skipped) when shared/ is absent.
set -u
bin=$1 shared=$2 samples=$3 work=$4
checker=$work/mermaid-check
if [ ! -d "$shared/tools/mermaid-check" ]; then
  echo "SKIPPED: $shared is absent: diagrams cannot be checked with the Mermaid parser" >&2
  exit 77
fi
if [ ! -d "$checker/node_modules/mermaid" ]; then
  rm -rf "$checker" && mkdir -p "$checker"
  cp "$shared/tools/mermaid-check/"* "$checker/"
  (cd "$checker" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; exit 1; }
fi
out=$work/mermaid-diagrams
rm -rf "$out" && mkdir -p "$out"
flows_of() {  # prints the slugs the set holds, from the "available" list
  "$bin" diagram "$@" --flow '' 2>&1 >/dev/null | sed -n 's/^  \(.*\)$/\1/p'
}
draw_all() {  # name, paths...
  local name=$1; shift
  for slug in $(flows_of "$@"); do
    for style in ${FLOWPRINT_STYLES:-authentik}; do
      "$bin" diagram "$@" --flow "$slug" ${style:+--style=$style} > "$out/$name-$slug-$style.mmd" 2>/dev/null \
        || "$bin" diagram "$@" --flow "$slug" > "$out/$name-$slug-$style.mmd" 2>/dev/null
    done
  done
}
draw_all corpus "$shared/corpus/authentik-2024.12/default"
for f in "$shared"/corpus/authentik-2024.12/default/flow-*.yaml; do draw_all "alone-$(basename "$f" .yaml)" "$f"; done
for d in "$samples"/*/; do draw_all "sample-$(basename "$d")" "$d"; done
count=$(ls "$out" | wc -l)
[ "$count" -gt 0 ] || { echo "no diagrams were drawn"; exit 1; }
node "$checker/check.mjs" "$out"/*.mmd > "$work/mermaid-check.log"; status=$?
grep -v '^ok ' "$work/mermaid-check.log"
echo "$count diagrams checked with the Mermaid parser"
exit $status
