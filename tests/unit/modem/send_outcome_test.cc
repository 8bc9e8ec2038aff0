// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "modem/send_outcome.h"

using namespace siaran;
using namespace siaran::modem;

namespace {

using at::failure_class;
using at::failure_source;

// An answer ending in a final result code, as the channel hands it over.
at::response answered(std::vector<std::string> lines, std::string_view final_line) {
  at::response answer;
  answer.final = at::parse_final_result(final_line);
  REQUIRE(answer.final);
  answer.success = answer.final->success;
  answer.lines = std::move(lines);
  answer.pdu_written = true;
  return answer;
}

// An answer without a final result code.
at::response unanswered(at::channel_error error, bool pdu_written, std::vector<std::string> lines = {}) {
  at::response answer;
  answer.error = error;
  answer.pdu_written = pdu_written;
  answer.lines = std::move(lines);
  answer.detail = "what the channel saw";
  return answer;
}

struct expected_error {
  failure_class kind;
  failure_source source;
  std::optional<int> code;
  bool maybe_sent;
  std::string text;  // contained in the error's text
};

struct send_case {
  std::string_view label;
  at::response answer;
  std::optional<int> reference;     // set: the part is sent
  std::optional<expected_error> error;  // set: it is not
};

std::vector<send_case> every_case() {
  using enum at::channel_error;
  return {
      {"a reference and OK", answered({"+CMGS: 42"}, "OK"), 42, {}},
      {"a reference and a garbled final (no final in time)", unanswered(timeout, true, {"+CMGS: 7"}), 7, {}},
      {"a reference and ERROR after it", answered({"+CMGS: 9"}, "ERROR"), 9, {}},
      {"a reference and the device gone before the final", unanswered(device_gone, true, {"+CMGS: 0"}), 0, {}},
      {"+CMS ERROR: 42 (congestion)", answered({}, "+CMS ERROR: 42"), {},
       expected_error{failure_class::temporary, failure_source::modem, 42, false, "congestion"}},
      {"+CMS ERROR: 1 (unassigned number)", answered({}, "+CMS ERROR: 1"), {},
       expected_error{failure_class::permanent, failure_source::message, 1, false, "unassigned"}},
      {"+CMS ERROR: 330 (SMSC address unknown)", answered({}, "+CMS ERROR: 330"), {},
       expected_error{failure_class::permanent, failure_source::modem, 330, false, "SMSC address unknown"}},
      {"+CME ERROR: 30 (no network service)", answered({}, "+CME ERROR: 30"), {},
       expected_error{failure_class::temporary, failure_source::modem, 30, false, "no network service"}},
      {"+CME ERROR: 24 (text string too long)", answered({}, "+CME ERROR: 24"), {},
       expected_error{failure_class::permanent, failure_source::message, 24, false, "text string too long"}},
      {"a plain ERROR", answered({}, "ERROR"), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, false, "ERROR"}},
      {"OK without a reference", answered({}, "OK"), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, true,
                      "OK without a message reference"}},
      {"no prompt: the PDU was never written", unanswered(prompt_timeout, false), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, false, "no answer to AT+CMGS"}},
      {"a timeout before the PDU", unanswered(timeout, false), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, false, "no answer to AT+CMGS"}},
      {"a timeout after the PDU", unanswered(timeout, true), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, true, "no answer to AT+CMGS"}},
      {"interrupted after the PDU (the modem restarted)", unanswered(interrupted, true), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, true, "AT+CMGS interrupted"}},
      {"the device gone before the PDU", unanswered(device_gone, false), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, false, "what the channel saw"}},
      {"the device gone after the PDU", unanswered(device_gone, true), {},
       expected_error{failure_class::temporary, failure_source::modem, std::nullopt, true, "what the channel saw"}},
  };
}

}  // namespace

TEST_CASE("every AT+CMGS answer is classified as sent, refused or uncertain", "[modem][send]") {
  int checked = 0;
  for (const send_case& each : every_case()) {
    INFO(each.label);
    const send_result result = classify_send(each.answer);
    CHECK(result.reference == each.reference);
    CHECK(result.ok() == each.reference.has_value());
    CHECK(result.error.has_value() == each.error.has_value());
    if (result.error && each.error) {
      CHECK(result.error->kind == each.error->kind);
      CHECK(result.error->source == each.error->source);
      CHECK(result.error->cms_code == each.error->code);
      CHECK(result.error->maybe_sent == each.error->maybe_sent);
      CHECK_THAT(result.error->text, Catch::Matchers::Contains(each.error->text));
    }
    ++checked;
  }
  CHECK(checked == 17);  // a shorter table would pass without checking what it lost
}

TEST_CASE("a reference wins over whatever final follows it: a resend would reach the phone twice", "[modem][send]") {
  const send_result result = classify_send(answered({"+CMGS: 255"}, "+CMS ERROR: 500"));
  REQUIRE(result.ok());
  CHECK(*result.reference == 255);
  CHECK_FALSE(result.error);
}
