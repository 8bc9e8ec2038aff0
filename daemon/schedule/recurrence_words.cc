// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/recurrence_words.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "common/ascii.h"
#include "daemon/schedule/phrase_cursor.h"
#include "daemon/schedule/phrase_error.h"

namespace siaran::daemon::schedule {
namespace {

constexpr clock_time office_start{8, 0};

constexpr const char* english_examples =
    "\"setiap Senin jam 07.00\", \"setiap hari jam 06.00\" or \"tanggal 5 setiap bulan jam 08.00\"";
constexpr const char* indonesian_examples =
    "setiap Senin jam 07.00, setiap Senin dan Kamis jam 07.00, setiap hari jam 06.00, tanggal 5 setiap bulan jam 08.00";

// Indexed by cron's day of week, 0 Sunday.
constexpr std::array<const char*, 7> weekday_names = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};

[[noreturn]] void refuse_unknown(std::string_view text) {
  throw phrase_error(fmt::format("\"{}\" is neither five cron fields nor a schedule such as {}", text, english_examples),
                     fmt::format("Jadwal \"{}\" tidak dikenal. Contoh: {}.", text, indonesian_examples));
}

bool take_every(phrase_cursor& cursor) { return cursor.take("setiap") || cursor.take("tiap"); }

std::optional<int> take_weekday(phrase_cursor& cursor) {
  if (cursor.take("ahad")) return 0;
  for (std::size_t day = 0; day < weekday_names.size(); ++day) {
    if (cursor.take(common::lowercase(weekday_names[day]))) return static_cast<int>(day);
  }
  return std::nullopt;
}

std::optional<int> take_day_of_month(phrase_cursor& cursor, std::string_view text) {
  const auto day = cursor.take_number(1, 2);
  if (day && (*day < 1 || *day > 31)) {
    throw phrase_error(fmt::format("\"{}\": a month has days 1 to 31, not {}", text, *day),
                       fmt::format("Jadwal \"{}\": tanggal {} tidak ada; pilih 1 sampai 31.", text, *day));
  }
  return day;
}

// "Senin", "Senin dan Kamis", "Senin, Rabu, dan Jumat" as "1", "1,4", "1,3,5"; "" when no
// first item is next.
template <typename TakeItem>
std::string take_list(phrase_cursor& cursor, std::string_view text, TakeItem take_item) {
  std::vector<int> items;
  auto item = take_item(cursor);
  if (!item) return "";
  items.push_back(*item);
  while (cursor.take(",") || cursor.take("dan")) {
    cursor.take("dan");
    item = take_item(cursor);
    if (!item) refuse_unknown(text);
    items.push_back(*item);
  }
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return fmt::format("{}", fmt::join(items, ","));
}

// After "setiap": "hari", "hari kerja", or weekdays ("hari Senin", "Senin dan Kamis").
std::string days_of_week(phrase_cursor& cursor, std::string_view text) {
  const bool said_day = cursor.take("hari");
  if (said_day && cursor.take("kerja")) return "1-5";
  const std::string weekdays = take_list(cursor, text, take_weekday);
  if (!weekdays.empty()) return weekdays;
  if (!said_day) refuse_unknown(text);
  return "*";
}

// The five fields of a cron expression; nothing when there are not five.
std::optional<std::array<std::string_view, 5>> cron_fields(std::string_view cron) {
  std::array<std::string_view, 5> fields;
  std::size_t count = 0;
  while (true) {
    const std::size_t start = cron.find_first_not_of(" \t");
    if (start == std::string_view::npos) break;
    cron.remove_prefix(start);
    const std::size_t end = std::min(cron.find_first_of(" \t"), cron.size());
    if (count == fields.size()) return std::nullopt;
    fields[count++] = cron.substr(0, end);
    cron.remove_prefix(end);
  }
  if (count != fields.size()) return std::nullopt;
  return fields;
}

// "1,15" as {1, 15}; nothing when an item is not a plain number from `low` to `high`.
std::optional<std::vector<int>> number_list(std::string_view field, int low, int high) {
  std::vector<int> numbers;
  while (true) {
    const std::size_t comma = field.find(',');
    const std::string_view item = field.substr(0, comma);
    int value = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (ec != std::errc() || end != item.data() + item.size() || value < low || value > high) return std::nullopt;
    numbers.push_back(value);
    if (comma == std::string_view::npos) return numbers;
    field.remove_prefix(comma + 1);
  }
}

// "Senin", "Senin dan Kamis", "Senin, Rabu dan Jumat".
std::string spoken_list(const std::vector<std::string>& items) {
  std::string text = items.front();
  for (std::size_t i = 1; i < items.size(); ++i) text += (i + 1 == items.size() ? " dan " : ", ") + items[i];
  return text;
}

std::optional<std::string> weekdays_words(std::string_view field) {
  if (field == "*") return "setiap hari";
  if (field == "1-5") return "setiap hari kerja";
  auto days = number_list(field, 0, 7);
  if (!days) return std::nullopt;
  // Monday first, as an Indonesian week is read; 7 is Sunday too.
  for (int& day : *days) day = (day + 6) % 7;
  std::sort(days->begin(), days->end());
  days->erase(std::unique(days->begin(), days->end()), days->end());
  std::vector<std::string> names;
  for (const int day : *days) names.emplace_back(weekday_names[static_cast<std::size_t>((day + 1) % 7)]);
  return "setiap " + spoken_list(names);
}

std::optional<std::string> dates_words(std::string_view field) {
  const auto days = number_list(field, 1, 31);
  if (!days) return std::nullopt;
  std::vector<std::string> numbers;
  for (const int day : *days) numbers.push_back(std::to_string(day));
  return "tanggal " + spoken_list(numbers) + " setiap bulan";
}

}  // namespace

std::string cron_from_words(std::string_view text) {
  phrase_cursor cursor(text);
  const bool every = take_every(cursor);
  std::string day_of_month = "*";
  std::string day_of_week = "*";
  const bool monthly = cursor.take("tanggal");
  if (monthly) {
    day_of_month = take_list(cursor, text, [text](phrase_cursor& c) { return take_day_of_month(c, text); });
    if (day_of_month.empty()) refuse_unknown(text);
  } else if (every) {
    day_of_week = days_of_week(cursor, text);
  } else {
    refuse_unknown(text);
  }
  auto at = take_clock_time(cursor, text);
  // "tanggal 5 setiap bulan", or "setiap tanggal 5" where the month is understood.
  if (monthly && (take_every(cursor) ? !cursor.take("bulan") : !every)) refuse_unknown(text);
  if (!at) at = take_clock_time(cursor, text);
  if (!cursor.at_end()) refuse_unknown(text);
  const clock_time when = at.value_or(office_start);
  return fmt::format("{} {} {} * {}", when.minute, when.hour, day_of_month, day_of_week);
}

std::optional<std::string> recurrence_words(std::string_view cron) {
  const auto fields = cron_fields(cron);
  if (!fields) return std::nullopt;
  const auto [minute, hour, day_of_month, month, day_of_week] = *fields;
  const auto minutes = number_list(minute, 0, 59);
  const auto hours = number_list(hour, 0, 23);
  if (!minutes || !hours || minutes->size() != 1 || hours->size() != 1 || month != "*") return std::nullopt;
  std::optional<std::string> days;
  if (day_of_month == "*") {
    days = weekdays_words(day_of_week);
  } else if (day_of_week == "*") {
    days = dates_words(day_of_month);
  }
  if (!days) return std::nullopt;
  return *days + " " + clock_words({hours->front(), minutes->front()});
}

}  // namespace siaran::daemon::schedule
