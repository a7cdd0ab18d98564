#!/usr/bin/env bash
# Seeds a fuzz corpus: the hand-written seeds in fuzz/seeds, every sample
# blueprint, and (when ../shared is there) authentik's own blueprints, each
# file one input. Several files of a directory also go together as one input
# (joined by ---8<--- lines), so that cross-file references are seeded too.
#   make_corpus.sh OUTDIR
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mkdir -p "$out"
n=0
add() { cp "$1" "$out/seed-$n.yaml"; n=$((n + 1)); }
for file in "$here"/seeds/*.yaml "$root"/samples/*/*.yaml; do add "$file"; done
for dir in "$root"/samples/*/; do
  files=("$dir"*.yaml)
  awk 'FNR == 1 && NR != 1 { print "---8<---" } { print }' "${files[@]}" >"$out/seed-set-$n.yaml"
  n=$((n + 1))
done
corpus="$root/../shared/corpus/authentik-2024.12"
if [ -d "$corpus" ]; then
  while IFS= read -r file; do
    [ "$(stat -c %s "$file")" -le 65536 ] && add "$file"
  done < <(find "$corpus" -name '*.yaml' | sort)
fi
echo "$n seeds in $out"
