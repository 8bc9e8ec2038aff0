// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Recipients counted per kecamatan and per time (hour or day), for the reports' "Per kecamatan"
// and "Waktu" sheets: recipients, sent (sent or delivered), delivered, failed. A recipient is
// counted where they live and when their message went out or arrived, so a broadcast sent over
// two days shows on both.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "daemon/export/spreadsheet_table.h"
#include "queue/states.h"

namespace siaran::daemon::reports {

struct delivery_counts {
  std::int64_t recipients = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;

  void count(queue::part_state state);
};

// Kecamatan by name; a recipient without one is under "(tanpa kecamatan)".
class place_tally {
 public:
  void count(const std::optional<std::string>& kecamatan, queue::part_state state);
  exports::spreadsheet_table table() const;

 private:
  std::map<std::string, delivery_counts> by_place_;
};

// Times as the sortable local labels report_words.h makes (hours or days).
class time_tally {
 public:
  void sent_at(const std::string& label) { ++by_time_[label].sent; }
  void delivered_at(const std::string& label) { ++by_time_[label].delivered; }
  exports::spreadsheet_table table() const;

 private:
  struct counts {
    std::int64_t sent = 0;
    std::int64_t delivered = 0;
  };
  std::map<std::string, counts> by_time_;
};

}  // namespace siaran::daemon::reports
