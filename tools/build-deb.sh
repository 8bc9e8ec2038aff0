#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package: tools/build-deb.sh [BUILD_DIR] (default build/package).
# Prints the .deb's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build/package}

# Debian's hardening flags (stack protector, _FORTIFY_SOURCE, RELRO, BIND_NOW), as a package
# built by dpkg-buildpackage gets them; lintian checks the binaries for them. CMake does not
# read CPPFLAGS, so they join CXXFLAGS. No -g: the binaries are stripped, no -dbgsym package.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_CXXFLAGS_MAINT_STRIP=-g
cxx_flags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
linker_flags=$(dpkg-buildflags --get LDFLAGS)

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DSIARAN_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX=/usr -DSIARAN_WEB_ROOT=/usr/share/siaran/web \
  -DCMAKE_CXX_FLAGS="$cxx_flags" -DCMAKE_EXE_LINKER_FLAGS="$linker_flags" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
# A .deb left from an earlier version would be taken for this one.
rm -f "$build_dir"/siaran_*.deb
cd "$build_dir"
cpack -G DEB >/dev/null
ls "$PWD"/siaran_*_amd64.deb
