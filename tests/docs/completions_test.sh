#!/usr/bin/env bash
# The shell completions: bash -n, zsh -n and fish -n accept them; bash and
# fish complete commands, options, option values and --flow slugs (asked of
# the binary for the paths on the line); every command and option that
# --help lists is in all three scripts.
# usage: completions_test.sh FLOWPRINT COMPLETIONS_DIR SAMPLES_DIR
set -uo pipefail
bin=$(realpath "$1") dir=$(realpath "$2") samples=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
fail=0
check() {  # check WHAT EXPECTED ACTUAL: EXPECTED's words must all be in ACTUAL
  local word
  for word in $2; do
    if ! grep -qxF -- "$word" <<<"$3"; then
      echo "FAIL: $1: '$word' not offered; got: $(echo $3)"; fail=1
    fi
  done
}

bash -n "$dir/flowprint.bash" || { echo "FAIL: bash -n"; fail=1; }
zsh -n "$dir/_flowprint" || { echo "FAIL: zsh -n"; fail=1; }
fish -n "$dir/flowprint.fish" || { echo "FAIL: fish -n"; fail=1; }

# The scripts run `flowprint` as typed: put the built one first on PATH.
path_dir=$(mktemp -d)
trap 'rm -rf "$path_dir"' EXIT
ln -s "$bin" "$path_dir/flowprint"
export PATH="$path_dir:$PATH"
cd "$(dirname "$samples")"
rel=$(basename "$samples")

bash_complete() {  # bash_complete WORD... (the last word is the one completed)
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
           _flowprint; printf "%s\n" "${COMPREPLY[@]}"' _ "$dir/flowprint.bash" "$@"
}
check "bash: commands" "validate diagram dry-run schema" "$(bash_complete flowprint '')"
check "bash: --flow slugs" "sample-login" "$(bash_complete flowprint diagram "$rel/login" --flow '')"
check "bash: --flow slugs of two paths" "sample-login default-authentication-flow" \
  "$(bash_complete flowprint dry-run "$rel/login" --user alice "$rel/seed" --flow '')"
check "bash: diagram options" "--style --show-disabled" "$(bash_complete flowprint diagram --s)"
check "bash: validate formats" "sarif github" "$(bash_complete flowprint validate x --format '')"
check "bash: paths" "$rel/login" "$(bash_complete flowprint validate "$rel/lo")"

fish_complete() { fish -c "source $dir/flowprint.fish; complete -C '$1'" | cut -f1; }
check "fish: commands" "validate diagram dry-run schema" "$(fish_complete 'flowprint ')"
check "fish: --flow slugs" "sample-login default-authentication-flow" \
  "$(fish_complete "flowprint diagram $rel/login $rel/seed --flow ")"
check "fish: diagram formats" "mermaid markdown dot" "$(fish_complete 'flowprint diagram --format ')"
check "fish: dry-run options" "--via-source --superuser" "$(fish_complete 'flowprint dry-run --')"

zsh_complete() {  # the line as zsh shows it after a Tab
  BIN_DIR=$path_dir COMP_DIR=$dir WORK_DIR=$PWD zsh -f "$here/zsh_complete.zsh" "$1" \
    | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | tail -1
}
for case in "flowprint diagram $rel/login --flow |sample-login" \
            "flowprint dry-run --via|--via-source" "flowprint dia|diagram"; do
  line=${case%|*} want=${case#*|}
  got=$(zsh_complete "$line")
  grep -qF -- "$line${want#"${line##* }"} " <<<"$got" \
    || { echo "FAIL: zsh: '$line<Tab>' did not complete to '$want'"; fail=1; }
done

python3 "$here/completions_cover_help.py" "$bin" "$dir" || fail=1
[ $fail = 0 ] && echo "OK: completions"
exit $fail
