#!/usr/bin/env bash
# Median wall time of `flowprint validate` on authentik 2024.12's corpus
# (default + system, the built-in schema and authentik's schema.json), next to
# shared/tools/peer-validate.py (PyYAML + jsonschema) on the same files, in the
# same run, runs interleaved.
#   bench/validate_corpus.sh [RUNS] [FLOWPRINT]      (default: 20, build/flowprint)
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runs=${1:-20}
bin=${2:-$here/../build/flowprint}
shared=${SHARED:-$here/../../shared}
corpus=$shared/corpus/authentik-2024.12
[ -d "$corpus" ] || { echo "validate_corpus.sh: $corpus is absent" >&2; exit 77; }
dirs=("$corpus/default" "$corpus/system")

wall_ms() {  # command... -> wall milliseconds of one run
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    local end=$EPOCHREALTIME
    echo "$(( (${end/./} - ${start/./}) / 1000 )).$(( (${end/./} - ${start/./}) % 1000 / 100 ))"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -a own authentik peer
"$bin" validate "${dirs[@]}" >/dev/null 2>&1  # warm-up
python3 "$shared/tools/peer-validate.py" "$corpus/schema.json" "${dirs[@]}" >/dev/null 2>&1
for ((i = 0; i < runs; i++)); do
    own+=("$(wall_ms "$bin" validate "${dirs[@]}")")
    authentik+=("$(wall_ms "$bin" validate --schema "$corpus/schema.json" "${dirs[@]}")")
    peer+=("$(wall_ms python3 "$shared/tools/peer-validate.py" "$corpus/schema.json" "${dirs[@]}")")
done
m_own=$(printf '%s\n' "${own[@]}" | median)
m_authentik=$(printf '%s\n' "${authentik[@]}" | median)
m_peer=$(printf '%s\n' "${peer[@]}" | median)
files=$(find "${dirs[@]}" -name '*.yaml' | wc -l)
echo "corpus: $files files, $runs runs each, median wall ms (process start included)"
printf '  flowprint validate                      %8s ms\n' "$m_own"
printf '  flowprint validate --schema schema.json %8s ms\n' "$m_authentik"
printf '  peer-validate.py (PyYAML + jsonschema)  %8s ms\n' "$m_peer"
awk -v a="$m_own" -v b="$m_authentik" -v p="$m_peer" \
    'BEGIN {printf "  speed-up over peer: %.1fx (built-in schema), %.1fx (authentik schema)\n", p / a, p / b}'
