// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/phrase_cursor.h"

#include <fmt/format.h>

#include "common/ascii.h"
#include "daemon/schedule/local_time.h"
#include "daemon/schedule/phrase_error.h"

namespace siaran::daemon::schedule {
namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }  // after lowercasing
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

phrase_cursor::phrase_cursor(std::string_view text) {
  for (const char c : text) {
    if (c != '\'') text_ += common::to_lower(c);
  }
}

void phrase_cursor::skip_spaces() {
  while (at_ < text_.size() && common::is_space(text_[at_])) ++at_;
}

bool phrase_cursor::at_end() {
  skip_spaces();
  return at_ == text_.size();
}

bool phrase_cursor::take(std::string_view token) {
  skip_spaces();
  if (std::string_view(text_).substr(at_, token.size()) != token) return false;
  const std::size_t end = at_ + token.size();
  if (is_letter(token.back()) && end < text_.size() && is_letter(text_[end])) return false;
  at_ = end;
  return true;
}

std::optional<int> phrase_cursor::take_number(std::size_t min_digits, std::size_t max_digits) {
  skip_spaces();
  std::size_t end = at_;
  while (end < text_.size() && is_digit(text_[end])) ++end;
  const std::size_t digits = end - at_;
  if (digits < min_digits || digits > max_digits) return std::nullopt;
  const int value = std::stoi(text_.substr(at_, digits));
  at_ = end;
  return value;
}

std::optional<clock_time> take_clock_time(phrase_cursor& cursor, std::string_view phrase) {
  if (!cursor.take("jam") && !cursor.take("pukul")) return std::nullopt;
  clock_time at;
  const auto hour = cursor.take_number(1, 2);
  std::optional<int> minute = 0;
  if (hour && (cursor.take(".") || cursor.take(":"))) minute = cursor.take_number(2, 2);
  if (!hour || !minute || *hour > 23 || *minute > 59) {
    throw phrase_error(fmt::format("\"{}\": the time of day is not one such as \"jam 08.00\" or \"jam 8\"", phrase),
                       fmt::format("\"{}\": jamnya tidak dikenal. Tulis misalnya \"jam 08.00\" atau \"jam 8\".",
                                   phrase));
  }
  at.hour = *hour;
  at.minute = *minute;
  return at;
}

std::string clock_words(const clock_time& at) { return "jam " + format_time_id(at.hour, at.minute); }

}  // namespace siaran::daemon::schedule
