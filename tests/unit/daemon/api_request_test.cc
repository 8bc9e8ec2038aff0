// SPDX-License-Identifier: GPL-3.0-or-later
// What POST /api/v1/messages accepts and refuses, before anything reaches the store.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "daemon/api/iso_time.h"
#include "daemon/api/message_request.h"

using namespace siaran::daemon::api;
using nlohmann::json;

namespace {

const message_defaults defaults{"ID", std::chrono::hours(48), *parse_iso("2026-11-25T08:00:00Z")};
siaran::daemon::concat_reference_allocator references;

std::string refusal(const json& body) {
  try {
    parse_message(body, defaults, references);
  } catch (const bad_request& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("ISO 8601 times are read with their offset and written in UTC with milliseconds", "[api][time]") {
  CHECK(iso_utc(*parse_iso("2026-11-25T15:00:00+07:00")) == "2026-11-25T08:00:00.000Z");
  CHECK(iso_utc(*parse_iso("2026-11-25T08:00:00.25Z")) == "2026-11-25T08:00:00.250Z");
  CHECK(iso_utc(*parse_iso("2026-11-25T15:00+0700")) == "2026-11-25T08:00:00.000Z");
  CHECK_FALSE(parse_iso("2026-11-25T15:00:00"));  // no offset: ambiguous
  CHECK_FALSE(parse_iso("2026-02-30T10:00:00Z"));
  CHECK_FALSE(parse_iso("2026-11-25T24:00:00Z"));
  CHECK_FALSE(parse_iso("tomorrow"));
}

TEST_CASE("a message is normalised to E.164 and encoded into its parts", "[api][message]") {
  const auto parsed = parse_message({{"to", "0812-3456-7890"}, {"text", std::string(200, 'a')}, {"report", true}},
                                    defaults, references);
  CHECK(parsed.message.recipient == "+6281234567890");
  CHECK(parsed.message.parts.size() == 2);
  CHECK(parsed.encoding == "gsm7");
  CHECK(parsed.message.report);
  CHECK(parsed.message.expires_at == defaults.now + std::chrono::hours(48));
  CHECK(parse_message({{"to", "+6281234567890"}, {"text", "Ibu Siti 👋"}}, defaults, references).encoding == "ucs2");
}

TEST_CASE("a message without \"report\" asks for one as dispatch.delivery_reports says", "[api][message]") {
  const json plain = {{"to", "081234567890"}, {"text", "Rapat besok"}};
  CHECK(parse_message(plain, defaults, references).message.report);
  message_defaults quiet = defaults;
  quiet.report = false;
  CHECK_FALSE(parse_message(plain, quiet, references).message.report);
  json asked = plain;
  asked["report"] = true;
  CHECK(parse_message(asked, quiet, references).message.report);
}

TEST_CASE("send_at and valid_for set when a message may go and until when", "[api][message]") {
  const auto parsed = parse_message(
      {{"to", "081234567890"}, {"text", "rapat"}, {"send_at", "2026-11-26T08:00:00+07:00"}, {"valid_for", "2h"}},
      defaults, references);
  CHECK(iso_utc(parsed.message.send_at) == "2026-11-26T01:00:00.000Z");
  CHECK(iso_utc(*parsed.message.expires_at) == "2026-11-26T03:00:00.000Z");
}

TEST_CASE("every malformed field is refused naming the field", "[api][message]") {
  CHECK(refusal({{"text", "x"}}) == "to: is required");
  CHECK(refusal({{"to", "12"}, {"text", "x"}}).rfind("to: ", 0) == 0);
  CHECK(refusal({{"to", "081234567890"}, {"text", ""}}) == "text: must be a non-empty string");
  CHECK(refusal({{"to", "081234567890"}, {"text", "x"}, {"priority", 101}}) ==
        "priority: 101 is not a whole number from -100 to 100");
  CHECK(refusal({{"to", "081234567890"}, {"text", "x"}, {"report", "yes"}}) == "report: must be true or false");
  CHECK(refusal({{"to", "081234567890"}, {"text", "x"}, {"send_at", "besok"}}).rfind("send_at: ", 0) == 0);
  CHECK(refusal({{"to", "081234567890"}, {"text", "x"}, {"valid_for", "0s"}}).rfind("valid_for: ", 0) == 0);
  CHECK(refusal({{"to", "081234567890"}, {"text", "x"}, {"client_ref", std::string(129, 'r')}}) ==
        "client_ref: must be 1 to 128 characters");
  CHECK(refusal({{"to", "081234567890"}, {"txt", "x"}}) == "txt: unknown field");
  CHECK(refusal(json::array()) == "must be a JSON object");
  CHECK(refusal({{"to", "081234567890"}, {"text", "\xff\xfe"}}).rfind("text: ", 0) == 0);
}
