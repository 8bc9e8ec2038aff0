#include "modem/at/response_parsers.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <utility>

#include "modem/at/text.h"

namespace siaran::at {
namespace {

struct field {
  std::string_view text;  // without quotes and surrounding blanks
  bool quoted = false;
};

// The parameters after "+XXX:". Commas inside quotes do not split. A quote left open runs to
// the end of the line (Gammu's "single quote" dump: the modem dropped the closing quote); text
// after a closing quote makes the line unreadable (Gammu's "mismatched quotes" dump).
std::optional<std::vector<field>> split_fields(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(colon + 1);
  std::vector<field> fields;
  while (true) {
    rest = trim(rest);
    field next;
    if (rest.starts_with('"')) {
      rest.remove_prefix(1);
      const std::size_t close = rest.find('"');
      next = {rest.substr(0, close), true};
      rest = close == std::string_view::npos ? std::string_view{} : trim(rest.substr(close + 1));
      if (!rest.empty() && rest.front() != ',') return std::nullopt;
    } else {
      next = {trim(rest.substr(0, rest.find(','))), false};
      rest.remove_prefix(next.text.data() - rest.data() + next.text.size());
      rest = trim(rest);
    }
    fields.push_back(next);
    if (rest.empty()) return fields;
    rest.remove_prefix(1);  // the comma
  }
}

template <typename Number>
std::optional<Number> parse_number(std::string_view text, int base) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> decimal(const field& f) { return parse_number<int>(f.text, 10); }

// LAC, TAC and cell ids are hex. Absent or unreadable ("  0 5" from a Gobi 1000) reads as 0,
// as ModemManager does: the registration state is still worth having.
std::uint32_t hex_or_zero(const field& f) { return parse_number<std::uint32_t>(f.text, 16).value_or(0); }

bool is_short_decimal(const field& f) {
  return !f.quoted && !f.text.empty() && f.text.size() <= 2 &&
         std::all_of(f.text.begin(), f.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<registration_kind> registration_kind_of(std::string_view line) {
  if (line.starts_with("+CREG:")) return registration_kind::creg;
  if (line.starts_with("+CGREG:")) return registration_kind::cgreg;
  if (line.starts_with("+CEREG:")) return registration_kind::cereg;
  if (line.starts_with("+C5GREG:")) return registration_kind::c5greg;
  return std::nullopt;
}

std::string storage_name(std::string_view text) {
  std::string name;
  for (const char c : text) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (keep) name.push_back(c);
  }
  return name;
}

// One item of an AT+CPMS=? answer: "(\"SM\",\"ME\")", "\"ME\"", "()" or nothing. Quotes are
// not trusted (Gammu's sr-generic dump lost one), names are the runs of name characters.
std::vector<std::string> storage_names(std::string_view item) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= item.size()) {
    const std::size_t end = std::min(item.find(',', start), item.size());
    std::string name = storage_name(item.substr(start, end - start));
    if (!name.empty()) names.push_back(std::move(name));
    start = end + 1;
  }
  return names;
}

}  // namespace

std::optional<int> parse_message_reference(std::string_view line) {
  if (!trim(line).starts_with("+CMGS:")) return std::nullopt;
  const auto fields = split_fields(line);
  if (!fields || fields->empty()) return std::nullopt;
  const std::optional<int> reference = decimal(fields->front());
  if (!reference || *reference < 0 || *reference > 255) return std::nullopt;
  return reference;
}

std::optional<int> message_reference_in(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (const std::optional<int> reference = parse_message_reference(line)) return reference;
  }
  return std::nullopt;
}

std::optional<storage_index> parse_storage_index(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("+CMTI:") && !line.starts_with("+CDSI:")) return std::nullopt;
  const auto fields = split_fields(line);
  if (!fields || fields->size() != 2) return std::nullopt;
  const std::optional<int> index = decimal((*fields)[1]);
  if (!index || *index < 0) return std::nullopt;
  return storage_index{std::string((*fields)[0].text), *index};
}

std::optional<registration> parse_registration(std::string_view line, bool solicited) {
  line = trim(line);
  const std::optional<registration_kind> kind = registration_kind_of(line);
  if (!kind) return std::nullopt;
  const auto fields = split_fields(line);
  if (!fields || fields->empty()) return std::nullopt;
  const std::vector<field>& f = *fields;

  // Unsolicited: "<stat>[,<lac>,<ci>[,<AcT>...]]"; solicited: "<n>,<stat>[,<lac>,<ci>...]".
  // Some modems send the solicited form unsolicited; its second field is a one- or two-digit
  // <stat>, where the URC has a LAC (four hex digits, often quoted).
  const bool has_mode = solicited || f.size() == 2 || (f.size() >= 4 && is_short_decimal(f[1]));
  const std::size_t first = has_mode ? 1 : 0;
  if (f.size() <= first) return std::nullopt;

  registration result;
  result.kind = *kind;
  if (has_mode) result.mode = decimal(f[0]);
  const std::optional<int> stat = decimal(f[first]);
  if (!stat) return std::nullopt;
  result.stat = *stat;
  if (f.size() > first + 1) result.lac = hex_or_zero(f[first + 1]);
  if (f.size() > first + 2) result.ci = hex_or_zero(f[first + 2]);
  if (f.size() > first + 3) result.act = decimal(f[first + 3]);
  return result;
}

std::optional<signal_quality> parse_csq(std::string_view line) {
  if (!trim(line).starts_with("+CSQ:")) return std::nullopt;
  const auto fields = split_fields(line);
  if (!fields || fields->size() != 2) return std::nullopt;
  const std::optional<int> rssi = decimal((*fields)[0]);
  const std::optional<int> ber = decimal((*fields)[1]);
  if (!rssi || !ber) return std::nullopt;
  signal_quality result;
  result.rssi = *rssi;
  result.ber = *ber;
  if (*rssi >= 0 && *rssi <= 31) result.dbm = -113 + 2 * *rssi;
  return result;
}

std::optional<storage_lists> parse_cpms_supported(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("+CPMS:")) return std::nullopt;
  std::string_view rest = line.substr(6);
  storage_lists lists;
  std::size_t item = 0;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= rest.size(); ++i) {
    const char c = i < rest.size() ? rest[i] : ',';
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c != ',' || depth > 0) continue;
    if (item == lists.size()) return std::nullopt;
    lists[item++] = storage_names(rest.substr(start, i - start));
    start = i + 1;
  }
  return lists;
}

namespace {

// The fields of a "+CPMS:" line that come in groups of `group` (one group per storage).
std::optional<std::vector<field>> cpms_groups(std::string_view line, std::size_t group) {
  if (!trim(line).starts_with("+CPMS:")) return std::nullopt;
  auto fields = split_fields(line);
  if (!fields || fields->size() % group != 0) return std::nullopt;
  return fields;
}

}  // namespace

std::optional<std::vector<storage_use>> parse_cpms_current(std::string_view line) {
  const auto fields = cpms_groups(line, 3);
  if (!fields) return std::nullopt;
  std::vector<storage_use> uses;
  for (std::size_t i = 0; i < fields->size(); i += 3) {
    storage_use use;
    use.memory = std::string((*fields)[i].text);
    use.used = decimal((*fields)[i + 1]).value_or(0);
    use.total = decimal((*fields)[i + 2]).value_or(0);
    uses.push_back(std::move(use));
  }
  return uses;
}

std::optional<std::vector<storage_use>> parse_cpms_set(std::string_view line) {
  const auto fields = cpms_groups(line, 2);
  if (!fields) return std::nullopt;
  std::vector<storage_use> uses;
  for (std::size_t i = 0; i < fields->size(); i += 2) {
    const std::optional<int> used = decimal((*fields)[i]);
    const std::optional<int> total = decimal((*fields)[i + 1]);
    if (!used || !total) return std::nullopt;
    uses.push_back({"", *used, *total});
  }
  return uses;
}

}  // namespace siaran::at
