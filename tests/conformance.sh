#!/usr/bin/env bash
# Conformance with authentik: every diagram of shared/golden must come out of
# flowprint byte for byte. Exit 77 (skipped) when shared/ is absent.
set -u
bin=$1 shared=$2 samples=$3
manifest=$shared/golden/authentik-2024.12/MANIFEST.tsv
if [ ! -f "$manifest" ]; then
  echo "SKIPPED: $shared is absent: the conformance tests against authentik's diagrams cannot run" >&2
  exit 77
fi
pass=0 fail=0
check() {  # name, expected file, flowprint args...
  local name=$1 want=$2; shift 2
  if "$bin" diagram "$@" 2>/dev/null | cmp -s - "$want"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "DIFFERENT: $name"
    "$bin" diagram "$@" | diff "$want" - | head -20
  fi
}
while IFS=$'\t' read -r slug file; do
  case "$slug" in \#*|"") continue ;; esac
  check "$slug" "$shared/golden/authentik-2024.12/$slug.mmd" \
    "$shared/corpus/authentik-2024.12/$file" --flow "$slug"
done < "$manifest"
check seed "$shared/golden/seed/default-authentication-flow-with-event-policies.mmd" \
  "$samples/seed" --flow default-authentication-flow
echo "$pass identical, $fail different"
[ "$fail" = 0 ]
