// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran modem info` and `listen` as a person runs them, against a port that is not there, a pty
// nobody answers on, and a minimal modem the test plays on a pty.

#include <catch2/catch.hpp>

#include <csignal>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pty_modem.h"
#include "tests/support/child_process.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";

}  // namespace

TEST_CASE("siaran modem info on a port that does not exist exits 69 saying what was tried", "[modem-tools]") {
  const auto finished = run_program({siaran_tool, "modem", "info", "--port", "/dev/siaran-nonexistent"},
                                    deadline_in(20s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 69);
  CHECK(finished->err.find("cannot open /dev/siaran-nonexistent") != std::string::npos);
  CHECK(finished->err.find("tried: open /dev/siaran-nonexistent at 115200 baud") != std::string::npos);
  CHECK(finished->out.empty());
}

TEST_CASE("siaran modem info without --port is a usage error", "[modem-tools]") {
  const auto finished = run_program({siaran_tool, "modem", "info"}, deadline_in(20s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 2);
  CHECK(finished->err.find("--port is required") != std::string::npos);
}

TEST_CASE("siaran modem info prints the modem's identity, registration and storage as JSON", "[modem-tools]") {
  pty_pair pty;
  mini_modem modem(pty.master(), mini_modem::huawei_e173());
  const auto finished = run_program({siaran_tool, "modem", "info", "--port", pty.slave_path()}, deadline_in(60s));
  REQUIRE(finished);
  INFO(finished->err);
  REQUIRE(finished->exit_code == 0);
  const auto info = nlohmann::json::parse(finished->out);
  CHECK(info["state"] == "ready");
  CHECK(info["manufacturer"] == "huawei");
  CHECK(info["model"] == "E173");
  CHECK(info["imei"] == "356789012345678");
  CHECK(info["imsi"] == "510101234567890");
  CHECK(info["operator"] == "TELKOMSEL");
  CHECK(info["smsc"] == "+6281100000");
  CHECK(info["signal_dbm"] == -77);
  CHECK(info["registration"]["name"] == "home");
  CHECK(info["storage"][0] == nlohmann::json{{"memory", "SM"}, {"used", 2}, {"total", 10}});
}

TEST_CASE("siaran modem info --trace shows the AT dialogue on stderr", "[modem-tools]") {
  pty_pair pty;
  mini_modem modem(pty.master(), mini_modem::huawei_e173());
  const auto finished =
      run_program({siaran_tool, "modem", "info", "--port", pty.slave_path(), "--trace"}, deadline_in(60s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 0);
  CHECK(finished->err.find("-> AT+CGMI\\r") != std::string::npos);
  CHECK(finished->err.find("<- \\r\\nhuawei\\r\\n") != std::string::npos);
}

TEST_CASE("siaran modem info on a port where nothing answers exits 69", "[modem-tools]") {
  pty_pair pty;
  mini_modem modem(pty.master(), {}, true);
  const auto finished =
      run_program({siaran_tool, "modem", "info", "--port", pty.slave_path(), "--timeout", "30"}, deadline_in(60s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 69);
  CHECK(finished->err.find("no answer to ATE0") != std::string::npos);
  CHECK(finished->err.find("siaran modem list") != std::string::npos);
}

TEST_CASE("siaran modem listen prints a PDU it cannot decode as a JSON line with the error, then deletes it",
          "[modem-tools]") {
  // gammu's tests/at-sms-failing/13: a modem printed this "PDU" (corpus gammu_at-sms-failing_13).
  const std::string corrupt = "0BD04259303784=96p331p71160016D02B5AEC86BBDD6E37D80DFF00F19C0AC8F7BA3E87BFD7F539FFFF";
  auto answers = mini_modem::huawei_e173();
  answers["AT+CMGL=4"] = "+CMGL: 1,0,,164\r\n" + corrupt;
  answers["AT+CMGR=1"] = "+CMGR: 0,,164\r\n" + corrupt;
  answers["AT+CMGD=1"] = "";
  pty_pair pty;
  mini_modem modem(pty.master(), answers);
  child_process listen({siaran_tool, "modem", "listen", "--port", pty.slave_path(), "--trace"});
  REQUIRE(listen.wait_for_stderr_line("-> AT+CMGD=1", deadline_in(60s)));
  listen.send_signal(SIGTERM);
  const auto finished = listen.wait_exit(deadline_in(20s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 0);
  std::istringstream out(finished->out);
  std::string first;
  REQUIRE(std::getline(out, first));
  const auto line = nlohmann::json::parse(first);
  CHECK(line["pdu"] == corrupt);
  CHECK(line["index"] == 1);
  CHECK_FALSE(line["error"].get<std::string>().empty());
  CHECK_FALSE(line.contains("text"));
}
