// SPDX-License-Identifier: GPL-3.0-or-later
// Arbitrary text as reminders and as a recurring schedule typed in words. Each may only be read
// or refused with a phrase_error; what is read must be an offset or a cron expression the
// scheduler takes, and its words shown back must read to the same thing.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "daemon/schedule/cron_expression.h"
#include "daemon/schedule/phrase_error.h"
#include "daemon/schedule/recurrence_words.h"
#include "daemon/schedule/reminder_offset.h"
#include "daemon/schedule/reminder_words.h"

namespace schedule = siaran::daemon::schedule;

namespace {

void read_reminders(std::string_view text) {
  try {
    for (const std::string& offset : schedule::reminder_offsets_from_words(text)) {
      const auto parsed = schedule::parse_reminder_offset(offset);
      if (!parsed) std::abort();
      const auto read_back = schedule::reminder_offsets_from_words(schedule::reminder_words(*parsed));
      if (read_back.size() != 1 || read_back.front() != schedule::offset_text(*parsed)) std::abort();
    }
  } catch (const schedule::phrase_error&) {
  }
}

void read_recurrence(std::string_view text) {
  try {
    const std::string cron = schedule::cron_from_words(text);
    schedule::cron_expression{cron};  // throws std::invalid_argument, failing the run, if not cron
    const auto words = schedule::recurrence_words(cron);
    if (!words || schedule::cron_from_words(*words) != cron) std::abort();
  } catch (const schedule::phrase_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  read_reminders(text);
  read_recurrence(text);
  return 0;
}
