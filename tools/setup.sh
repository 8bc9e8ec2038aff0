#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything Siaran needs to build and test, from Debian 12 packages only.
# Idempotent: run it as often as you like (as root, or through sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config
  # libraries (DESIGN.md "Dependencies")
  libboost-dev libserialport-dev libsqlite3-dev libspdlog-dev libfmt-dev libyaml-cpp-dev
  libphonenumber-dev libsystemd-dev nlohmann-json3-dev libssl-dev
  libsodium-dev
  # .xlsx exports (reports, the RSVP list, the inbox)
  libxlsxwriter-dev
  # .xlsx imports (contact spreadsheets): the zip archive and its XML
  libzip-dev libexpat1-dev
  # time zones for the scheduler (date/tz.h over /usr/share/zoneinfo)
  libhowardhinnant-date-dev
  # tests: Catch2, clang's libFuzzer and sanitizer runtimes, systemd-analyze for the unit file
  catch2 clang libclang-rt-14-dev systemd
  # the web UI's end-to-end tests (tests/e2e): headless Chromium driven by Selenium
  chromium chromium-driver python3-selenium
  # reading the reports back in tests: .xlsx with openpyxl, printed PDFs with pdftotext
  python3-openpyxl poppler-utils
  # writing .xlsx test files as xlsxwriter-based programs do (openpyxl writes the others)
  python3-xlsxwriter
  # runtime: time zones for the config and the scheduler; the web UI's Bootstrap and Chart.js
  tzdata libjs-bootstrap5 node-popper2 libjs-chart.js
  # the Debian package: cpack's dependency scan (dpkg-shlibdeps, file) and its check
  dpkg-dev file lintian
)

if [ "$(id -u)" -ne 0 ]; then
  exec sudo "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "setup: ${#packages[@]} Debian packages present"
