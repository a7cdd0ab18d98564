#!/usr/bin/env bash
# flowprint benchmarks (SPEC section 9). See bench/README.md.
#
#   bench/run.sh [--sizes "1000 10000 100000"] [--runs 5] [--bin PATH] [--seed S] [--instructions]
#
# --sizes   entries in each generated set (each at least 100)
# --runs    timed runs per figure, after one warm-up
# --bin     the flowprint binary (default: <repo>/build/flowprint)
# --seed    the generator's seed
#
# Wall time: median of --runs runs after one warm-up, in ms (measured with
# bash's EPOCHREALTIME around `/usr/bin/time`, whose own %e has only 10 ms
# resolution); CPU: median of user + sys, which GNU time counts in 10 ms
# steps. Peak RSS: largest %M of those runs.
# --instructions: each generated-set command once more under callgrind, for
# the instructions it executes (all threads): a growth figure that, unlike
# time, does not move with the machine's load or caches.
# Environment: SHARED (default: <repo>/../shared), BENCH_TMP (where generated
# sets are kept and reused; default ${TMPDIR:-/tmp}/flowprint-bench).
# The SPEC 9 bars are reported as met or not, never enforced: the exit status
# is 0 unless a command fails (1), or the arguments are wrong or a
# prerequisite is missing (2).
set -u -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
sizes="1000 10000 100000"
runs=5
bin="$repo/build/flowprint"
seed=1
instructions=0

help() { awk 'NR >= 4 && !/^#/ {exit} NR >= 4 {sub(/^# ?/, ""); print}' "${BASH_SOURCE[0]}"; }
usage_error() { echo "run.sh: $1" >&2; echo "usage: $(sed -n '4p' "${BASH_SOURCE[0]}" | sed 's/^#  *//')" >&2; exit 2; }
# decimal NAME VALUE MIN -> VALUE without leading zeros (bash would read 010 as octal)
decimal() {
    [[ $2 =~ ^[0-9]{1,9}$ ]] || usage_error "$1 needs a whole number, not '$2'"
    local value=$((10#$2))
    [ "$value" -ge "$3" ] || usage_error "$1 must be at least $3, not '$2'"
    echo "$value"
}
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes|--runs|--bin|--seed)
            [ $# -ge 2 ] && [ -n "$2" ] || usage_error "$1 needs a value"
            case "$1" in
                --sizes) sizes=$2 ;;
                --runs)  runs=$2 ;;
                --bin)   bin=$2 ;;
                --seed)  seed=$2 ;;
            esac
            shift 2 ;;
        --instructions) instructions=1; shift ;;
        -h|--help) help; exit 0 ;;
        *) usage_error "unknown argument: $1" ;;
    esac
done
runs=$(decimal --runs "$runs" 1) || exit 2
seed=$(decimal --seed "$seed" 0) || exit 2
checked=""
for n in $sizes; do checked+="${checked:+ }$(decimal --sizes "$n" 100)" || exit 2; done
[ -n "$checked" ] || usage_error "--sizes needs at least one size"
sizes=$checked

if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time is missing (GNU time is needed for peak RSS): apt-get install time" >&2
    exit 2
fi
if [ -z "${EPOCHREALTIME:-}" ]; then
    echo "run.sh: needs bash 5 or later (EPOCHREALTIME)" >&2
    exit 2
fi
if [ "$instructions" -eq 1 ] && ! command -v valgrind >/dev/null; then
    echo "run.sh: --instructions needs valgrind (apt-get install valgrind)" >&2
    exit 2
fi
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "run.sh: flowprint binary not found or not executable: $bin (build it, or pass --bin)" >&2
    exit 2
fi
if ! "$bin" --version 2>/dev/null | grep -q '^flowprint '; then
    echo "run.sh: $bin is not flowprint (its --version does not say so)" >&2
    exit 2
fi

SHARED=${SHARED:-$(dirname "$repo")/shared}
corpus="$SHARED/corpus/authentik-2024.12"
peer="$SHARED/tools/peer-validate.py"
work=${BENCH_TMP:-${TMPDIR:-/tmp}/flowprint-bench}
mkdir -p "$work"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/flowprint-bench-run.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END{if(NR==0){print "nan"; exit} if(NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# Whether the binary has this subcommand (commands land one by one: a missing
# one is reported as n/a, not as a failure).
# (`flowprint X --help` cannot tell: help wins over an unknown subcommand.)
has_command() {
    "$bin" --help 2>/dev/null | awk -v want="$1" '/^Subcommands:/ {s = 1; next} s && $1 == want {found = 1} END {exit !found}'
}

# measure OKCODES CMD... -> sets M_MS (median wall ms), M_CPU (median user+sys
# CPU ms: on a shared machine it moves less than wall time), M_RSS_MB (peak RSS
# MB), M_OK (0/1)
# OKCODES is a space-separated list of acceptable exit statuses. When CMD is
# flowprint and its subcommand does not exist yet, M_MS and M_RSS_MB are n/a.
measure() {
    local okcodes=$1; shift
    if [ "$1" = "$bin" ] && ! has_command "$2"; then
        M_OK=1 M_MS=n/a M_CPU=n/a M_RSS_MB=n/a LAST_RC=0
        return
    fi
    local i rc t0 t1 walls="" cpus="" rss=0 m
    M_OK=1
    for ((i = 0; i <= runs; i++)); do   # run 0 is the warm-up
        t0=$EPOCHREALTIME
        /usr/bin/time -f '%e %M %U %S' -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err"
        rc=$?
        t1=$EPOCHREALTIME
        if [[ " $okcodes " != *" $rc "* ]]; then
            M_OK=0
            failures=$((failures + 1))
            echo "!! FAILED (exit $rc, expected one of: $okcodes): $*" >&2
            tail -n 5 "$scratch/err" | sed 's/^/!!   /' >&2
            break
        fi
        LAST_RC=$rc
        [ "$i" -eq 0 ] && continue
        walls+="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b - a) * 1000}')"$'\n'
        cpus+="$(tail -n 1 "$scratch/time" | awk '{printf "%.0f", ($3 + $4) * 1000}')"$'\n'
        m=$(tail -n 1 "$scratch/time" | awk '{print $2}')
        [ "${m:-0}" -gt "$rss" ] && rss=$m
    done
    if [ "$M_OK" -eq 1 ]; then
        M_MS=$(printf '%s' "$walls" | median)
        M_CPU=$(printf '%s' "$cpus" | median)
        M_RSS_MB=$(awk -v k="$rss" 'BEGIN{printf "%.1f", k / 1024}')
    else
        M_MS=nan
        M_CPU=fail
        M_RSS_MB=fail
    fi
}

# count_instructions OKCODES CMD... -> sets M_INSN (instructions executed,
# all threads, as callgrind counts them; n/a when the run fails, which counts
# as a failure)
count_instructions() {
    local okcodes=$1 rc; shift
    M_INSN=n/a
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$scratch/callgrind"
    rc=$?
    [[ " $okcodes " == *" $rc "* ]] &&
        M_INSN=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$scratch/callgrind" | tail -n 1)
    if [ -z "$M_INSN" ] || [ "$M_INSN" = n/a ]; then
        M_INSN=n/a
        echo "!! callgrind run failed (exit $rc): $*" >&2
        tail -n 5 "$scratch/callgrind" | sed 's/^/!!   /' >&2
        failures=$((failures + 1))
    fi
}

fmt_ms() { awk -v x="$1" 'BEGIN{ if (x == "nan") print "fail"; else if (x == "n/a") print x; else if (x < 100) printf "%.1f", x; else printf "%.0f", x }'; }
times() { local r; r=$(ratio "$1" "$2"); [ "$r" = "n/a" ] && echo "$r" || echo "${r}x"; }
# exact_ratio A B -> A / B unrounded (nan if either failed, n/a if missing);
# ratio A B -> the same to one decimal, n/a when there is none
exact_ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN{ if (a ~ /^(nan|fail)$/ || b ~ /^(nan|fail)$/) print "nan";
        else if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) print "n/a"; else print a / b }'
}
ratio() { awk -v r="$(exact_ratio "$1" "$2")" 'BEGIN{ if (r ~ /^[0-9.e+-]+$/) printf "%.1f", r; else print "n/a" }'; }

echo "# flowprint benchmark"
echo
echo "binary: $bin; runs: $runs (+1 warm-up); sizes: $sizes; seed: $seed; $(nproc 2>/dev/null || echo '?') CPUs"
echo

# ---------------------------------------------------------------- (a) corpus
echo "## authentik 2024.12 corpus"
echo
if [ ! -d "$corpus" ] || [ ! -f "$peer" ]; then
    {
        echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        echo "!! SHARED folder not found: $SHARED"
        echo "!! (need $corpus and $peer)"
        echo "!! Set SHARED=/path/to/shared. SKIPPING the corpus benchmark."
        echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    } >&2
    echo "SKIPPED: shared folder not found at $SHARED (set SHARED=...)"
    echo
else
    measure "0 1" "$bin" validate "$corpus/default" "$corpus/system"
    fp_ms=$M_MS fp_cpu=$M_CPU fp_rss=$M_RSS_MB
    [ "$M_OK" -eq 1 ] && [ "$LAST_RC" -ne 0 ] && echo "note: flowprint validate reported findings on the corpus (exit 1); SPEC requires zero errors"
    # The whole load (parse, tags, store) plus one small diagram: what every
    # command pays before its own work.
    measure "0" "$bin" diagram "$corpus/default" "$corpus/system" --flow default-authentication-flow
    load_ms=$M_MS load_cpu=$M_CPU load_rss=$M_RSS_MB
    if python3 -c 'import yaml, jsonschema' 2>/dev/null; then
        measure "0 1" python3 "$peer" "$corpus/schema.json" "$corpus/default" "$corpus/system"
        py_ms=$M_MS py_cpu=$M_CPU py_rss=$M_RSS_MB
    else
        echo "!! PyYAML or jsonschema is missing (apt-get install python3-yaml python3-jsonschema): no baseline" >&2
        py_ms=n/a py_cpu=n/a py_rss=n/a
    fi
    echo "| command | median wall ms | median CPU ms | peak RSS MB |"
    echo "|---|---:|---:|---:|"
    echo "| flowprint validate corpus | $(fmt_ms "$fp_ms") | $fp_cpu | $fp_rss |"
    echo "| flowprint diagram corpus --flow default-authentication-flow | $(fmt_ms "$load_ms") | $load_cpu | $load_rss |"
    echo "| peer-validate.py (PyYAML + jsonschema) | $(fmt_ms "$py_ms") | $py_cpu | $py_rss |"
    echo
    echo "speed-up of flowprint validate over peer-validate: $(times "$py_ms" "$fp_ms")"
    echo
fi

# --------------------------------------------------------- (b) generated sets
declare -A T R I in_mb_at
cmds=(validate diagram dry-run)
rows=()
# A set is reused only if this generator made it.
generator=$(cksum <"$here/generate.py" | awk '{print $1}')
for n in $sizes; do
    dir="$work/set-$n-seed$seed-gen$generator"
    if ! grep -qx "entries=$n seed=$seed .*" "$dir/.flowprint-bench" 2>/dev/null; then
        echo "generating $n entries into $dir ..." >&2
        if ! python3 "$here/generate.py" --entries "$n" --seed "$seed" --out "$dir" >&2; then
            echo "!! FAILED to generate $n entries; skipping this size" >&2
            failures=$((failures + 1))
            continue
        fi
    fi
    in_mb=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%s\n' |
            awk '{s += $1} END{printf "%.2f", s / 1048576}')
    in_mb_at[$n]=$in_mb
    for c in "${cmds[@]}"; do
        case $c in
            validate) ok="0 1" argv=("$bin" validate "$dir") ;;
            diagram)  ok="0" argv=("$bin" diagram "$dir" --flow bench-largest-flow) ;;
            dry-run)  ok="0" argv=("$bin" dry-run "$dir" --flow bench-largest-flow
                                   --user bench-user-0 --group bench-group-0) ;;
        esac
        measure "$ok" "${argv[@]}"
        [ "$c" = validate ] && [ "$M_OK" -eq 1 ] && [ "$LAST_RC" -ne 0 ] &&
            echo "note: validate reported findings on the generated $n-entry set (exit 1)" >&2
        T[$n,$c]=$M_MS
        if [ "$instructions" -eq 1 ] && [ "$M_OK" -eq 1 ] && [ "$M_MS" != n/a ]; then
            count_instructions "$ok" "${argv[@]}"
            I[$n,$c]=$M_INSN
        fi
        R[$n,$c]=$M_RSS_MB
        rows+=("| $n | $in_mb | $c | $(fmt_ms "$M_MS") | $M_CPU | $M_RSS_MB | $(ratio "$M_RSS_MB" "$in_mb") |")
    done
done

# ------------------------------------------------------------- (c) the report
echo "## generated sets"
echo
echo "| entries | input MB | command | median wall ms | median CPU ms | peak RSS MB | RSS / input |"
echo "|---:|---:|---|---:|---:|---:|---:|"
for r in "${rows[@]}"; do echo "$r"; done
echo
prev=""
for n in $sizes; do
    if [ -n "$prev" ] && [ -n "${T[$prev,diagram]:-}" ] && [ -n "${T[$n,diagram]:-}" ]; then
        line="growth $prev -> $n entries (x$(ratio "$n" "$prev")):"
        for c in "${cmds[@]}"; do
            g=$(ratio "${T[$n,$c]}" "${T[$prev,$c]}")
            [ "$g" = "n/a" ] && line+=" $c n/a;" || line+=" $c x$g;"
        done
        echo "$line"
        grew=1
    fi
    prev=$n
done
[ -n "${grew:-}" ] && echo
if [ "$instructions" -eq 1 ]; then
    echo "instructions executed (millions, callgrind, all threads):"
    prev=""
    for n in $sizes; do
        line="  $n entries:"
        for c in "${cmds[@]}"; do
            line+=" $c $(awk -v x="${I[$n,$c]:-n/a}" 'BEGIN{ if (x ~ /^[0-9]+$/) printf "%.0f", x / 1e6; else print "n/a" }')"
            [ -n "$prev" ] && line+=" (x$(ratio "${I[$n,$c]:-n/a}" "${I[$prev,$c]:-n/a}"))"
            line+=";"
        done
        echo "$line"
        prev=$n
    done
    echo
fi
# ------------------------------------------------------------ (d) SPEC 9 bars
# bar TEXT VALUE SHOWN LIMIT below|atmost|atleast -> "- TEXT: SHOWN -> met|NOT met"
# VALUE is the unrounded figure the bar is judged on (nan: the command failed).
bar() {
    local verdict
    verdict=$(awk -v v="$2" -v l="$4" -v how="$5" 'BEGIN{
        if (v == "nan") { print "failed"; exit }
        if (v !~ /^[0-9.]+$/) { print "not measured"; exit }
        ok = (how == "below") ? v < l : (how == "atmost") ? v <= l : v >= l
        print ok ? "met" : "NOT met" }')
    case $verdict in failed|"not measured") echo "- $1: $verdict" ;; *) echo "- $1: $3 -> $verdict" ;; esac
}
# bar_ms TEXT MS LIMIT / bar_ratio TEXT A B LIMIT HOW
bar_ms() { bar "$1" "$2" "$(fmt_ms "$2") ms" "$3" below; }
bar_ratio() { local r; r=$(exact_ratio "$2" "$3"); bar "$1" "$r" "$(ratio "$2" "$3")x" "$4" "$5"; }
echo "## SPEC 9 bars (reported, not enforced)"
echo
if [ -n "${fp_ms:-}" ]; then
    bar_ms "corpus validate, incl. process start (< 25 ms)" "$fp_ms" 25
    bar_ratio "corpus validate, speed-up over peer-validate (>= 20x)" "${py_ms:-n/a}" "$fp_ms" 20 atleast
else
    echo "- corpus bars: not measured (no shared folder)"
fi
if [[ " $sizes " == *" 100000 "* ]]; then
    for c in "${cmds[@]}"; do
        bar_ms "100,000 entries, $c (< 2000 ms)" "${T[100000,$c]:-n/a}" 2000
        bar_ratio "100,000 entries, $c peak RSS over input (< 20x)" \
            "${R[100000,$c]:-n/a}" "${in_mb_at[100000]:-n/a}" 20 below
    done
else
    echo "- 100,000-entry bars: not measured (add 100000 to --sizes)"
fi
if [[ " $sizes " == *" 10000 "* && " $sizes " == *" 100000 "* ]]; then
    bar_ratio "validate, 100,000- over 10,000-entry time (<= 12x)" \
        "${T[100000,validate]:-n/a}" "${T[10000,validate]:-n/a}" 12 atmost
else
    echo "- growth bar: not measured (needs sizes 10000 and 100000)"
fi
echo

if [ "$failures" -gt 0 ]; then
    echo "!! $failures measurement(s) failed; see messages above" >&2
    exit 1
fi
exit 0
