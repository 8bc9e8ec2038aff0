// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated modem's general AT commands (27.007, V.250), its profiles and its faults.
#include <catch2/catch.hpp>

#include "modem/sim/interpreter.h"
#include "tests/unit/sim/sim_rig.h"

using namespace siaran::modemsim;
using siaran::modemsim::test::ok;
using siaran::modemsim::test::sim_rig;
using namespace std::chrono_literals;

namespace {

modem_settings with_profile(std::string_view name) {
  modem_settings settings;
  settings.profile = *find_profile(name);
  return settings;
}

modem_settings with_pin(std::string pin) {
  modem_settings settings;
  settings.pin = std::move(pin);
  return settings;
}

}  // namespace

TEST_CASE("echo is on at power-on, as on real modems, and ATE0 turns it off") {
  sim_rig rig({}, true);
  CHECK(rig.send("AT") == "AT\r" + std::string(ok));
  CHECK(rig.send("ATE0") == "ATE0\r" + std::string(ok));
  CHECK(rig.send("AT") == ok);
}

TEST_CASE("ATZ restores the power-on settings, echo included") {
  sim_rig rig;
  CHECK(rig.send("ATZ") == ok);
  CHECK(rig.send("AT") == "AT\r" + std::string(ok));
}

TEST_CASE("the identity and status commands answer in 27.007 form") {
  struct row {
    const char* command;
    const char* expected;
  };
  const row rows[] = {
      {"AT+CGMI", "\r\nSiaran\r\n\r\nOK\r\n"},
      {"AT+CGSN", "\r\n356938035643809\r\n\r\nOK\r\n"},
      {"AT+CIMI", "\r\n510101234567890\r\n\r\nOK\r\n"},
      {"ATI", "\r\nSiaran\r\nSimulated GSM modem\r\n1.0\r\n\r\nOK\r\n"},
      {"AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n"},
      {"AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n"},
      {"AT+CREG?", "\r\n+CREG: 0,1\r\n\r\nOK\r\n"},
      {"AT+COPS?", "\r\n+COPS: 0,0,\"TELKOMSEL\"\r\n\r\nOK\r\n"},
      {"AT+CSCA?", "\r\n+CSCA: \"+6281100000\",145\r\n\r\nOK\r\n"},
      {"AT+CMGF=0", "\r\nOK\r\n"},
      {"AT+CMGF=1", "\r\nERROR\r\n"},
      {"AT+CPMS?", "\r\n+CPMS: \"SM\",0,30,\"SM\",0,30,\"SM\",0,30\r\n\r\nOK\r\n"},
      {"AT+CPMS=\"SM\",\"SM\",\"SM\"", "\r\n+CPMS: 0,30,0,30,0,30\r\n\r\nOK\r\n"},
      {"AT+CNMI?", "\r\n+CNMI: 2,1,0,0,0\r\n\r\nOK\r\n"},
      {"AT+CNMI=?", "\r\n+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)\r\n\r\nOK\r\n"},
      {"AT+CMMS=2", "\r\nOK\r\n"},
      {"AT+CSCS=\"GSM\"", "\r\nOK\r\n"},
      {"AT+CMEE=1", "\r\nOK\r\n"},
      {"AT&FE0V1", "\r\nOK\r\n"},
      {"AT+FOO", "\r\nERROR\r\n"},
      {"ATX9", "\r\nERROR\r\n"},
  };
  for (const row& r : rows) {
    sim_rig rig;
    INFO(r.command);
    CHECK(rig.send(r.command) == r.expected);
  }
}

TEST_CASE("lowercase commands are accepted, as V.250 requires") {
  sim_rig rig;
  CHECK(rig.send("at+csq") == "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
}

TEST_CASE("a SIM with a PIN asks for it, and the right PIN unlocks it") {
  sim_rig rig(with_pin("1234"));
  CHECK(rig.send("AT+CPIN?") == "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
  CHECK(rig.send("AT+CMEE=1") == ok);
  CHECK(rig.send("AT+CIMI") == "\r\n+CME ERROR: 11\r\n");
  CHECK(rig.send("AT+CPIN=\"1234\"") == ok);
  CHECK(rig.send("AT+CPIN?") == "\r\n+CPIN: READY\r\n\r\nOK\r\n");
}

TEST_CASE("a wrong PIN is +CME ERROR: 16 in the form AT+CMEE asks for") {
  const std::pair<const char*, const char*> rows[] = {
      {"AT+CMEE=0", "\r\nERROR\r\n"},
      {"AT+CMEE=1", "\r\n+CME ERROR: 16\r\n"},
      {"AT+CMEE=2", "\r\n+CME ERROR: incorrect password\r\n"},
  };
  for (const auto& [mode, expected] : rows) {
    sim_rig rig(with_pin("1234"));
    rig.send(mode);
    CHECK(rig.send("AT+CPIN=\"0000\"") == expected);
  }
}

TEST_CASE("three wrong PINs block the SIM: PUK required, even for the right PIN") {
  sim_rig rig(with_pin("1234"));
  rig.send("AT+CMEE=1");
  for (int i = 0; i < 3; ++i) CHECK(rig.send("AT+CPIN=\"9999\"") == "\r\n+CME ERROR: 16\r\n");
  CHECK(rig.send("AT+CPIN?") == "\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n");
  CHECK(rig.send("AT+CPIN=\"1234\"") == "\r\n+CME ERROR: 12\r\n");
}

TEST_CASE("registration is 'searching' until the delay has passed, then +CREG: 1 when enabled") {
  modem_settings settings;
  settings.register_delay = 5s;
  sim_rig rig(settings);
  CHECK(rig.send("AT+CREG=1") == ok);
  CHECK(rig.send("AT+CREG?") == "\r\n+CREG: 1,2\r\n\r\nOK\r\n");
  CHECK(rig.send("AT+COPS?") == "\r\n+COPS: 0\r\n\r\nOK\r\n");
  CHECK(rig.modem.next_wakeup() == 5s);
  CHECK(rig.advance(5s) == "\r\n+CREG: 1\r\n");
  CHECK(rig.send("AT+CREG?") == "\r\n+CREG: 1,1\r\n\r\nOK\r\n");
}

TEST_CASE("the SIM800 profile announces itself at power-on") {
  interpreter modem(with_profile("simcom-sim800"));
  modem.power_on(0ms);
  CHECK(modem.take_output(0ms) ==
        "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n");
}

TEST_CASE("a SIM800 with a PIN announces +CPIN: SIM PIN at power-on") {
  modem_settings settings = with_profile("simcom-sim800");
  settings.pin = "1234";
  interpreter modem(settings);
  modem.power_on(0ms);
  CHECK(modem.take_output(0ms).find("+CPIN: SIM PIN") != std::string::npos);
}

TEST_CASE("the Wavecom profile ends +CPIN? without OK and puts a space before its name") {
  sim_rig rig(with_profile("wavecom"));
  CHECK(rig.send("AT+CPIN?") == "\r\n+CPIN: READY\r\n");
  CHECK(rig.send("AT+CGMI") == "\r\n WAVECOM MODEM\r\n\r\nOK\r\n");
}

TEST_CASE("the Huawei E173 profile refuses CNMI ds=2 and makes ^RSSI noise") {
  sim_rig rig(with_profile("huawei-e173"));
  CHECK(rig.send("AT+CNMI=2,1,0,2,0") == "\r\nERROR\r\n");
  CHECK(rig.send("AT+CNMI=2,1,0,1,0") == ok);
  CHECK(rig.advance(10s) == "\r\n^RSSI: 17\r\n");
  CHECK(rig.advance(10s) == "\r\n^MODE: 5,4\r\n");
}

TEST_CASE("a silent modem swallows commands and answers again once cleared") {
  sim_rig rig;
  rig.modem.set_silent(true);
  CHECK(rig.send("AT") == "");
  CHECK(rig.advance(60s) == "");
  rig.modem.set_silent(false);
  CHECK(rig.send("AT") == ok);
}

TEST_CASE("a slow modem answers after the delay, and nothing overtakes the late answer") {
  sim_rig rig;
  rig.modem.set_answer_delay(1500ms);
  CHECK(rig.send("AT") == "");
  rig.modem.emit_line("RING", rig.now);
  CHECK(rig.modem.next_wakeup() == 1500ms);
  CHECK(rig.advance(1499ms) == "");
  CHECK(rig.advance(1ms) == std::string(ok) + "\r\nRING\r\n");
}

TEST_CASE("garbage and unsolicited lines are sent at once") {
  sim_rig rig;
  rig.modem.emit_line("\x01\xFFgarbage", rig.now);
  CHECK(rig.advance(0ms) == "\r\n\x01\xFFgarbage\r\n");
}

TEST_CASE("a line inserted in the next response comes before its final result code") {
  sim_rig rig;
  rig.modem.insert_in_next_response("^BOOT: 26186916,0,0,0,75");
  CHECK(rig.send("AT+CSQ") == "\r\n+CSQ: 20,99\r\n\r\n^BOOT: 26186916,0,0,0,75\r\n\r\nOK\r\n");
  CHECK(rig.send("AT") == ok);
}

TEST_CASE("a power cycle forgets the settings but keeps the SIM's messages") {
  sim_rig rig;
  rig.send("AT+CNMI=2,1,0,0,0");
  rig.modem.inject_sms("+6281234567890", "HADIR", rig.now);
  rig.modem.power_on(rig.now);
  CHECK(rig.send("AT") == "AT\r" + std::string(ok));
  CHECK(rig.modem.storage().used() == 1);
}

TEST_CASE("a reboot is deaf and mute for the boot time, then RDY, and the SIM answers busy until its +CPIN") {
  modem_settings settings = with_profile("simcom-sim800");
  settings.pin = "1234";
  sim_rig rig(settings);
  CHECK(rig.send("AT+CPIN=\"1234\"") == ok);
  rig.modem.reboot(rig.now, 2000ms, 2500ms);
  CHECK(rig.modem.powered_off());
  CHECK(rig.send("AT") == "");
  CHECK(rig.advance(1999ms) == "");
  CHECK(rig.advance(1ms) == "\r\nRDY\r\n\r\n+CFUN: 1\r\n");
  CHECK_FALSE(rig.modem.powered_off());
  CHECK(rig.send("AT") == "AT\r" + std::string(ok));  // settings forgotten: echo is on again
  rig.send("ATE0");
  rig.send("AT+CMEE=1");
  CHECK(rig.send("AT+CPIN?") == "\r\n+CME ERROR: 14\r\n");
  CHECK(rig.advance(2500ms) == "\r\n+CPIN: SIM PIN\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n");
  CHECK(rig.send("AT+CPIN?") == "\r\n+CPIN: SIM PIN\r\n" + std::string(ok));
}
