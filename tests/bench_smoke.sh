#!/usr/bin/env bash
# The benchmark tools keep working (figures are not asserted here):
# bench/generate.py makes a set that bench/check_generated.py accepts and on
# which flowprint draws the largest flow without a single finding, and
# bench/run.sh measures it and prints the table (with --instructions, the
# callgrind counts too). Needs python3 with PyYAML, GNU time and valgrind;
# exit 77 (skipped) when they are missing.
# usage: bench_smoke.sh FLOWPRINT REPO [--no-instructions]
set -u
bin=$1 repo=$2 counts=yes
[ "${3:-}" = --no-instructions ] && counts=no
python3 -c 'import yaml' 2>/dev/null && [ -x /usr/bin/time ] &&
  { [ $counts = no ] || command -v valgrind >/dev/null; } || {
  echo "SKIPPED: python3-yaml, GNU time (/usr/bin/time) or valgrind is missing" >&2
  exit 77
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! "$@"; then echo "FAILED: $*"; fail=1; fi; }

check python3 "$repo/bench/generate.py" --entries 1000 --seed 3 --out "$work/set-1000-seed3"
check python3 "$repo/bench/check_generated.py" "$work/set-1000-seed3" --entries 1000

"$bin" diagram "$work/set-1000-seed3" --flow bench-largest-flow >"$work/out" 2>"$work/err"
status=$?
[ "$status" = 0 ] || { echo "diagram exit status $status"; fail=1; }
[ -s "$work/err" ] && { echo "diagram reported findings on a generated set:"; head "$work/err"; fail=1; }
bindings=$(grep -c 'stage' "$work/out")
[ "$bindings" -ge 20 ] || { echo "the largest flow shows $bindings stage lines, expected >= 20"; fail=1; }

# SHARED points nowhere: the corpus part is skipped, the generated part runs.
SHARED="$work/no-shared" BENCH_TMP="$work" "$repo/bench/run.sh" --sizes 1000 --runs 1 --seed 3 \
  --bin "$bin" >"$work/table" 2>"$work/run-err"
status=$?
[ "$status" = 0 ] || { echo "bench/run.sh exit status $status"; cat "$work/run-err"; fail=1; }
grep -Eq '^\| 1000 \| [0-9.]+ \| diagram \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|$' "$work/table" ||
  { echo "no measured diagram row in:"; cat "$work/table"; fail=1; }
grep -q 'SKIPPED: shared folder not found' "$work/table" ||
  { echo "the missing corpus is not reported"; fail=1; }
# --instructions counts what each command executes under callgrind.
if [ $counts = yes ]; then
  SHARED="$work/no-shared" BENCH_TMP="$work" "$repo/bench/run.sh" --sizes 1000 --runs 1 --seed 3 \
    --bin "$bin" --instructions >"$work/counted" 2>"$work/count-err"
  status=$?
  [ "$status" = 0 ] || { echo "bench/run.sh --instructions exit status $status"; cat "$work/count-err"; fail=1; }
  grep -Eq '^  1000 entries: validate [0-9]+; diagram [0-9]+; dry-run [0-9]+;$' "$work/counted" ||
    { echo "no instruction counts in:"; cat "$work/counted"; fail=1; }
fi
# A command the binary lacks is n/a, never a failure.
for command in validate dry-run; do
  if ! "$bin" --help | grep -q "^  $command "; then
    grep -Eq "^\| 1000 \| [0-9.]+ \| $command \| n/a \| n/a \| n/a \| n/a \|$" "$work/table" ||
      { echo "$command is missing but not reported n/a"; fail=1; }
  fi
done
exit $fail
