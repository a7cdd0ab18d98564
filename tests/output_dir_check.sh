#!/usr/bin/env bash
# `diagram --output-dir DIR` writes one file per flow, `<slug>.mmd`, `.md` or
# `.dot`, with the text the same command prints on stdout for that one flow;
# each file is written atomically, so nothing (no temporary file, no partial
# file) is left behind when writing fails, and an unwritable directory is a
# clear error with exit status 2.
set -u
bin=$1 samples=$2 work=$3
root=$work/output-dir-check
rm -rf "$root" && mkdir -p "$root"
fail=0
check() {  # description, command...: the command must succeed
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; fi
}
listing() { (cd "$1" && find . -mindepth 1 | sort | tr '\n' ' '); }
flows=(sample-login default-authentication-flow)

# One file per flow, named after its slug, holding what stdout would show.
for format in mermaid markdown dot; do
  case $format in mermaid) ext=mmd ;; markdown) ext=md ;; dot) ext=dot ;; esac
  for style in authentik detailed; do
    dir=$root/$format-$style
    "$bin" diagram "$samples" --all --format $format --style $style --output-dir "$dir" \
      >"$root/stdout" 2>"$root/stderr"
    check "--output-dir exits 0 ($format, $style)" [ $? = 0 ]
    check "--output-dir prints nothing on stdout ($format, $style)" [ ! -s "$root/stdout" ]
    check "one file per flow, nothing else ($format, $style): $(listing "$dir")" \
      [ "$(listing "$dir")" = "./default-authentication-flow.$ext ./sample-login.$ext " ]
    for slug in "${flows[@]}"; do
      "$bin" diagram "$samples" --flow $slug --format $format --style $style >"$root/expected" 2>/dev/null
      check "$slug.$ext holds the diagram ($format, $style)" cmp -s "$dir/$slug.$ext" "$root/expected"
    done
  done
done

# A missing directory is created; an existing file is replaced.
dir=$root/new/nested
"$bin" diagram "$samples" --flow sample-login --output-dir "$dir" 2>/dev/null
check "a missing output directory is created" [ -f "$dir/sample-login.mmd" ]
echo stale > "$dir/sample-login.mmd"
"$bin" diagram "$samples" --flow sample-login --output-dir "$dir" 2>/dev/null
check "an existing file is replaced" grep -q '^graph TD$' "$dir/sample-login.mmd"
check "no temporary file is left: $(listing "$dir")" [ "$(listing "$dir")" = "./sample-login.mmd " ]

# An output directory that cannot exist (a file is in the way): exit 2, a
# message naming it, nothing written.
echo file > "$root/a-file"
"$bin" diagram "$samples" --all --output-dir "$root/a-file/sub" >"$root/stdout" 2>"$root/stderr"
check "an impossible output directory exits 2" [ $? = 2 ]
check "the message names the directory: $(cat "$root/stderr")" \
  grep -q "cannot write into the output directory $root/a-file/sub" "$root/stderr"
check "nothing is written beside the file in the way" [ "$(listing "$root/a-file" 2>/dev/null)" = "" ]

# A read-only directory (when not root: root may write anywhere).
if [ "$(id -u)" != 0 ]; then
  dir=$root/read-only && mkdir -p "$dir" && chmod 555 "$dir"
  "$bin" diagram "$samples" --all --output-dir "$dir" 2>"$root/stderr"
  check "a read-only output directory exits 2" [ $? = 2 ]
  check "the message says why: $(cat "$root/stderr")" grep -q "Permission denied" "$root/stderr"
  check "nothing is left in the read-only directory" [ "$(listing "$dir")" = "" ]
  chmod 755 "$dir"
fi

# A rename that fails (a directory holds the first file's name): exit 2, no
# temporary file left, and the later flow's file is not written either.
dir=$root/blocked && mkdir -p "$dir/sample-login.mmd"
"$bin" diagram "$samples" --flow sample-login --flow default-authentication-flow \
  --output-dir "$dir" 2>"$root/stderr"
check "a failed rename exits 2" [ $? = 2 ]
check "the message names the file: $(cat "$root/stderr")" grep -q "cannot write $dir/sample-login.mmd" "$root/stderr"
check "nothing is left after a failed rename: $(listing "$dir")" [ "$(listing "$dir")" = "./sample-login.mmd " ]

# A write that fails half-way (the file size limit is below the larger
# diagram): exit 2, no partial or temporary file, not even the smaller one.
dir=$root/too-big && mkdir -p "$dir"
(trap '' XFSZ; ulimit -f 1; exec "$bin" diagram "$samples" --all --format dot --output-dir "$dir") 2>"$root/stderr"
check "a failed write exits 2" [ $? = 2 ]
check "the message says why: $(cat "$root/stderr")" grep -q "File too large" "$root/stderr"
check "nothing is left after a failed write: $(listing "$dir")" [ "$(listing "$dir")" = "" ]

[ $fail = 0 ] && echo "output-dir: all checks passed"
exit $fail
