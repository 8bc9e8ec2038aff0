// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Recipients counted per kecamatan and per time (hour or day), for the reports' "Per kecamatan"
// and "Waktu" sheets: recipients, sent (sent or delivered), delivered, undelivered and unknown
// (by the status reports: broadcasts.h), failed. A recipient is
// counted where they live and when their message went out or arrived, so a broadcast sent over
// two days shows on both.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "daemon/export/spreadsheet_table.h"
#include "queue/broadcasts.h"

namespace siaran::daemon::reports {

struct delivery_counts {
  std::int64_t recipients = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t undelivered = 0;
  std::int64_t unknown = 0;
  std::int64_t failed = 0;

  void count(const queue::broadcast_recipient& r);
  void add(const delivery_counts& other);
};

// Kecamatan by name; a recipient without one is under "(tanpa kecamatan)".
class place_tally {
 public:
  void count(const std::string& kecamatan, const queue::broadcast_recipient& r);
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
