#!/usr/bin/env bash
# The negative suite of `flowprint validate`: each tests/validate/NAME.yaml is
# a small blueprint; NAME.expect lists every finding it must give, one
# `rule severity line:col` per line, in output order (an empty file: none),
# and NAME.args optional extra arguments. Then every rule id that
# `--list-rules` documents must be exercised by some case, unless it is
# listed in `untested` below with the reason.
set -u
bin=$1 dir=$2
cd "$dir" || exit 1
# Rules no small blueprint can trigger.
untested="file-unreadable tag-invalid"
# file-unreadable: needs a file that exists but cannot be read (permissions; root reads all).
# tag-invalid: the resolver's default rule id; every tag names a more precise one.
pass=0 fail=0
for yaml in *.yaml; do
  name=${yaml%.yaml}
  args=()
  [ -f "$name.args" ] && read -r -a args < "$name.args"
  got=$(timeout 20 "$bin" validate "${args[@]}" "$yaml" |
        sed -nE 's/^[^:]*:([0-9]+):([0-9]+): ([a-z]+): .* \[([a-z0-9-]+)\]$/\4 \3 \1:\2/p')
  if [ "$got" = "$(cat "$name.expect")" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name"; diff <(cat "$name.expect") <(echo "$got") | sed 's/^/    /'
  fi
done
covered=$(cat ./*.expect | awk '{print $1}' | sort -u)
for rule in $("$bin" validate --list-rules | cut -f1); do
  if ! grep -qx "$rule" <<<"$covered" && ! grep -qw -- "$rule" <<<"$untested"; then
    fail=$((fail + 1)); echo "NO CASE for rule $rule"
  fi
done
echo "$pass cases pass, $fail failures"
[ "$fail" = 0 ] && [ "$pass" -ge 40 ]
