// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/receipt.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "smpp/address.h"

namespace siaran::smpp {
namespace {

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string uppercase(std::string_view text) {
  std::string upper(text);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

// Where "key:" starts a field in `lower` (at the start or after a space), before `limit`.
std::size_t find_key(std::string_view lower, std::string_view key, std::size_t limit) {
  for (auto at = lower.find(key); at != std::string_view::npos && at < limit;
       at = lower.find(key, at + 1)) {
    bool starts_field = at == 0 || lower[at - 1] == ' ' || lower[at - 1] == '\n';
    bool has_colon = at + key.size() < lower.size() && lower[at + key.size()] == ':';
    if (starts_field && has_colon) return at;
  }
  return std::string_view::npos;
}

// The value after the first of `keys` found: up to the next space. The text: field is last and
// may itself hold "stat:", so keys are searched only before it.
std::optional<std::string> field_value(std::string_view text, std::string_view lower,
                                       std::initializer_list<std::string_view> keys,
                                       std::size_t limit) {
  for (auto key : keys) {
    auto at = find_key(lower, key, limit);
    if (at == std::string_view::npos) continue;
    auto start = at + key.size() + 1;
    auto end = text.find_first_of(" \r\n", start);
    return std::string(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  }
  return std::nullopt;
}

std::optional<int> integer_of(std::string_view digits, int base) {
  int value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (error != std::errc{} || end != digits.data() + digits.size() || digits.empty())
    return std::nullopt;
  return value;
}

// YYMMDDhhmm or YYMMDDhhmmss, taken as UTC (appendix B gives no zone).
std::optional<std::chrono::system_clock::time_point> date_of(std::string_view digits) {
  if (digits.size() != 10 && digits.size() != 12) return std::nullopt;
  std::array<int, 6> parts{};
  for (std::size_t i = 0; i < digits.size() / 2; ++i) {
    auto part = integer_of(digits.substr(i * 2, 2), 10);
    if (!part) return std::nullopt;
    parts[i] = *part;
  }
  using namespace std::chrono;
  year_month_day day{year{2000 + parts[0]}, month{static_cast<unsigned>(parts[1])},
                     std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!day.ok() || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return std::nullopt;
  return sys_days{day} + hours{parts[3]} + minutes{parts[4]} + seconds{parts[5]};
}

}  // namespace

receipt_outcome receipt::outcome() const {
  auto stat = uppercase(state);
  if (stat == "DELIVRD" || stat == "DELIVERED") return receipt_outcome::delivered;
  if (stat == "UNDELIV" || stat == "UNDELIVERABLE" || stat == "EXPIRED" || stat == "REJECTD" ||
      stat == "REJECTED" || stat == "DELETED") {
    return receipt_outcome::undelivered;
  }
  if (stat == "ACCEPTD" || stat == "ACCEPTED" || stat == "ENROUTE") return receipt_outcome::pending;
  return receipt_outcome::unknown;
}

bool is_receipt(std::uint8_t esm_class) {
  auto type = esm_class & esm::type_mask;
  return type == esm::delivery_receipt || type == 0x08 || type == esm::intermediate_notification;
}

std::vector<std::string> message_id_candidates(std::string_view message_id) {
  std::vector<std::string> candidates{std::string(message_id)};
  auto add = [&candidates](std::string id) {
    if (std::find(candidates.begin(), candidates.end(), id) == candidates.end()) {
      candidates.push_back(std::move(id));
    }
  };
  auto is_digits = [](std::string_view text, int base) {
    std::uint64_t ignored = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ignored, base);
    return !text.empty() && error == std::errc{} && end == text.data() + text.size();
  };
  auto number = [](std::string_view text, int base) {
    std::uint64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value, base);
    return value;
  };
  auto in_base = [](std::uint64_t value, int base) {
    std::array<char, 24> out{};
    auto [end, error] = std::to_chars(out.data(), out.data() + out.size(), value, base);
    return std::string(out.data(), end);
  };
  if (is_digits(message_id, 10)) {
    auto value = number(message_id, 10);
    add(in_base(value, 10));
    add(in_base(value, 16));
    add(uppercase(in_base(value, 16)));
  } else if (is_digits(message_id, 16)) {
    add(in_base(number(message_id, 16), 10));
  }
  return candidates;
}

receipt parse_receipt_text(std::string_view text) {
  auto lower = lowercase(text);
  auto limit = find_key(lower, "text", lower.size());
  receipt parsed;
  if (auto id = field_value(text, lower, {"id"}, limit)) parsed.message_id = *id;
  if (auto stat = field_value(text, lower, {"stat"}, limit)) parsed.state = uppercase(*stat);
  if (auto err = field_value(text, lower, {"err"}, limit)) {
    parsed.error_code = integer_of(*err, 10);
    if (!parsed.error_code) parsed.error_code = integer_of(*err, 16);
  }
  if (auto done = field_value(text, lower, {"done date", "done_date", "donedate"}, limit))
    parsed.done_at = date_of(*done);
  return parsed;
}

receipt receipt_of(const short_message_body& deliver) {
  const auto* payload = find_tlv(deliver.tlvs, tag::message_payload);
  const auto& octets =
      deliver.short_message.empty() && payload != nullptr ? payload->value : deliver.short_message;
  auto parsed = parse_receipt_text(
      std::string_view(reinterpret_cast<const char*>(octets.data()), octets.size()));
  if (auto id = tlv_string(deliver.tlvs, tag::receipted_message_id); id && !id->empty())
    parsed.message_id = *id;
  if (auto state = tlv_u8(deliver.tlvs, tag::message_state))
    parsed.state = message_state_text(*state);
  if (parsed.state.empty()) parsed.state = "UNKNOWN";
  // network_error_code (§5.3.2.31): network type, then a 2-octet error.
  if (const auto* network = find_tlv(deliver.tlvs, tag::network_error_code);
      network != nullptr && network->value.size() == 3 && !parsed.error_code) {
    parsed.error_code = network->value[1] << 8 | network->value[2];
  }
  if (parsed.message_id.empty()) {
    throw pdu_error("deliver_sm: receipt", 0,
                    "neither receipted_message_id nor an id: in the text");
  }
  parsed.recipient = number_of(deliver.source_addr_ton, deliver.source_addr);
  return parsed;
}

}  // namespace siaran::smpp
