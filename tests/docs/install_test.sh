#!/usr/bin/env bash
# `cmake --install` puts the binary, the man pages, the completions and the
# schema in the standard places under the prefix, and the installed binary runs.
# usage: install_test.sh BUILD_DIR
set -uo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
fail=0
for file in bin/flowprint \
            share/man/man1/flowprint.1 share/man/man1/flowprint-validate.1 \
            share/man/man1/flowprint-diagram.1 share/man/man1/flowprint-dry-run.1 \
            share/man/man1/flowprint-schema.1 \
            share/bash-completion/completions/flowprint \
            share/zsh/vendor-completions/_flowprint \
            share/fish/vendor_completions.d/flowprint.fish \
            share/flowprint/blueprint.schema.json; do
  [ -s "$prefix/$file" ] || { echo "FAIL: $file not installed"; fail=1; }
done
"$prefix/bin/flowprint" --version >/dev/null || { echo "FAIL: the installed binary does not run"; fail=1; }
[ $fail = 0 ] && echo "OK: $(cd "$prefix" && find . -type f | wc -l) files installed"
exit $fail
