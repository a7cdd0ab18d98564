#!/usr/bin/env bash
# Runs one command-level golden case: tests/cases/NAME/ holds `args` (one
# argument per line; @SAMPLES@, @SHARED@, @CASE@ are replaced), the expected
# `stdout`, optionally the expected `stderr` and the expected `status`
# (default 0). Exit 77 (skipped) when the case needs ../shared and it is absent.
set -u
bin=$1 case_dir=$2 samples=$3 shared=$4
if grep -q '@SHARED@' "$case_dir/args" && [ ! -d "$shared" ]; then
  echo "SKIPPED: $shared is absent, so this conformance case cannot run" >&2
  exit 77
fi
args=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//@SAMPLES@/$samples}
  line=${line//@SHARED@/$shared}
  line=${line//@CASE@/$case_dir}
  args+=("$line")
done < "$case_dir/args"
want_status=0
[ -f "$case_dir/status" ] && want_status=$(cat "$case_dir/status")
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
(cd "$case_dir" && timeout 20 "$bin" "${args[@]}" >"$out" 2>"$err")
status=$?
fail=0
if [ "$status" != "$want_status" ]; then
  echo "exit status $status, expected $want_status"; fail=1
fi
if ! cmp -s "$out" "$case_dir/stdout"; then
  echo "stdout differs from $case_dir/stdout:"; diff "$case_dir/stdout" "$out" | head -40; fail=1
fi
if [ -f "$case_dir/stderr" ]; then
  sed -i "s#$case_dir#@CASE@#g; s#$samples#@SAMPLES@#g; s#$shared#@SHARED@#g" "$err"
  if ! cmp -s "$err" "$case_dir/stderr"; then
    echo "stderr differs from $case_dir/stderr:"; diff "$case_dir/stderr" "$err" | head -40; fail=1
  fi
fi
if [ $fail != 0 ]; then echo "--- stderr was:"; head -20 "$err"; fi
exit $fail
