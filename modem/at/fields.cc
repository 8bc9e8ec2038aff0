// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/fields.h"

#include "modem/at/text.h"

namespace siaran::at {

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
      next = {rest.substr(0, close), true, close == std::string_view::npos};
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

std::optional<std::vector<field>> fields_after(std::string_view line, std::string_view prefix) {
  if (!trim(line).starts_with(prefix)) return std::nullopt;
  return split_fields(trim(line));
}

bool complete(const std::vector<field>& fields) {
  for (const field& f : fields) {
    if (f.unterminated) return false;
  }
  return true;
}

std::optional<int> decimal(const field& f) { return parse_number<int>(f.text, 10); }

}  // namespace siaran::at
