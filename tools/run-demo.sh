#!/bin/bash
# The main job: builds Siaran (release) and shows it at work.
# Until the daemon can broadcast, this encodes a personalised Posyandu message into the PDUs a
# modem would be given, then decodes the first one back, as `siaran pdu` users do.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$(nproc)"

siaran=build/release/tools/siaran
text="Ibu Siti, rapat kader Posyandu Melati hari Kamis 27-11 pukul 09.00 di balai desa Cihampelas. Mohon membawa buku register dan laporan penimbangan bulan ini. Terima kasih. -- Sekretariat Pokjanal KBB"
echo "== siaran pdu encode --to 0812-3456-7890 --report --validity 2d"
"$siaran" pdu encode --to +6281234567890 --text "$text" --report --validity 2d | tee build/release/demo-parts.jsonl
first=$(head -1 build/release/demo-parts.jsonl | sed -E 's/.*"pdu":"([0-9A-F]+)".*/\1/')
echo "== siaran pdu decode (first part)"
"$siaran" pdu decode "$first"
