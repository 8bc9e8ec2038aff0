#include "modem/stored_messages.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace siaran::modem {
namespace {

std::optional<int> number_at(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end == text.data()) return std::nullopt;
  return value;
}

struct header {
  std::optional<int> index;
  int stat = 0;
  std::optional<int> length;
  std::string inline_pdu;
};

std::optional<header> parse_header(std::string_view line) {
  const bool listed = line.starts_with("+CMGL:");
  if (!listed && !line.starts_with("+CMGR:")) return std::nullopt;
  line.remove_prefix(6);
  header result;
  if (listed) {
    result.index = number_at(line);
    if (!result.index) return std::nullopt;
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    line.remove_prefix(comma + 1);
  }
  const std::optional<int> stat = number_at(line);
  if (!stat) return std::nullopt;
  result.stat = *stat;
  // <length> is the last field before any inline PDU: "<stat>,[<alpha>],<length>".
  const std::string_view fields = line.substr(0, line.find(' ', line.find_first_not_of(' ')));
  const std::size_t last_comma = fields.find_last_of(',');
  if (last_comma != std::string_view::npos) result.length = number_at(fields.substr(last_comma + 1));
  // The PDU on the same line, after the length: "+CMGR: 1,,147 0791...".
  const std::size_t space = line.find_last_of(' ');
  if (space != std::string_view::npos && is_hex(line.substr(space + 1)) && line.size() - space > 8) {
    result.inline_pdu = std::string(line.substr(space + 1));
  }
  return result;
}

}  // namespace

bool is_hex(std::string_view text) {
  return !text.empty() && text.size() % 2 == 0 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c); });
}

std::vector<stored_pdu> parse_stored_pdus(const std::vector<std::string>& lines) {
  std::vector<stored_pdu> found;
  std::optional<header> pending;
  // A header whose PDU line is missing (the framer drops empty lines) still names a message
  // on the SIM: it is listed with an empty PDU, to be handed up as undecodable, not forgotten.
  const auto flush = [&](std::string pdu) {
    if (pending) found.push_back({pending->index, pending->stat, std::move(pdu), pending->length});
    pending.reset();
  };
  for (const std::string& line : lines) {
    if (std::optional<header> next = parse_header(line)) {
      flush({});
      if (next->inline_pdu.empty()) {
        pending = std::move(next);
      } else {
        found.push_back({next->index, next->stat, std::move(next->inline_pdu), next->length});
      }
      continue;
    }
    if (pending) flush(line);  // hex or not: the modem's garbled PDU, kept as it came
  }
  flush({});
  return found;
}

}  // namespace siaran::modem
