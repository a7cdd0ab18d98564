#!/usr/bin/env bash
# Runs every hostile input (generate.py) through every command of flowprint,
# each as its own process under a 2 GiB address-space limit and a 10 s
# timeout. Each run must exit 1 or 2 and say why (validate on stdout, the
# others on stderr): no crash, no hang,
# no memory blow-up.
#
#   run_hostile.sh FLOWPRINT WORKDIR [--sanitized]
#
# --sanitized: the binary has AddressSanitizer, which reserves terabytes of
# address space and runs several times slower, so the address-space limit is
# left off and the timeout is longer; the crash checks stay.
set -uo pipefail
flowprint=$1
work=$2
sanitized=${3:-}
here=$(cd "$(dirname "$0")" && pwd)

inputs_dir="$work/inputs"
mapfile -t inputs < <(python3 "$here/generate.py" "$inputs_dir") || exit 1
[ ${#inputs[@]} -gt 0 ] || { echo "no inputs generated" >&2; exit 1; }

# The commands, as argument lists with PATH where the input goes.
commands=("diagram PATH" "validate PATH" "dry-run PATH --flow x --user u")

limit_kb=2097152
seconds=10
if [ "$sanitized" = --sanitized ]; then
  limit_kb=unlimited
  seconds=120
  # A sanitizer report must not pass for exit status 1.
  export ASAN_OPTIONS="exitcode=86:${ASAN_OPTIONS:-}"
  export UBSAN_OPTIONS="halt_on_error=1:exitcode=87:${UBSAN_OPTIONS:-}"
fi

failures=0
runs=0
for input in "${inputs[@]}"; do
  for command in "${commands[@]}"; do
    read -r -a args <<<"${command//PATH/$inputs_dir/$input}"
    out="$work/out"
    start=$(date +%s%N)
    (ulimit -v "$limit_kb"; exec timeout -k 2 "$seconds" "$flowprint" "${args[@]}") \
      >"$out.stdout" 2>"$out.stderr"
    status=$?
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    runs=$((runs + 1))
    verdict=ok
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      verdict="timed out after ${seconds}s"
    elif [ "$status" -ne 1 ] && [ "$status" -ne 2 ]; then
      verdict="exit status $status (want 1 or 2)"
    elif [ ! -s "$out.stderr" ] && [ ! -s "$out.stdout" ]; then
      # validate prints its findings, the result, on stdout; the others on stderr.
      verdict="no message"
    elif grep -qE 'internal error|AddressSanitizer|runtime error|std::bad_alloc' \
        "$out.stderr" "$out.stdout"; then
      verdict="crash report"
    fi
    first=$(cat "$out.stderr" "$out.stdout" | head -c 160 | head -n 1)
    printf '%-32s %-10s %6d ms  status %3d  %s\n' "$input" "${args[0]}" "$elapsed" "$status" \
      "$([ "$verdict" = ok ] && echo "$first" || echo "FAIL: $verdict")"
    [ "$verdict" = ok ] || failures=$((failures + 1))
  done
done
echo "$runs runs (${#inputs[@]} inputs x ${#commands[@]} commands: ${commands[*]}), $failures failed"
[ "$failures" -eq 0 ]
