// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/head_count.h"

#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "common/ascii.h"

namespace siaran::daemon::reports {
namespace {

constexpr std::int64_t most = 99;
constexpr std::array<std::string_view, 10> number_words{"satu", "dua",   "tiga",    "empat",    "lima",
                                                        "enam", "tujuh", "delapan", "sembilan", "sepuluh"};

// Runs of letters (lower-cased) and runs of digits; everything else separates them.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < text.size();) {
    bool (*const same)(char) = common::is_letter(text[i])  ? common::is_letter
                               : common::is_digit(text[i]) ? common::is_digit
                                                           : nullptr;
    if (same == nullptr) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && same(text[end])) ++end;
    words.push_back(common::lowercase(text.substr(i, end - i)));
    i = end;
  }
  return words;
}

std::optional<std::int64_t> count_of(const std::string& word) {
  for (std::size_t i = 0; i < number_words.size(); ++i) {
    if (word == number_words[i]) return static_cast<std::int64_t>(i + 1);
  }
  std::int64_t n = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), n);
  if (error != std::errc() || end != word.data() + word.size() || n < 1 || n > most) return std::nullopt;
  return n;
}

}  // namespace

std::int64_t head_count(std::string_view attending_reply) {
  const std::vector<std::string> words = words_of(attending_reply);
  if (words.size() > 1) {
    if (const auto right_after_keyword = count_of(words[1])) return *right_after_keyword;
  }
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    const bool people = words[i + 1] == "orang" || words[i + 1] == "org";
    if (const auto n = count_of(words[i]); n && people) return *n;
  }
  return 1;
}

}  // namespace siaran::daemon::reports
