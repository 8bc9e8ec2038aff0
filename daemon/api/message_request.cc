// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/message_request.h"

#include <nlohmann/json.hpp>

#include "config/values.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/dispatch/operator_prefixes.h"
#include "sms/phone_number.h"
#include "sms/codec_error.h"
#include "daemon/compose.h"
#include "sms/codec_error.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;


// The keys a message may have: anything else is a typo the sender should hear about.
constexpr std::string_view known_keys[] = {"to", "text", "priority", "send_at", "report", "client_ref", "valid_for"};

class fields {
 public:
  fields(const json& item, const std::string& prefix) : item_(item), prefix_(prefix) {
    if (!item.is_object()) fail("", "must be a JSON object");
    for (const auto& [key, value] : item.items()) {
      if (std::ranges::find(known_keys, key) == std::end(known_keys)) fail(key, "unknown field");
    }
  }

  [[noreturn]] void fail(std::string_view key, std::string_view what) const {
    throw bad_request(prefix_ + std::string(key) + (key.empty() ? "" : ": ") + std::string(what));
  }

  std::string required_text(const char* key) const { return required_string(item_, key, prefix_); }
  std::optional<std::string> optional_text(const char* key) const { return field_string(item_, key, prefix_); }
  int priority() const {
    return static_cast<int>(field_integer(item_, "priority", priority_range, prefix_).value_or(0));
  }
  std::optional<bool> report() const { return field_boolean(item_, "report", prefix_); }

 private:
  const json& item_;
  const std::string& prefix_;
};

std::string e164(const fields& f, const std::string& to, const std::string& region) {
  // Already E.164 on a known Indonesian mobile range (what contacts and scripts send): valid
  // without asking libphonenumber, whose regular expressions cost more than the rest of a
  // message's handling together (a 100,000-message batch).
  if (!daemon::operator_of(to).empty()) return to;
  try {
    return normalize_phone_number(to, region);
  } catch (const phone_number_error& e) {
    f.fail("to", e.what());
  }
}

queue::timestamp send_time(const fields& f, const message_defaults& d) {
  const auto text = f.optional_text("send_at");
  if (!text) return d.now;
  const auto at = parse_iso(*text);
  if (!at) f.fail("send_at", "'" + *text + "' is not an ISO 8601 time with its offset, such as 2026-11-26T08:00:00+07:00");
  return std::max(*at, d.now);
}

std::chrono::seconds validity(const fields& f, const message_defaults& d) {
  const auto text = f.optional_text("valid_for");
  if (!text) return d.valid_for;
  const auto parsed = config::values::parse_duration(*text);
  if (!parsed) f.fail("valid_for", "'" + *text + "' is not a duration between 1s and 366d, such as 30m, 12h or 2d");
  return *parsed;
}

}  // namespace

parsed_message parse_message(const json& item, const message_defaults& defaults,
                             concat_reference_allocator& references, const std::string& field) {
  const fields f(item, field);
  outgoing_text out;
  out.to = e164(f, f.required_text("to"), defaults.region);
  out.text = f.required_text("text");
  out.priority = f.priority();
  out.report = f.report().value_or(defaults.report);
  out.client_ref = f.optional_text("client_ref");
  if (out.client_ref && !client_ref_fits(*out.client_ref)) {
    f.fail("client_ref", "must be 1 to 128 characters");
  }
  out.now = defaults.now;
  out.send_at = send_time(f, defaults);
  out.valid_for = validity(f, defaults);
  try {
    composed_message composed = compose(out, references);
    return {std::move(composed.message), std::move(composed.encoding)};
  } catch (const sms::codec_error& e) {
    f.fail("text", e.what());
  }
}

}  // namespace siaran::daemon::api
