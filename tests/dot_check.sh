#!/usr/bin/env bash
# Graphviz's `dot -Tsvg` must accept every `--format dot` diagram flowprint
# draws, without an error or a warning: every flow of the samples/ sets and of
# the corpus default/ directory (together and each file alone), in both styles
# (the detailed one also with --show-disabled), and the golden cases' dot
# output. Exit 77 (skipped, after checking the samples) when shared/ is absent.
set -u
bin=$1 shared=$2 samples=$3 work=$4 cases=${5:-}
command -v dot >/dev/null || { echo "FAIL: Graphviz's dot is not installed (./build.sh installs it)"; exit 1; }
out=$work/dot-diagrams
rm -rf "$out" && mkdir -p "$out"
status=0
draw_all() {  # name, paths...
  local name=$1; shift
  local variant args
  for variant in authentik detailed detailed-show-disabled; do
    case $variant in
      authentik) args=(--style authentik) ;;
      detailed) args=(--style detailed) ;;
      detailed-show-disabled) args=(--style detailed --show-disabled) ;;
    esac
    if ! "$bin" diagram "$@" --all --format dot "${args[@]}" --output-dir "$out/$name/$variant" 2>"$out/stderr"; then
      echo "FAIL: flowprint diagram $* --all --format dot ${args[*]}:"; cat "$out/stderr"; status=1
    fi
  done
}
for d in "$samples"/*/; do draw_all "sample-$(basename "$d")" "$d"; done
have_shared=0
if [ -d "$shared/corpus/authentik-2024.12/default" ]; then
  have_shared=1
  draw_all corpus "$shared/corpus/authentik-2024.12/default"
  for f in "$shared"/corpus/authentik-2024.12/default/flow-*.yaml; do draw_all "alone-$(basename "$f" .yaml)" "$f"; done
fi
if [ -n "$cases" ]; then
  for stdout in "$cases"/diagram-*/stdout; do
    grep -q '^digraph ' "$stdout" && cp "$stdout" "$out/case-$(basename "$(dirname "$stdout")").dot"
  done
fi
mapfile -t diagrams < <(find "$out" -name '*.dot' | sort)
[ "${#diagrams[@]}" -gt 0 ] || { echo "no diagrams were drawn"; exit 1; }
for f in "${diagrams[@]}"; do
  if ! dot -Tsvg "$f" >/dev/null 2>"$out/dot-stderr" || [ -s "$out/dot-stderr" ]; then
    echo "FAIL $f:"; head -5 "$out/dot-stderr"; status=1
  fi
done
echo "${#diagrams[@]} dot diagrams checked with Graphviz"
if [ $status = 0 ] && [ $have_shared = 0 ]; then
  echo "SKIPPED: $shared is absent: only the samples were checked" >&2
  exit 77
fi
exit $status
