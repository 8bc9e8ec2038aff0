// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/target.h"


#include "common/ascii.h"

namespace siaran::daemon::http {
namespace {

// `plus_is_space`: only forms (the query) encode a space as '+'; in a path '+' is itself.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c != '%') {
      out += c;
    } else {
      if (text.size() - i < 3) return std::nullopt;
      const int high = common::hex_digit_value(text[i + 1]);
      const int low = common::hex_digit_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    }
  }
  return out;
}

bool safe_path(std::string_view path) {
  if (path.find('\0') != std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (path.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

bool decode_query(std::string_view text, std::map<std::string, std::string>& query) {
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!key || !value) return false;
    query[std::move(*key)] = std::move(*value);
  }
  return true;
}

}  // namespace

std::optional<decoded_target> decode_target(std::string_view target) {
  if (!target.starts_with('/')) return std::nullopt;
  const auto question = target.find('?');
  auto path = percent_decode(target.substr(0, question), false);
  if (!path || !safe_path(*path)) return std::nullopt;
  decoded_target out;
  out.path = std::move(*path);
  if (question != std::string_view::npos && !decode_query(target.substr(question + 1), out.query)) {
    return std::nullopt;
  }
  return out;
}

std::string media_type(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  auto type = content_type.substr(0, semicolon);
  return common::lowercase(common::trim(type));
}

}  // namespace siaran::daemon::http
