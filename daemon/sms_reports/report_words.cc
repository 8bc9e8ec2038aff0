// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_words.h"

#include <algorithm>

#include "common/ascii.h"

namespace siaran::daemon::sms_reports {
namespace {

using common::is_digit;
using common::is_letter;

bool is_separator(char c) {
  return common::is_space(c) || c == ',' || c == ';' || c == ':' || c == '=' || c == '/' ||
         c == '.' || c == '-';
}

// A minus sign, not a dash between values: "S -5", "S=-5", "S: -5" (but "52-50-45" are three).
bool is_minus(std::string_view body, std::size_t at) {
  if (body[at] != '-' || at == 0 || at + 1 >= body.size() || !is_digit(body[at + 1])) return false;
  const char before = body[at - 1];
  return common::is_space(before) || before == '=' || before == ':';
}

bool is_thousands_dot(std::string_view body, std::size_t at, const std::string& word) {
  return body[at] == '.' && !word.empty() && is_digit(word.back()) && at + 1 < body.size() &&
         is_digit(body[at + 1]);
}

std::size_t letters_at_start(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::find_if_not(text, is_letter) - text.begin());
}

std::size_t number_at_start(std::string_view text) {
  return static_cast<std::size_t>(
      std::ranges::find_if_not(text, [](char c) { return is_digit(c) || c == '.'; }) -
      text.begin());
}

bool is_label(std::string_view word, std::span<const std::string> labels) {
  return std::ranges::any_of(
      labels, [&](const std::string& label) { return common::iequals(word, label); });
}

// A label in `text` right at `at`, followed by a digit: where a value glued to it starts.
bool label_before_digit_at(std::string_view text, std::size_t at,
                           std::span<const std::string> labels) {
  const auto letters = letters_at_start(text.substr(at));
  return letters > 0 && at + letters < text.size() && is_digit(text[at + letters]) &&
         is_label(text.substr(at, letters), labels);
}

void add_cut_at_labels(std::string_view word, std::span<const std::string> labels,
                       std::vector<std::string>& out) {
  while (!word.empty()) {
    std::size_t cut = 0;
    if (label_before_digit_at(word, 0, labels)) {
      cut = letters_at_start(word);
    } else if (const auto digits = number_at_start(word);
               digits > 0 && label_before_digit_at(word, digits, labels)) {
      cut = digits;
    }
    if (cut == 0) cut = word.size();
    out.emplace_back(word.substr(0, cut));
    word.remove_prefix(cut);
  }
}

}  // namespace

std::optional<typed_number> typed_number_of(std::string_view word) {
  typed_number number;
  if (!word.empty() && word.front() == '-') {
    number.negative = true;
    word.remove_prefix(1);
  }
  while (true) {
    const auto digits =
        static_cast<std::size_t>(std::ranges::find_if_not(word, is_digit) - word.begin());
    if (digits == 0) return std::nullopt;
    number.groups.push_back(word.substr(0, digits));
    word.remove_prefix(digits);
    if (word.empty()) return number;
    if (word.front() != '.') return std::nullopt;
    word.remove_prefix(1);
  }
}

bool may_be_thousands(const typed_number& number) {
  const auto& first = number.groups.front();
  return number.groups.size() > 1 && first.size() <= 3 && first.front() != '0' &&
         std::all_of(number.groups.begin() + 1, number.groups.end(),
                     [](std::string_view g) { return g.size() == 3; });
}

std::vector<std::string> report_words(std::string_view body, std::span<const std::string> labels) {
  std::vector<std::string> words;
  std::string word;
  const auto end_word = [&] {
    add_cut_at_labels(word, labels, words);
    word.clear();
  };
  for (std::size_t at = 0; at < body.size(); ++at) {
    if (is_thousands_dot(body, at, word) || is_minus(body, at) || !is_separator(body[at])) {
      word += body[at];
    } else {
      end_word();
    }
  }
  end_word();
  return words;
}

std::string_view leading_letters(std::string_view word) {
  return word.substr(0, letters_at_start(word));
}

bool is_letters(std::string_view word) {
  return !word.empty() && std::ranges::all_of(word, is_letter);
}

}  // namespace siaran::daemon::sms_reports
