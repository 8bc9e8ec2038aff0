// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/broadcast/template.h"

#include <algorithm>
#include <array>

#include "common/ascii.h"

namespace siaran::daemon::broadcast {
namespace {

constexpr std::string_view default_salutation = "Bapak/Ibu";

constexpr std::array<std::string_view, 9> built_in_names = {
    "nama", "panggilan", "desa", "kecamatan", "posyandu", "kabupaten", "peran", "tanggal", "jam"};

bool is_built_in(std::string_view name) {
  return std::find(built_in_names.begin(), built_in_names.end(), name) != built_in_names.end();
}

// Keys as the CSV or the scheduler wrote them, found whatever their case.
const std::string* find_key(const std::map<std::string, std::string>& values,
                            std::string_view name) {
  for (const auto& [key, value] : values) {
    if (common::lowercase(key) == name) return &value;
  }
  return nullptr;
}

std::string or_empty(const std::optional<std::string>& value) { return value.value_or(""); }

std::optional<std::string> built_in_value(const template_values& values, std::string_view name) {
  const queue::contact& c = values.contact;
  if (name == "nama") return c.name;
  if (name == "panggilan") return or_empty(c.salutation);
  if (name == "desa") return or_empty(c.desa);
  if (name == "kecamatan") return or_empty(c.kecamatan);
  if (name == "posyandu") return or_empty(c.posyandu);
  if (name == "kabupaten") return or_empty(c.kabupaten);
  if (name == "peran") return or_empty(c.role);
  if (name == "tanggal") return values.date;
  if (name == "jam") return values.time;
  return std::nullopt;
}

}  // namespace

message_template message_template::parse(std::string_view text) {
  message_template t;
  std::string literal;
  auto flush_literal = [&] {
    if (!literal.empty()) t.pieces_.push_back({std::move(literal), {}, {}});
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool doubled = i + 1 < text.size() && text[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}')
      throw template_error("a } at character " + std::to_string(i + 1) +
                           " closes nothing (write }} for a brace)");
    if (c != '{') {
      literal += c;
      continue;
    }
    const auto close = text.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || text[close] != '}') {
      throw template_error("the { at character " + std::to_string(i + 1) +
                           " is not closed (write {{ for a brace)");
    }
    const std::string_view inside = text.substr(i + 1, close - i - 1);
    const auto bar = inside.find('|');
    const std::string name = common::lowercase(common::trim(inside.substr(0, bar)));
    if (name.empty())
      throw template_error("the placeholder at character " + std::to_string(i + 1) +
                           " has no name");
    std::optional<std::string> fallback;
    if (bar != std::string_view::npos) fallback = std::string(inside.substr(bar + 1));
    flush_literal();
    t.pieces_.push_back({{}, name, std::move(fallback)});
    i = close;
  }
  flush_literal();
  return t;
}

std::vector<std::string> message_template::names() const {
  std::vector<std::string> found;
  for (const piece& p : pieces_) {
    if (!p.name.empty() && std::find(found.begin(), found.end(), p.name) == found.end())
      found.push_back(p.name);
  }
  return found;
}

std::string message_template::render(const template_values& values) const {
  std::string out;
  for (const piece& p : pieces_) {
    if (p.name.empty()) {
      out += p.literal;
      continue;
    }
    std::string value = value_of(values, p.name).value_or("");
    if (value.empty() && p.fallback) value = *p.fallback;
    if (value.empty() && p.name == "panggilan") value = default_salutation;
    out += value;
  }
  return out;
}

std::optional<std::string> value_of(const template_values& values, std::string_view name) {
  if (const std::string* extra = find_key(values.extras, name)) return *extra;
  if (auto value = built_in_value(values, name)) return value;
  if (const std::string* field = find_key(values.contact.fields, name)) return *field;
  return std::nullopt;
}

std::vector<std::string> unknown_placeholders(const message_template& t,
                                              const std::vector<queue::contact>& recipients,
                                              const std::map<std::string, std::string>& extras) {
  std::vector<std::string> unknown;
  for (const std::string& name : t.names()) {
    const bool known =
        is_built_in(name) || find_key(extras, name) != nullptr ||
        std::any_of(recipients.begin(), recipients.end(),
                    [&](const queue::contact& c) { return find_key(c.fields, name) != nullptr; });
    if (!known) unknown.push_back(name);
  }
  return unknown;
}

}  // namespace siaran::daemon::broadcast
