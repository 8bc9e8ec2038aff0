// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran pdu ...` as a user runs it: one JSON object per line on stdout, exit 2 for usage
// errors and 65 for bad data, never a crash.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/child_process.h"

using nlohmann::json;

namespace {

using run_result = siaran::test::program_result;

run_result run_siaran(std::vector<std::string> args) {
  args.insert(args.begin(), SIARAN_BINARY_DIR "/tools/siaran");
  auto finished =
      siaran::test::run_program(args, siaran::test::deadline_in(std::chrono::seconds(20)));
  REQUIRE(finished);
  REQUIRE(finished->term_signal == 0);  // a signal means a crash
  return *finished;
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream stream(out);
  for (std::string line; std::getline(stream, line);) lines.push_back(json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("pdu decode prints one JSON object with the documented fields") {
  const run_result r =
      run_siaran({"pdu", "decode",
                  "07912143658709F1040B918100551512F20000111010214365000AE8329BFD4697D9EC37"});
  REQUIRE(r.exit_code == 0);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  const json& pdu = lines[0];
  CHECK(pdu["type"] == "SMS-DELIVER");
  CHECK(pdu["smsc"] == "+12345678901");
  CHECK(pdu["number"] == "+18005551212");
  CHECK(pdu["text"] == "hellohello");
  CHECK(pdu["dcs"] == 0);
  CHECK(pdu["encoding"] == "gsm7");
  CHECK(pdu["timestamp"] == "2011-01-01T12:34:56+00:00");
  CHECK(pdu["concat"].is_null());
}

TEST_CASE("pdu decode --no-smsc reads a bare status report TPDU") {
  const run_result r = run_siaran(
      {"pdu", "decode", "062A0D91261832547698F042305090035102423050900353024", "--no-smsc"});
  CHECK(r.exit_code == 65);  // odd hex digit count
  const run_result ok = run_siaran({"pdu", "decode",
                                    "062A0D91261832547698F04230509003510242305090035302"
                                    "46",
                                    "--no-smsc"});
  REQUIRE(ok.exit_code == 0);
  const json report = json_lines(ok.out).at(0);
  CHECK(report["type"] == "SMS-STATUS-REPORT");
  CHECK(report["smsc"].is_null());
  CHECK(report["message_reference"] == 42);
  CHECK(report["status"] == 0x46);
  CHECK(report["status_text"] == "SM validity period expired");
  CHECK(report["discharge_time"] == "2024-03-05T09:30:35+05:00");
}

TEST_CASE("pdu encode prints one line per part with the AT+CMGS length") {
  const run_result r =
      run_siaran({"pdu", "encode", "--to", "+6281234567890", "--text", std::string(200, 'a'),
                  "--ref", "7", "--report", "--validity", "1d"});
  REQUIRE(r.exit_code == 0);
  const auto parts = json_lines(r.out);
  REQUIRE(parts.size() == 2);
  for (const json& part : parts) {
    const std::string pdu = part["pdu"];
    CHECK(part["tpdu_length"] == pdu.size() / 2 - 1);
    const run_result decoded = run_siaran({"pdu", "decode", pdu});
    REQUIRE(decoded.exit_code == 0);
    CHECK(json_lines(decoded.out).at(0)["concat"]["ref"] == 7);
    CHECK(json_lines(decoded.out).at(0)["validity"] == "P1D");
  }
}

TEST_CASE("pdu encode reproduces the reference hellohello PDU") {
  const run_result r = run_siaran(
      {"pdu", "encode", "--to", "+46708251358", "--text", "hellohello", "--validity", "4d"});
  REQUIRE(r.exit_code == 0);
  CHECK(json_lines(r.out).at(0)["pdu"] == "0011000B916407281553F80000AA0AE8329BFD4697D9EC37");
}

TEST_CASE("usage errors exit 2 and bad data exits 65, with a message on stderr") {
  const std::vector<std::pair<std::vector<std::string>, int>> cases = {
      {{}, 2},
      {{"nonsense"}, 2},
      {{"pdu"}, 2},
      {{"pdu", "decode"}, 2},
      {{"pdu", "encode", "--to"}, 2},
      {{"pdu", "encode", "--to", "+62812", "--text", "x", "--bogus"}, 2},
      {{"pdu", "encode", "--to", "+62812", "--text", "x", "--ref", "256"}, 2},
      {{"pdu", "encode", "--to", "+62812", "--text", "x", "--validity", "3y"}, 2},
      {{"pdu", "encode", "--text", "x"}, 2},
      {{"pdu", "decode", "ZZ"}, 65},
      {{"pdu", "decode", "0004"}, 65},
      {{"pdu", "encode", "--to", "+62 812 abc", "--text", "x"}, 65},
      {{"pdu", "encode", "--to", "+62812", "--text", "bad \xC3"}, 65},
  };
  for (const auto& [args, code] : cases) {
    INFO(json(args).dump(-1, ' ', false, json::error_handler_t::replace));
    const run_result r = run_siaran(args);
    CHECK(r.exit_code == code);
    CHECK_FALSE(r.err.empty());
    CHECK(r.out.empty());
  }
}

TEST_CASE("pdu plan tells parts and encoding before sending") {
  const run_result r =
      run_siaran({"pdu", "plan", "--text", "Halo \xE2\x80\x9Cibu\xE2\x80\x9D", "--transliterate"});
  REQUIRE(r.exit_code == 0);
  const json plan = json_lines(r.out).at(0);
  CHECK(plan["encoding"] == "gsm7");
  CHECK(plan["parts"] == 1);
  CHECK(plan["units"] == 10);
}
