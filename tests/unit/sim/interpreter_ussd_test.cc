// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <string>

#include "sim_rig.h"

using namespace std::chrono_literals;
using siaran::modemsim::modem_settings;
using siaran::modemsim::test::ok;
using siaran::modemsim::test::sim_rig;

namespace {

modem_settings on(std::string operator_name, std::int64_t balance) {
  modem_settings settings;
  settings.operator_name = std::move(operator_name);
  settings.balance = balance;
  return settings;
}

}  // namespace

TEST_CASE("the balance code answers OK at once and the +CUSD after the network's delay", "[sim][ussd]") {
  sim_rig rig(on("INDOSAT", 58600));
  CHECK(rig.send("AT+CUSD=1,\"*555#\",15") == ok);
  CHECK(rig.advance(1s).empty());
  CHECK(rig.advance(1s) == "\r\n+CUSD: 0,\"PulsaUTAMA Rp.58600. Aktif 31.12.26, Tenggang 30.01.27.\",15\r\n");
}

TEST_CASE("each operator words its balance its own way", "[sim][ussd]") {
  struct row {
    const char* operator_name;
    const char* code;
    const char* answer;
  };
  const row rows[] = {
      {"TELKOMSEL", "*888#", "+CUSD: 1,\"Sisa pulsa Rp.3000.Aktif sd 31/12/2026.\r\n1.Paket\r\n2.Info Kartu\",15"},
      {"XL", "*123#", "+CUSD: 1,\"Pulsa 3000 s.d 31Dec26. Pilih 1 Paket 2 Info\",15"},
      {"TRI", "*111#", "+CUSD: 0,\"Sisa Pulsa Rp3.000. Aktif s.d 31/12/2026\",15"},
      {"SMARTFREN", "*999#", "+CUSD: 0,\"Pulsa Anda Rp 3.000. Aktif s/d 31-12-2026\",15"},
  };
  for (const row& r : rows) {
    INFO(r.operator_name);
    sim_rig rig(on(r.operator_name, 3000));
    rig.send("AT+CUSD=1,\"" + std::string(r.code) + "\",15");
    CHECK(rig.advance(2s) == "\r\n" + std::string(r.answer) + "\r\n");
  }
}

TEST_CASE("the balance can come UCS2-coded, and changes when told", "[sim][ussd]") {
  sim_rig rig(on("SMARTFREN", 50000));
  rig.modem.set_ussd_ucs2(true);
  rig.modem.set_balance(900);
  rig.send("AT+CUSD=1,\"*999#\",15");
  CHECK(rig.advance(2s) ==
        "\r\n+CUSD: 0,\"00500075006C0073006100200041006E0064006100200052007000200039003000300"
        "02E00200041006B00740069006600200073002F0064002000330031002D00310032002D0032003000320036\",72\r\n");
}

TEST_CASE("another operator's code is not supported, and AT+CUSD=2 ends a session", "[sim][ussd]") {
  sim_rig rig(on("TELKOMSEL", 1000));
  CHECK(rig.send("AT+CUSD=1,\"*555#\",15") == ok);
  CHECK(rig.advance(2s) == "\r\n+CUSD: 4\r\n");
  CHECK(rig.send("AT+CUSD=2") == ok);
}
