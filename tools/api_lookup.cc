// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/api_lookup.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {

std::optional<std::int64_t> as_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::int64_t id_by_name(api_client& client, std::string_view list_target, std::string_view what,
                        std::string_view name) {
  if (const auto id = as_id(name)) return *id;
  const nlohmann::json list = expect_json(client.get(list_target));
  for (const nlohmann::json& item : list) {
    if (item.value("name", "") == name) return item.at("id").get<std::int64_t>();
  }
  throw api_failure{exit_data, "no " + std::string(what) + " named '" + std::string(name) + "'"};
}

std::string template_text(std::string_view value) {
  if (value.empty() || value.front() != '@') return std::string(value);
  const std::string path(value.substr(1));
  std::ifstream file(path, std::ios::binary);
  if (!file) throw usage_error{"cannot read the template file '" + path + "'"};
  std::ostringstream text;
  text << file.rdbuf();
  std::string s = text.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace siaran::tools
