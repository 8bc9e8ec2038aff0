#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds and runs every test: the whole tree with ASan+UBSan and warnings as errors (g++),
# then the libFuzzer targets (clang), each fuzzing for a bounded time on its seed corpus, then
# the Debian package (tests/package/check-deb.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DSIARAN_SANITIZE=ON -DSIARAN_WERROR=ON >/dev/null
cmake --build build/test -j"$jobs"
ctest --test-dir build/test --output-on-failure -j"$jobs"

CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIARAN_FUZZ=ON \
  -DSIARAN_WERROR=ON >/dev/null
cmake --build build/fuzz -j"$jobs"
ctest --test-dir build/fuzz --output-on-failure -j"$jobs"

# The Debian package, built as a user would build it and checked before anyone installs it.
deb=$(bash tools/build-deb.sh build/package | tail -n1)
bash tests/package/check-deb.sh "$deb"
