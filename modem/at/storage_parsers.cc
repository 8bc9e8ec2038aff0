// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/storage_parsers.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "modem/at/fields.h"
#include "modem/at/text.h"

namespace siaran::at {
namespace {

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

// The fields of a "+CPMS:" line that come in groups of `group` (one group per storage).
std::optional<std::vector<field>> cpms_groups(std::string_view line, std::size_t group) {
  auto fields = fields_after(line, "+CPMS:");
  if (!fields || fields->size() % group != 0 || fields->size() > 3 * group) return std::nullopt;
  return fields;
}

// A count the modem gives; a negative one is garbage, not a storage.
std::optional<int> count(const field& f) {
  const std::optional<int> value = decimal(f);
  if (value && *value < 0) return std::nullopt;
  return value;
}

}  // namespace

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

std::optional<std::vector<storage_use>> parse_cpms_current(std::string_view line) {
  const auto fields = cpms_groups(line, 3);
  if (!fields || fields->empty()) return std::nullopt;
  std::vector<storage_use> uses;
  for (std::size_t i = 0; i < fields->size(); i += 3) {
    const field& used = (*fields)[i + 1];
    const field& total = (*fields)[i + 2];
    // A number where the name goes is the set form's answer ("+CPMS: 1,50,1,50,1,50").
    if (decimal((*fields)[i])) return std::nullopt;
    storage_use use;
    use.memory = std::string((*fields)[i].text);
    // Empty counts are Nokia's "nothing to say"; anything else must be a count.
    if (!used.text.empty() && !count(used)) return std::nullopt;
    if (!total.text.empty() && !count(total)) return std::nullopt;
    use.used = count(used).value_or(0);
    use.total = count(total).value_or(0);
    uses.push_back(std::move(use));
  }
  return uses;
}

std::optional<std::vector<storage_use>> parse_cpms_set(std::string_view line) {
  const auto fields = cpms_groups(line, 2);
  if (!fields || fields->empty()) return std::nullopt;
  std::vector<storage_use> uses;
  for (std::size_t i = 0; i < fields->size(); i += 2) {
    const std::optional<int> used = count((*fields)[i]);
    const std::optional<int> total = count((*fields)[i + 1]);
    if (!used || !total) return std::nullopt;
    uses.push_back({"", *used, *total});
  }
  return uses;
}

}  // namespace siaran::at
