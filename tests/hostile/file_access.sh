#!/usr/bin/env bash
# !File reads nothing unless --allow-file is given (SPEC 2.1): without it the
# flow is named by the tag's default and the file's content appears nowhere;
# with it, the content is the name (which shows that the check can fail).
#
#   file_access.sh FLOWPRINT WORKDIR
set -uo pipefail
flowprint=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
content="fp-file-content-$$"
printf '  %s\n\n' "$content" >"$work/secret.txt"
cat >"$work/file.yaml" <<'EOF2'
version: 1
entries:
  - model: authentik_flows.flow
    identifiers: {slug: file-flow}
    attrs:
      name: !File [secret.txt, name-from-default]
      title: !File secret.txt
      designation: authentication
EOF2
failures=0
"$flowprint" diagram "$work/file.yaml" >"$work/off.out" 2>"$work/off.err"
if grep -rqF -- "$content" "$work/off.out" "$work/off.err"; then
  echo "FAIL: without --allow-file the file's content was read"; failures=$((failures + 1))
fi
if ! grep -qF "name-from-default" "$work/off.out"; then
  echo "FAIL: without --allow-file the default should name the flow:"; cat "$work/off.out"
  failures=$((failures + 1))
fi
"$flowprint" diagram "$work/file.yaml" --allow-file >"$work/on.out" 2>"$work/on.err"
if ! grep -qxF -- "$content\"]]" "$work/on.out"; then
  echo "FAIL: with --allow-file the stripped content should name the flow:"; cat "$work/on.out"
  failures=$((failures + 1))
fi
# validate says why the default was used, and shows nothing of the file.
"$flowprint" validate "$work/file.yaml" >"$work/validate.out" 2>&1
if grep -qF -- "$content" "$work/validate.out"; then
  echo "FAIL: validate read the file without --allow-file"; failures=$((failures + 1))
fi
if ! grep -q 'file-not-read' "$work/validate.out"; then
  echo "FAIL: validate should note that !File was not read"; failures=$((failures + 1))
fi
echo "$failures failures"
[ "$failures" -eq 0 ]
