#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/package/check-deb.sh DEB: checks the package tools/build-deb.sh made, before anyone
# installs it: its files, dependencies, conffile and configuration, and lintian with no error.
set -euo pipefail
deb=${1:?usage: check-deb.sh PATH/TO/siaran_VERSION_amd64.deb}

fail() {
  echo "check-deb: FAIL: $*" >&2
  exit 1
}

contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|')
for path in /usr/bin/siarand /usr/bin/siaran /usr/bin/siaran-modemsim /usr/bin/siaran-smscsim /usr/bin/siaran-bench \
  /lib/systemd/system/siaran.service /usr/lib/sysusers.d/siaran.conf \
  /usr/lib/tmpfiles.d/siaran.conf /usr/share/doc/siaran/examples/99-siaran-modems.rules.example \
  /etc/siaran/siaran.yaml /usr/share/siaran/web/index.html /usr/share/doc/siaran/copyright; do
  grep -qxF "$path" <<<"$contents" || fail "$deb does not contain $path"
done
echo "check-deb: contents: the five programs, unit, sysusers, tmpfiles, udev example, config, web page, copyright"

depends=$(dpkg-deb --field "$deb" Depends)
# The web page's libraries are found by path, so only these entries pull them in.
for package in libjs-bootstrap5 node-popper2 libjs-chart.js libsqlite3 libxlsxwriter libzip libexpat; do
  grep -qF "$package" <<<"$depends" || fail "Depends does not name $package: $depends"
done
echo "check-deb: Depends names libjs-bootstrap5, node-popper2, libjs-chart.js, libsqlite3, libxlsxwriter, libzip, libexpat: $depends"

# Without the conffile mark, an upgrade would overwrite the administrator's configuration.
conffiles=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xOf - ./conffiles)
grep -qxF /etc/siaran/siaran.yaml <<<"$conffiles" || fail "conffiles does not list /etc/siaran/siaran.yaml"
echo "check-deb: conffiles lists /etc/siaran/siaran.yaml"

# A fresh install must start as it is: the packaged siarand accepts the packaged configuration,
# and that configuration has the built-in simulated modem.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb --extract "$deb" "$unpacked"
"$unpacked/usr/bin/siarand" --check-config "$unpacked/etc/siaran/siaran.yaml" >/dev/null ||
  fail "the packaged siarand rejects the packaged /etc/siaran/siaran.yaml"
grep -qE '^ +port: sim$' "$unpacked/etc/siaran/siaran.yaml" ||
  fail "the packaged /etc/siaran/siaran.yaml has no simulated modem (port: sim)"
echo "check-deb: the packaged siarand accepts /etc/siaran/siaran.yaml, which has a simulated modem"

# The version comes from CMake's project(); lintian does not notice a changelog left behind.
version=$(dpkg-deb --field "$deb" Version)
changelog_top=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/doc/siaran/changelog.Debian.gz | gzip -dc | sed -n 1p)
[[ $changelog_top == "siaran ($version) "* ]] ||
  fail "packaging/deb/changelog's first entry is not for version $version: $changelog_top"
echo "check-deb: changelog.Debian.gz starts with version $version"

# Warnings are accepted, errors are not. A failing exit without E: lines means lintian itself
# did not run, which must not pass as a clean report.
lintian_status=0
lintian_output=$(lintian --display-info "$deb" 2>&1) || lintian_status=$?
echo "$lintian_output"
if grep -q '^E:' <<<"$lintian_output" || [ "$lintian_status" -ne 0 ]; then
  fail "lintian reports errors for $deb (exit $lintian_status)"
fi
echo "check-deb: lintian reports no error"
