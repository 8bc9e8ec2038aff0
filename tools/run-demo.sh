#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job: builds Siaran (release) and shows a broadcast going out.
# siaran-bench starts siarand with config/demo.yaml (48 simulated modems, throttle 35 parts/s),
# copied into a temporary directory with its own database, a free port and an API token; it
# queues 300 personalised Posyandu invitations through the HTTP API (some long enough for two
# parts, a few in UCS2), shows a progress bar while they go out, prints what was sent, the rate
# achieved against the throttle and the count per modem, and stops siarand with SIGTERM.
# Exits 0 when every message was sent and siarand stopped cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/demo -DCMAKE_BUILD_TYPE=Release -DSIARAN_TESTS=OFF >/dev/null
# Everything, not only what the demo runs: the README's first steps use siaran and
# siaran-modemsim from here.
cmake --build build/demo -j"$(nproc)"

build/demo/daemon/siarand --check-config config/demo.yaml
build/demo/tools/bench/siaran-bench --demo config/demo.yaml --messages 300
