// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads a schedule typed in words, "H-1 jam 08.00" or "setiap Senin dan Kamis pukul 7": letters
// compared without case, any run of spaces taken as one, an apostrophe ignored ("Jum'at").

#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::schedule {

struct clock_time {
  int hour = 0;    // 0-23
  int minute = 0;  // 0-59
};

class phrase_cursor {
 public:
  explicit phrase_cursor(std::string_view text);

  // Nothing but spaces left.
  bool at_end();
  // Takes `token` when it is next: a word only when whole ("h" is not the start of "hari"), or
  // one punctuation character.
  bool take(std::string_view token);
  // A number of `min_digits` to `max_digits` digits, taken only when it is next and fits.
  std::optional<int> take_number(std::size_t min_digits = 1, std::size_t max_digits = 4);

 private:
  void skip_spaces();

  std::string text_;  // lowercased
  std::size_t at_ = 0;
};

// "jam 8", "jam 08.00", "pukul 8:30": nothing when neither "jam" nor "pukul" is next. Throws
// phrase_error naming `phrase` when what follows is not a time of day.
std::optional<clock_time> take_clock_time(phrase_cursor& cursor, std::string_view phrase);

// "jam 08.00".
std::string clock_words(const clock_time& at);

}  // namespace siaran::daemon::schedule
