#!/usr/bin/env bash
# The benchmark tools keep working (figures are not asserted here):
# bench/generate.py makes a set that bench/check_generated.py accepts and in
# which flowprint finds nothing, draws the largest flow and dry-runs it for
# bench-user-0; bench/run.sh measures it and prints the table and the bars
# (with --instructions, the callgrind counts too). Needs python3 with PyYAML
# and GNU time (exit 77, skipped, without them); without valgrind the
# --instructions check is left out, with a note.
# usage: bench_smoke.sh FLOWPRINT REPO [--no-instructions]
set -u
bin=$1 repo=$2 counts=yes
[ "${3:-}" = --no-instructions ] && counts=no
python3 -c 'import yaml' 2>/dev/null && [ -x /usr/bin/time ] || {
  echo "SKIPPED: python3-yaml or GNU time (/usr/bin/time) is missing" >&2
  exit 77
}
if [ $counts = yes ] && ! command -v valgrind >/dev/null; then
  echo "note: valgrind is missing: --instructions is not checked" >&2
  counts=no
fi
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

# The set is one a well-kept deployment could have: validate finds nothing.
"$bin" validate "$work/set-1000-seed3" >"$work/out" 2>&1
status=$?
[ "$status" = 0 ] && grep -qx '[0-9]* files: 0 errors, 0 warnings, 0 infos' "$work/out" ||
  { echo "validate on a generated set (exit $status):"; head "$work/out"; fail=1; }
# The largest flow identifies its user first: later bindings are decided for them.
"$bin" dry-run "$work/set-1000-seed3" --flow bench-largest-flow --user bench-user-0 \
  --group bench-group-0 >"$work/out" 2>&1
status=$?
[ "$status" = 0 ] && grep -q 'checked when reached, for pending user bench-user-0' "$work/out" ||
  { echo "dry-run (exit $status) decides no binding for bench-user-0:"; head -20 "$work/out"; fail=1; }

# Wrong arguments are usage errors (2), before anything is measured.
for args in "--runs 08x" "--sizes 50" "--runs" "--bin /bin/true" "--bin $work"; do
  # shellcheck disable=SC2086 # each is a word list on purpose
  "$repo/bench/run.sh" $args >/dev/null 2>"$work/usage-err"
  status=$?
  [ "$status" = 2 ] || { echo "bench/run.sh $args: exit status $status, expected 2"; fail=1; }
done
"$repo/bench/run.sh" --help | grep -q -- '--instructions' ||
  { echo "bench/run.sh --help does not describe --instructions"; fail=1; }

# SHARED points nowhere: the corpus part is skipped, the generated part runs.
SHARED="$work/no-shared" BENCH_TMP="$work" "$repo/bench/run.sh" --sizes 1000 --runs 1 --seed 3 \
  --bin "$bin" >"$work/table" 2>"$work/run-err"
status=$?
[ "$status" = 0 ] || { echo "bench/run.sh exit status $status"; cat "$work/run-err"; fail=1; }
grep -Eq '^\| 1000 \| [0-9.]+ \| diagram \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|$' "$work/table" ||
  { echo "no measured diagram row in:"; cat "$work/table"; fail=1; }
grep -q 'SKIPPED: shared folder not found' "$work/table" ||
  { echo "the missing corpus is not reported"; fail=1; }
# The bars this run could not measure say so.
for bar in '- corpus bars: not measured' '- 100,000-entry bars: not measured' '- growth bar: not measured'; do
  grep -qF -- "$bar" "$work/table" || { echo "no '$bar' in:"; cat "$work/table"; fail=1; }
done
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
