// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fake_modem.h"

using namespace std::chrono_literals;
using siaran::modem::modem_state;
using siaran::modem::ussd_outcome;
using siaran::modem::test::modem_rig;
namespace asio = siaran::asio;

namespace {

constexpr const char* dial_888 = "AT+CUSD=1,\"*888#\",15";

// The modem answers the dial with `final` (and what follows it) and accepts AT+CUSD=2.
void answer_dial(modem_rig& rig, std::string_view final) {
  rig.fake.set(dial_888, "", final);
  rig.fake.set("AT+CUSD=2", "", "OK");
}

std::shared_ptr<std::optional<ussd_outcome>> dial(modem_rig& rig, std::string code) {
  auto result = std::make_shared<std::optional<ussd_outcome>>();
  asio::co_spawn(rig.io, rig.driver->ussd(std::move(code), 20s), [result](std::exception_ptr error, ussd_outcome got) {
    if (error) std::rethrow_exception(error);
    *result = std::move(got);
  });
  rig.settle();
  return result;
}

}  // namespace

TEST_CASE("a USSD answer arriving after OK, over several lines, is handed back decoded", "[modem][ussd]") {
  modem_rig rig;
  answer_dial(rig, "OK");
  const auto result = dial(rig, "*888#");
  CHECK_FALSE(*result);
  CHECK(rig.driver->state() == modem_state::sending);  // the dispatcher gives it no part meanwhile
  rig.device->push("\r\n+CUSD: 0,\"Sisa pulsa Rp.24025.Aktif sd 28/08/2016.\r\n2.Info Kartu\r\n\",15\r\n");
  rig.settle();
  REQUIRE(*result);
  REQUIRE((*result)->ok());
  CHECK((*result)->reply->status == 0);
  CHECK((*result)->reply->text == "Sisa pulsa Rp.24025.Aktif sd 28/08/2016.\n2.Info Kartu\n");
  CHECK(rig.driver->state() == modem_state::ready);
  CHECK(rig.count("AT+CUSD=2") == 0);
}

TEST_CASE("a USSD menu the network leaves open is ended with AT+CUSD=2", "[modem][ussd]") {
  modem_rig rig;
  answer_dial(rig, "OK\r\n\r\n+CUSD: 1,\"Pulsa Rp 5.000 1.Paket 2.Info\",15");
  const auto result = dial(rig, "*888#");
  REQUIRE(*result);
  REQUIRE((*result)->ok());
  CHECK((*result)->reply->status == 1);
  CHECK(rig.count("AT+CUSD=2") == 1);
  CHECK(rig.driver->state() == modem_state::ready);
}

TEST_CASE("no +CUSD answer within the wait is an error, and the session is cancelled", "[modem][ussd]") {
  modem_rig rig;
  answer_dial(rig, "OK");
  const auto result = dial(rig, "*888#");
  REQUIRE(rig.advance_until([&] { return result->has_value(); }, 30s));
  CHECK_FALSE((*result)->ok());
  CHECK((*result)->error == "no +CUSD answer within 20 s");
  CHECK(rig.count("AT+CUSD=2") == 1);
  CHECK(rig.driver->state() == modem_state::ready);
}

TEST_CASE("a modem refusing AT+CUSD says so", "[modem][ussd]") {
  modem_rig rig;
  rig.fake.set(dial_888, "", "+CME ERROR: 4");
  const auto result = dial(rig, "*888#");
  REQUIRE(*result);
  CHECK_FALSE((*result)->ok());
  CHECK((*result)->error == "AT+CUSD answered +CME ERROR: 4");
  CHECK(rig.driver->state() == modem_state::ready);
}

TEST_CASE("a text that is not a USSD code is never written to the modem", "[modem][ussd]") {
  modem_rig rig;
  const auto result = dial(rig, "*888#\"\r\nAT+CMGD=1,4\r\n#");
  REQUIRE(*result);
  CHECK_FALSE((*result)->ok());
  CHECK(rig.count(dial_888) == 0);
}
