#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_layout.sh finds each kind of violation in a small tree made for it, and passes a clean
# one: without this, a typo in a pattern would let the real check pass whatever the code does.
set -euo pipefail

check=$(dirname "$0")/check_layout.sh
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/{common,config,daemon,modem,queue,sms,tests/unit,build/test}
echo '#include "common/ascii.h"' >"$tree/sms/hex.cc"
echo '#include "queue/database.h"' >"$tree/daemon/service.cc"
echo 'sqlite3_open_v2(path, &db, flags, nullptr);' >"$tree/queue/connection.cc"
echo 'sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);' >"$tree/tests/unit/lock_test.cc"
echo '#include "common/asio.h"' >"$tree/build/test/generated.cc"
echo '#include <boost/asio/io_context.hpp>' >"$tree/common/asio.h"
bash "$check" "$tree" || { echo "a clean tree was refused"; exit 1; }

expect() {  # expect RULE FILE LINE: after adding LINE to FILE, the check names RULE
  local rule=$1 file=$2 line=$3 out
  echo "$line" >>"$tree/$file"
  if out=$(bash "$check" "$tree"); then
    echo "not caught: $rule ($file: $line)"
    exit 1
  fi
  grep -qF "$rule" <<<"$out" || { echo "caught under another name: $out"; exit 1; }
  sed -i '$d' "$tree/$file"
}
expect "SQLite outside queue/" daemon/service.cc 'sqlite3_step(statement);'
expect "Asio outside modem/, smpp/, daemon/, tools/" sms/hex.cc '#include <boost/asio/io_context.hpp>'
expect "Asio outside modem/, smpp/, daemon/, tools/" queue/connection.cc '#include "common/asio.h"'
expect "the store included by a channel" modem/pool.cc '#include "queue/database.h"'
expect "a channel included by the store" queue/connection.cc '#include "modem/pool.h"'
expect "Asio outside modem/, smpp/, daemon/, tools/" common/ascii.cc '#include <boost/asio/write.hpp>'
expect "sms/ includes another folder" sms/hex.cc '#include "queue/records.h"'
expect "common/ includes another folder" common/ascii.cc '#include "sms/hex.h"'
expect "config/ includes another folder" config/loader.cc '#include "daemon/service.h"'
echo "every rule caught its violation"
