// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/reminder_words.h"

#include <fmt/format.h>

#include "common/ascii.h"
#include "daemon/schedule/phrase_cursor.h"
#include "daemon/schedule/phrase_error.h"

namespace siaran::daemon::schedule {
namespace {

constexpr const char* english_examples =
    "\"H-7\", \"H-1 jam 08.00\", \"2 jam sebelum\" or \"30 menit sebelum\" (or an offset: \"-1d@08:00\", \"-2h\", "
    "\"-30m\")";
constexpr const char* indonesian_examples = "H-7, H-1 jam 08.00, hari H jam 06.00, 2 jam sebelum, 30 menit sebelum";

[[noreturn]] void refuse_unknown(std::string_view phrase) {
  throw phrase_error(fmt::format("\"{}\" is not a reminder such as {}", phrase, english_examples),
                     fmt::format("Pengingat \"{}\" tidak dikenal. Contoh: {}.", phrase, indonesian_examples));
}

void set_time(reminder_offset& offset, const clock_time& at) {
  offset.at_hour = at.hour;
  offset.at_minute = at.minute;
}

// "H-7", "H-1 jam 08.00", "H-0 jam 06.00", "H jam 06.00", after the "h".
reminder_offset days_before(phrase_cursor& cursor, std::string_view phrase) {
  reminder_offset offset;
  offset.in = reminder_offset::unit::days;
  const bool minus = cursor.take("-");
  if (minus) {
    const auto days = cursor.take_number();
    if (!days) refuse_unknown(phrase);
    offset.amount = *days;
  }
  const auto at = take_clock_time(cursor, phrase);
  if (!minus && !at && !cursor.at_end()) refuse_unknown(phrase);  // "H+1"
  if (at) set_time(offset, *at);
  // Without a time, "H-0" would be the meeting's start itself.
  if (offset.amount == 0 && !at) {
    throw phrase_error(fmt::format("\"{}\" needs a time of day, e.g. \"hari H jam 06.00\"", phrase),
                       fmt::format("Pengingat \"{}\" perlu jam, misalnya \"hari H jam 06.00\".", phrase));
  }
  return offset;
}

// "2 jam sebelum", "30 menit sebelumnya", "1 hari sebelum jam 08.00", after the number.
reminder_offset units_before(phrase_cursor& cursor, int amount, std::string_view phrase) {
  reminder_offset offset;
  offset.amount = amount;
  if (cursor.take("hari")) {
    offset.in = reminder_offset::unit::days;
  } else if (cursor.take("jam")) {
    offset.in = reminder_offset::unit::hours;
  } else if (cursor.take("menit")) {
    offset.in = reminder_offset::unit::minutes;
  } else {
    refuse_unknown(phrase);
  }
  if (amount == 0 || (!cursor.take("sebelum") && !cursor.take("sebelumnya"))) refuse_unknown(phrase);
  cursor.take("acara");
  if (offset.in == reminder_offset::unit::days) {
    if (const auto at = take_clock_time(cursor, phrase)) set_time(offset, *at);
  }
  return offset;
}

std::string offset_from_words(std::string_view phrase) {
  phrase_cursor cursor(phrase);
  reminder_offset offset;
  if (cursor.take("hari")) {
    if (!cursor.take("h")) refuse_unknown(phrase);
    offset = days_before(cursor, phrase);
  } else if (cursor.take("h")) {
    offset = days_before(cursor, phrase);
  } else if (const auto amount = cursor.take_number()) {
    offset = units_before(cursor, *amount, phrase);
  } else {
    refuse_unknown(phrase);
  }
  if (!cursor.at_end()) refuse_unknown(phrase);
  return offset_text(offset);
}

}  // namespace

std::vector<std::string> reminder_offsets_from_words(std::string_view text) {
  std::vector<std::string> offsets;
  while (true) {
    const std::size_t comma = text.find_first_of(",;");
    const std::string_view phrase = common::trim(text.substr(0, comma));
    if (phrase.empty()) {
      throw phrase_error("one is empty; separate reminders with single commas",
                         "Ada pengingat yang kosong. Pisahkan pengingat dengan satu koma.");
    }
    offsets.push_back(phrase.front() == '-' && parse_reminder_offset(phrase) ? std::string(phrase)
                                                                             : offset_from_words(phrase));
    if (comma == std::string_view::npos) return offsets;
    text.remove_prefix(comma + 1);
  }
}

std::string reminder_words(const reminder_offset& offset) {
  switch (offset.in) {
    case reminder_offset::unit::minutes: return fmt::format("{} menit sebelum", offset.amount);
    case reminder_offset::unit::hours: return fmt::format("{} jam sebelum", offset.amount);
    case reminder_offset::unit::days: break;
  }
  const std::string day = offset.amount == 0 ? "hari H" : fmt::format("H-{}", offset.amount);
  if (!offset.at_hour) return day;
  return day + " " + clock_words({*offset.at_hour, offset.at_minute});
}

}  // namespace siaran::daemon::schedule
