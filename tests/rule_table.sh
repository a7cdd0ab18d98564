#!/usr/bin/env bash
# Every rule id that core/ reports must be documented in the rule table
# (`flowprint validate --list-rules`, which SARIF and the man page use), and
# every documented id must be reported somewhere.
set -u
bin=$1 core=$2
listed=$("$bin" validate --list-rules | cut -f1 | sort -u)
# A rule id is a lowercase-hyphenated string literal; the few such literals
# that are not rule ids are listed here.
not_rules="date-time"
# The dry run's report notes (planner, identity) are not findings of validate.
used=$(grep -rhoE '"[a-z0-9]+(-[a-z0-9]+)+"' "$core" --include=*.cpp --include=*.h \
         --exclude=planner.cpp --exclude=identity.cpp |
       tr -d '"' | sort -u)
fail=0
for id in $used; do
  grep -qw -- "$id" <<<"$not_rules" && continue
  if ! grep -qx -- "$id" <<<"$listed"; then
    echo "reported but not in the rule table: $id"; fail=1
  fi
done
for id in $listed; do
  if ! grep -rq "\"$id\"" "$core"; then echo "in the table but never reported: $id"; fail=1; fi
done
echo "$(wc -l <<<"$listed") rules listed"
exit $fail
