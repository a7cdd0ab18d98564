#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs what is missing, builds,
# then either shows flowprint at work on the samples or runs the test suite.
#   ./build.sh demo    a diagram and a dry run of the sample login flow
#   ./build.sh test    the whole test suite (ctest)
set -euo pipefail
cd "$(dirname "$0")"
task=${1:-demo}
build=${FLOWPRINT_BUILD_DIR:-build}

packages=(cmake make g++ pkg-config libyaml-dev libmimalloc-dev libfmt-dev libcli11-dev doctest-dev
          nlohmann-json3-dev libvalijson-dev graphviz groff-base python3
          time valgrind zsh fish clang libclang-rt-dev dpkg-dev file)
packages+=(python3-yaml)  # the documentation tests parse .pre-commit-hooks.yaml
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
# Node.js runs the Mermaid parser in the tests; any installed node will do.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "Installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" >&2

case "$task" in
  demo)
    set -x
    "./$build/flowprint" diagram samples/login --flow sample-login
    "./$build/flowprint" dry-run samples/login --flow sample-login --user alice 2>/dev/null || true
    ;;
  test)
    ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
