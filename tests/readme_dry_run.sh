#!/usr/bin/env bash
# The README's dry-run examples are the real binary's output: each golden
# case named here must appear verbatim in README.md inside a ```text block.
set -u
readme=$1 cases=$2
fail=0
for name in dryrun-login-member dryrun-login-non-member; do
  block=$(printf '```text\n%s\n```' "$(cat "$cases/$name/stdout")")
  if ! python3 -c 'import sys; sys.exit(0 if sys.argv[1] in open(sys.argv[2]).read() else 1)' \
       "$block" "$readme"; then
    echo "README.md does not show the output of tests/cases/$name (regenerate the example)"
    fail=1
  fi
done
exit $fail
