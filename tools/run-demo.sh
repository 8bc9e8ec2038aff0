#!/bin/bash
# The main job: builds Siaran (release) and shows it at work.
# Encodes a personalised Posyandu message into the PDUs a modem would be given and decodes the
# first one back, as `siaran pdu` users do; then runs siarand over two built-in simulated modems
# (`port: sim`, one behind a SIM PIN) until both are ready, and stops it with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DSIARAN_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)"

siaran=build/release/tools/siaran
text="Ibu Siti, rapat kader Posyandu Melati hari Kamis 27-11 pukul 09.00 di balai desa Cihampelas. Mohon membawa buku register dan laporan penimbangan bulan ini. Terima kasih. -- Sekretariat Pokjanal KBB"
echo "== siaran pdu encode --to 0812-3456-7890 --report --validity 2d"
"$siaran" pdu encode --to +6281234567890 --text "$text" --report --validity 2d | tee build/release/demo-parts.jsonl
first=$(head -1 build/release/demo-parts.jsonl | sed -E 's/.*"pdu":"([0-9A-F]+)".*/\1/')
echo "== siaran pdu decode (first part)"
"$siaran" pdu decode "$first"

demo=$(mktemp -d)
daemon=""
cleanup() {
  if [ -n "$daemon" ] && kill -0 "$daemon" 2>/dev/null; then kill -KILL "$daemon"; fi
  rm -rf "$demo"
}
trap cleanup EXIT
cat >"$demo/siaran.yaml" <<YAML
database: $demo/siaran.db
modems:
  - id: m1
    port: sim
    operator: telkomsel
  - id: m2
    port: sim
    pin: "1234"
YAML
echo "== siarand --config $demo/siaran.yaml (two simulated modems)"
: >"$demo/siarand.log"
build/release/daemon/siarand --config "$demo/siaran.yaml" 2>"$demo/siarand.log" &
daemon=$!
both_ready() { grep -q "modem m1: ready" "$demo/siarand.log" && grep -q "modem m2: ready" "$demo/siarand.log"; }
for _ in $(seq 300); do  # up to 30 s
  both_ready && break
  kill -0 "$daemon" 2>/dev/null || break
  sleep 0.1
done
grep " modem m" "$demo/siarand.log" || true
both_ready || { echo "the modems did not become ready:"; cat "$demo/siarand.log"; exit 1; }
echo "== kill -TERM siarand"
kill -TERM "$daemon"
status=0
wait "$daemon" || status=$?
daemon=""
grep -E "stopping|stopped" "$demo/siarand.log"
echo "siarand exited with status $status"
exit "$status"
