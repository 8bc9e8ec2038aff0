#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The dependency direction of DESIGN.md "Layout", checked with grep over the C++ sources under
# ROOT (default: the current directory): prints every violation and exits 1 when there is one.
#   - SQLite is spoken only in queue/ (the books are its one home);
#   - Asio only in the parts that run on the I/O thread: modem/, smpp/, daemon/ and tools/, which
#     include it through common/asio.h, the one header that wraps its includes (and is exempt);
#   - the channels (modem/, smpp/) and queue/ never include each other;
#   - sms/, common/ and config/ include nothing of ours but themselves and common/.
# tests/ is exempt: tests drive the daemon from outside, holding SQLite's lock as another
# process would, and run channels and the store on io_contexts of their own.
set -euo pipefail

root=${1:-.}
cd "$root"
status=0

# Every top-level source folder but tests/ and build trees, so that a new folder is checked too.
folders=()
for dir in */; do
  dir=${dir%/}
  case "$dir" in tests | build* | docs | web | packaging | systemd | cmake) continue ;; esac
  folders+=("$dir")
done

# violation RULE GREP-PATTERN FOLDER...: every source line in FOLDER... matching the pattern.
violation() {
  local rule=$1 pattern=$2
  shift 2
  local found line
  for dir in "$@"; do
    [[ -d $dir ]] || continue
    if found=$(grep -rnE --include='*.h' --include='*.cc' "$pattern" "$dir" | grep -v '^common/asio\.h:'); then
      while IFS= read -r line; do echo "$rule: $line"; done <<<"$found"
      status=1
    fi
  done
}

outside() {
  local kept=() dir
  for dir in "${folders[@]}"; do
    [[ " $* " == *" $dir "* ]] || kept+=("$dir")
  done
  echo "${kept[@]}"
}

# shellcheck disable=SC2046  # the folder lists are single words
violation "SQLite outside queue/" 'sqlite3_|<sqlite3\.h>' $(outside queue)
# shellcheck disable=SC2046
violation "Asio outside modem/, smpp/, daemon/, tools/" '<boost/asio|"common/asio\.h"' $(outside modem smpp daemon tools)
violation "the store included by a channel" '#include "queue/' modem smpp
violation "a channel included by the store" '#include "(modem|smpp)/' queue
violation "one channel included by another" '#include "smpp/' modem
violation "one channel included by another" '#include "modem/' smpp
for pure in sms common config; do
  others=$(printf '%s\n' "${folders[@]}" | grep -vxE "$pure|common" | paste -sd'|' -)
  [[ -n $others ]] && violation "$pure/ includes another folder" "#include \"($others)/" "$pure"
done

exit $status
