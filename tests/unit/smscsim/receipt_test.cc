// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "smpp/pdu.h"
#include "smpp/sim/receipt_rules.h"
#include "smpp/sim/receipt_text.h"

using namespace siaran::smscsim;
namespace message_state = siaran::smpp::message_state;
using namespace std::chrono_literals;

TEST_CASE(
    "receipt rules give a stat and a delay by the number's last digits, the first match deciding") {
  const auto rules = parse_receipt_rules("7:UNDELIV, 8:none, 9:DELIVRD@5000, :EXPIRED@0");
  REQUIRE(rules.size() == 4);
  CHECK(rule_for(rules, "6281234567")->state == message_state::undeliverable);
  CHECK_FALSE(rule_for(rules, "6281234568")->state);
  CHECK(rule_for(rules, "6281234569")->delay == 5000ms);
  CHECK(rule_for(rules, "6281234560")->state == message_state::expired);  // "" matches every number
  CHECK(rule_for(parse_receipt_rules(" "), "6281234560") == nullptr);
}

TEST_CASE("a receipt rule that is not ENDING:STAT[@DELAY_MS] is refused, naming it") {
  CHECK_THROWS_WITH(parse_receipt_rules("7:UNDELIV, 8:LOST"), Catch::Contains("'8:LOST'"));
  CHECK_THROWS_AS(parse_receipt_rules("x7:DELIVRD"), receipt_rules_error);
  CHECK_THROWS_AS(parse_receipt_rules("7:DELIVRD@soon"), receipt_rules_error);
  CHECK_THROWS_AS(parse_receipt_rules("7:ENROUTE"), receipt_rules_error);  // not a final state
  CHECK_THROWS_AS(parse_receipt_rules("7"), receipt_rules_error);
}

TEST_CASE(
    "a receipt's text follows appendix B, quoting 20 characters that read the same in ASCII and "
    "GSM") {
  // 2026-12-07 21:35:00 UTC and two minutes later.
  const auto submitted = std::chrono::system_clock::time_point(std::chrono::seconds(1796679300));
  const receipt_facts delivered{"1A2B", message_state::delivered, submitted, submitted + 2min,
                                "Rapat kader besok jam 9 di balai"};
  CHECK(
      receipt_text(delivered) ==
      "id:1A2B sub:001 dlvrd:001 submit date:2612072135 done date:2612072137 stat:DELIVRD err:000 "
      "text:Rapat kader besok ja");
  const receipt_facts undelivered{"1A2C", message_state::undeliverable, submitted, submitted,
                                  "Salam \xE2\x9C\x93 @_"};
  CHECK(
      receipt_text(undelivered) ==
      "id:1A2C sub:001 dlvrd:000 submit date:2612072135 done date:2612072135 stat:UNDELIV err:001 "
      "text:Salam ? ??");
}
