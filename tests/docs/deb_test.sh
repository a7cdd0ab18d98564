#!/usr/bin/env bash
# `cpack -G DEB` builds a .deb; `dpkg-deb -c` lists the binary, the man pages,
# the completions and the schema under /usr, and `dpkg-deb -f` shows the
# runtime dependencies (libyaml, mimalloc, libfmt, libstdc++, libc).
# usage: deb_test.sh BUILD_DIR
set -uo pipefail
build=$(realpath "$1")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) \
  || { echo "FAIL: cpack -G DEB:"; tail -20 "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no .deb in $out"; cat "$out/cpack.log"; exit 1; }
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
fail=0
for file in ./usr/bin/flowprint \
            ./usr/share/man/man1/flowprint.1 ./usr/share/man/man1/flowprint-validate.1 \
            ./usr/share/man/man1/flowprint-diagram.1 ./usr/share/man/man1/flowprint-dry-run.1 \
            ./usr/share/man/man1/flowprint-schema.1 \
            ./usr/share/bash-completion/completions/flowprint \
            ./usr/share/zsh/vendor-completions/_flowprint \
            ./usr/share/fish/vendor_completions.d/flowprint.fish \
            ./usr/share/flowprint/blueprint.schema.json; do
  grep -qxF "$file" <<<"$contents" || { echo "FAIL: $file is not in the package"; fail=1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
libraries=(libyaml-0-2 libfmt libstdc++6 libc6)
# The sanitizer builds leave mimalloc out.
ldd "$build/flowprint" | grep -q libmimalloc && libraries+=(libmimalloc2.0)
for library in "${libraries[@]}"; do
  grep -q "$library" <<<"$depends" || { echo "FAIL: Depends lacks $library"; fail=1; }
done
[ "$(dpkg-deb -f "$deb" Package)" = flowprint ] || { echo "FAIL: package name"; fail=1; }
[ $fail = 0 ] && echo "OK: the package holds $(wc -l <<<"$contents") entries"
exit $fail
