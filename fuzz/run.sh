#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz and runs
# each for SECONDS on a corpus seeded from samples/ (fuzz/make_corpus.sh).
# Prints the executions of each target; exits non-zero on the first crash,
# leak, timeout or out-of-memory, leaving the input in build-fuzz/artifacts/.
#   fuzz/run.sh SECONDS [TARGET...]
set -euo pipefail
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
cd "$(dirname "$0")/.."
build=${FLOWPRINT_FUZZ_BUILD_DIR:-build-fuzz}
# FLOWPRINT_FUZZ_TESTS=ON keeps the test suite in the same (sanitized) build,
# as .ci/run does to build everything once.
CXX=${FUZZ_CXX:-clang++} cmake -S . -B "$build" -DFLOWPRINT_FUZZ=ON \
  -DFLOWPRINT_TESTS="${FLOWPRINT_FUZZ_TESTS:-OFF}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build"/fuzz/fuzz_*; do [ -x "$binary" ] && targets+=("$(basename "$binary")"); done
fi
mkdir -p "$build/artifacts"
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  [ -d "$corpus" ] || fuzz/make_corpus.sh "$corpus" >/dev/null
  log="$build/$target.log"
  if "$build/fuzz/$target" "$corpus" -dict=fuzz/blueprint.dict -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $build/artifacts/)"
    status=1
    grep -E "ERROR|SUMMARY|==[0-9]+==" "$log" | head -20 >&2 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "$target: ${runs:-?} executions in ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs: $result"
done
exit $status
