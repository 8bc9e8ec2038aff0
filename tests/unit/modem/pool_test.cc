// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "manual_timer.h"
#include "modem/modem_entry.h"
#include "modem/pool.h"

using siaran::modem::modem_state;
namespace asio = siaran::asio;

namespace {

siaran::modem::modem_entry entry(std::string id, std::string port) {
  siaran::modem::modem_entry modem;
  modem.id = std::move(id);
  modem.port = std::move(port);
  return modem;
}

void settle(asio::io_context& io) {
  do {
    io.restart();
  } while (io.poll() > 0);
}

}  // namespace

// `port: sim` entries run a real pty: tests/integration/pool_sim_test.cc.
TEST_CASE("the pool builds one modem per configured port", "[modem][pool]") {
  asio::io_context io;
  siaran::at::test::manual_clock clock{io};
  siaran::modem::pool modems(io, {entry("m1", "/dev/siaran-no-such-modem")}, clock.factory());
  REQUIRE(modems.modems().size() == 1);
  CHECK(modems.find("m1") != nullptr);
  CHECK(modems.find("s1") == nullptr);
  modems.start();
  settle(io);
  const auto snapshot = modems.snapshot();
  REQUIRE(snapshot.size() == 1);
  CHECK(snapshot[0].id == "m1");
  CHECK(snapshot[0].state == modem_state::failed);
  CHECK(snapshot[0].reason.find("cannot open /dev/siaran-no-such-modem") != std::string::npos);
  CHECK(modems.ready_and_idle().empty());
  modems.stop();
  settle(io);
  CHECK_FALSE(modems.running());
}
