#!/usr/bin/env bash
# Every diagram flowprint draws must parse with the real Mermaid parser
# (shared/tools/mermaid-check, installed into the build directory by `npm ci`):
# every flow of the corpus default/ directory (together and each file alone)
# and of every samples/ set, in both styles (the detailed one also with
# --show-disabled, and as Markdown), and every Mermaid diagram of the
# detailed-style golden cases. No detailed-style line may start with an arrow.
# Exit 77 (skipped) when shared/ is absent.
set -u
bin=$1 shared=$2 samples=$3 work=$4 cases=${5:-}
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
status=0
draw_all() {  # name, paths...: every flow in every style, one file each
  local name=$1; shift
  local variant args
  for variant in authentik detailed detailed-show-disabled detailed-markdown; do
    case $variant in
      authentik) args=(--style authentik) ;;
      detailed) args=(--style detailed) ;;
      detailed-show-disabled) args=(--style detailed --show-disabled) ;;
      detailed-markdown) args=(--style detailed --format markdown) ;;
    esac
    if ! "$bin" diagram "$@" --all "${args[@]}" --output-dir "$out/$name/$variant" 2>"$out/stderr"; then
      echo "FAIL: flowprint diagram $* --all ${args[*]}:"; cat "$out/stderr"; status=1
    fi
  done
  # The Mermaid block of each Markdown file, to check it too.
  for md in "$out/$name/detailed-markdown"/*.md; do
    [ -e "$md" ] || continue
    sed -n '/^```mermaid$/,/^```$/p' "$md" | sed '1d;$d' > "${md%.md}.mmd"
  done
}
draw_all corpus "$shared/corpus/authentik-2024.12/default"
for f in "$shared"/corpus/authentik-2024.12/default/flow-*.yaml; do draw_all "alone-$(basename "$f" .yaml)" "$f"; done
for d in "$samples"/*/; do draw_all "sample-$(basename "$d")" "$d"; done
# The golden cases' detailed diagrams, one file per `%% flow:` block.
if [ -n "$cases" ]; then
  for stdout in "$cases"/diagram-detailed-*/stdout; do
    [ -e "$stdout" ] && grep -q "^graph TD$" "$stdout" || continue
    name=$(basename "$(dirname "$stdout")")
    mkdir -p "$out/cases/$name"
    awk -v dir="$out/cases/$name" '/^%% flow: / || NR == 1 { n++ } { print > (dir "/" n ".mmd") }' "$stdout"
  done
fi
# Where a case holds `mermaid-labels`, the labels the parser reads back from
# its diagram (entity codes decoded) must be exactly those: every name stays
# one label, character for character.
if [ -n "$cases" ]; then
  cp "$(dirname "$0")/mermaid_labels.mjs" "$checker/"
  for expected in "$cases"/*/mermaid-labels; do
    [ -e "$expected" ] || continue
    if ! node "$checker/mermaid_labels.mjs" "$(dirname "$expected")/stdout" > "$work/mermaid-labels" \
        || ! diff "$expected" "$work/mermaid-labels"; then
      echo "FAIL: the labels Mermaid reads from $(dirname "$expected")/stdout differ"; status=1
    fi
  done
fi
# The unit tests' authentik-style diagrams (tests/unit/diagram_test.cpp writes
# them when FLOWPRINT_DIAGRAM_DUMP is set, as ctest sets it).
if compgen -G "$work/unit-diagrams/*.mmd" >/dev/null; then
  mkdir -p "$out/authentik/unit" && cp "$work"/unit-diagrams/*.mmd "$out/authentik/unit/"
else
  echo "FAIL: the unit tests wrote no diagrams to $work/unit-diagrams"; status=1
fi
mapfile -t diagrams < <(find "$out" -name '*.mmd' | sort)
[ "${#diagrams[@]}" -gt 0 ] || { echo "no diagrams were drawn"; exit 1; }
if grep -nE '^[[:space:]]*(-|=|~|<)' $(printf '%s\n' "${diagrams[@]}" | grep -v '/authentik/'); then
  echo "FAIL: the detailed-style lines above start with an arrow"; status=1
fi
node "$checker/check.mjs" "${diagrams[@]}" > "$work/mermaid-check.log" || status=1
grep -v '^ok ' "$work/mermaid-check.log"
echo "${#diagrams[@]} diagrams checked with the Mermaid parser"
exit $status
