// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "modem/at/result_code.h"

using namespace siaran::at;

TEST_CASE("OK is a successful final result", "[at][result]") {
  const auto result = parse_final_result("OK");
  REQUIRE(result);
  CHECK(result->kind == final_kind::ok);
  CHECK(result->success);
  CHECK_FALSE(result->code);
}

TEST_CASE("the plain failure codes are final results that are not success", "[at][result]") {
  const std::pair<const char*, final_kind> cases[] = {
      {"ERROR", final_kind::error},
      {"NO CARRIER", final_kind::no_carrier},
      {"NO DIALTONE", final_kind::no_dialtone},
      {"BUSY", final_kind::busy},
      {"NO ANSWER", final_kind::no_answer},
      {"COMMAND NOT SUPPORT", final_kind::command_not_support},
      {"TOO MANY PARAMETERS", final_kind::too_many_parameters},
  };
  for (const auto& [text, kind] : cases) {
    INFO(text);
    const auto result = parse_final_result(text);
    REQUIRE(result);
    CHECK(result->kind == kind);
    CHECK_FALSE(result->success);
  }
}

TEST_CASE("lines that only look like final results are not final", "[at][result]") {
  CHECK_FALSE(parse_final_result("OKAY"));
  CHECK_FALSE(parse_final_result("+CMGS: 4"));
  CHECK_FALSE(parse_final_result("ERRORS"));
  CHECK_FALSE(parse_final_result(""));
}

TEST_CASE("blanks around a final result are ignored", "[at][result]") {
  CHECK(parse_final_result("  OK\r")->kind == final_kind::ok);
}

TEST_CASE("+CMS ERROR carries its code and the 27.005 meaning", "[at][result]") {
  const auto result = parse_final_result("+CMS ERROR: 330");
  REQUIRE(result);
  CHECK(result->kind == final_kind::cms_error);
  CHECK(result->code == 330);
  CHECK(result->meaning == "SMSC address unknown");
  CHECK_FALSE(result->success);
}

TEST_CASE("+CMS ERROR in the TP-FCS range has the 23.040 meaning", "[at][result]") {
  CHECK(parse_final_result("+CMS ERROR: 208")->meaning == "SIM SMS storage full");
  CHECK(cms_error_meaning(0xD3) == "memory capacity exceeded");
  CHECK(cms_error_meaning(42) == "congestion");
}

TEST_CASE("+CME ERROR carries its code and the 27.007 meaning", "[at][result]") {
  const auto result = parse_final_result("+CME ERROR: 11");
  REQUIRE(result);
  CHECK(result->kind == final_kind::cme_error);
  CHECK(result->code == 11);
  CHECK(result->meaning == "SIM PIN required");
}

TEST_CASE("verbose +CME ERROR text is mapped back to its code", "[at][result]") {
  const auto result = parse_final_result("+CME ERROR: SIM PIN required");
  REQUIRE(result);
  CHECK(result->code == 11);
  CHECK(parse_final_result("+CME ERROR: incorrect password")->code == 16);
  CHECK(parse_final_result("+CMS ERROR: (U)SIM busy")->code == 314);
}

TEST_CASE("an unknown verbose error keeps the modem's text and has no code", "[at][result]") {
  const auto result = parse_final_result("+CME ERROR: modem on fire");
  REQUIRE(result);
  CHECK_FALSE(result->code);
  CHECK(result->meaning == "modem on fire");
}

TEST_CASE("an unknown numeric error keeps its code with an empty meaning", "[at][result]") {
  const auto result = parse_final_result("+CMS ERROR: 999");
  REQUIRE(result);
  CHECK(result->code == 999);
  CHECK(result->meaning.empty());
}

TEST_CASE("congestion and network trouble are temporary, bad numbers and barring permanent",
          "[at][result]") {
  for (const int code : {41, 42, 47, 331, 332, 314, 500}) {
    INFO(code);
    CHECK(classify_cms_error(code) == failure_class::temporary);
  }
  for (const int code : {1, 8, 10, 21, 28, 29, 30, 50, 96, 304, 305, 310}) {
    INFO(code);
    CHECK(classify_cms_error(code) == failure_class::permanent);
  }
}

TEST_CASE("an unknown CMS code is temporary so a message is retried, not dropped", "[at][result]") {
  CHECK(classify_cms_error(777) == failure_class::temporary);
  CHECK(cms_error_source(777) == failure_source::modem);
}

TEST_CASE("a wrong or barred number and a bad PDU speak of the message; credit, SIM and network of the modem",
          "[at][result]") {
  for (const int code : {1, 22, 27, 28, 30, 96, 0xC3, 0xC4, 304}) {
    INFO(code);
    CHECK(cms_error_source(code) == failure_source::message);
  }
  for (const int code : {8, 10, 21, 38, 42, 50, 69, 0xC1, 310, 311, 330, 331, 500}) {
    INFO(code);
    CHECK(cms_error_source(code) == failure_source::modem);
  }
  CHECK(cme_error_source(11) == failure_source::modem);
  CHECK(cme_error_source(27) == failure_source::message);
}

TEST_CASE("a SIM that needs a PIN is a permanent CME error, a busy SIM a temporary one", "[at][result]") {
  CHECK(classify_cme_error(11) == failure_class::permanent);
  CHECK(classify_cme_error(16) == failure_class::permanent);
  CHECK(classify_cme_error(14) == failure_class::temporary);
  CHECK(cme_error_meaning(100) == "unknown");
}
