#pragma once

#include <string_view>

namespace siaran::at {

// Blanks around AT lines carry no meaning (Wavecom pads information text with a leading space).
inline std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace siaran::at
