#!/usr/bin/env bash
# No false alarms (SPEC 7): authentik 2024.12's own blueprints validate with
# zero errors, together, each file alone, and against authentik's schema.json.
# Exit 77 (skipped) when shared/ is absent.
set -u
bin=$1 shared=$2
corpus=$shared/corpus/authentik-2024.12
if [ ! -d "$corpus/default" ]; then
  echo "SKIPPED: $corpus is absent: the no-false-alarm tests on authentik's blueprints cannot run" >&2
  exit 77
fi
fail=0 runs=0
check() {  # flowprint validate arguments...
  runs=$((runs + 1))
  local out status
  out=$("$bin" validate --format text "$@" 2>&1)
  status=$?
  if [ $status != 0 ] || ! tail -1 <<<"$out" | grep -q ' 0 errors,'; then
    fail=$((fail + 1)); echo "ERRORS (exit $status): validate $*"; grep ': error: ' <<<"$out" | head
  fi
}
check "$corpus/default" "$corpus/system"
check --schema "$corpus/schema.json" "$corpus/default" "$corpus/system"
for file in "$corpus"/default/*.yaml "$corpus"/system/*.yaml; do
  check "$file"
  check --schema "$corpus/schema.json" "$file"
done
echo "$runs runs, $fail with errors"
[ $fail = 0 ] && [ $runs -gt 50 ]
