#!/usr/bin/env bash
# Every man page is clean roff: `groff -man -ww -z` (all warnings) says nothing.
# usage: man_lint.sh MAN_DIR
set -uo pipefail
man_dir=$1
status=0 count=0
for page in "$man_dir"/*.[1-9]; do
  count=$((count + 1))
  warnings=$(groff -man -ww -z "$page" 2>&1)
  if [ $? -ne 0 ] || [ -n "$warnings" ]; then
    echo "FAIL: $page:"; echo "$warnings"; status=1
  fi
done
[ $count -ge 5 ] || { echo "FAIL: only $count man pages in $man_dir"; status=1; }
echo "$count pages checked"
exit $status
