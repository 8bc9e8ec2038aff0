// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Delivery reports: each status report a modem hands over is stored, and moves the part it
// matches to delivered or failed, its delivery to delivered, undelivered or pending
// (schema_deliveries.h); a part with no final report by the timeout becomes unknown.

#include <cstdint>
#include <memory>
#include <optional>

#include "queue/records.h"
#include "queue/store_error.h"

namespace siaran::queue {

class database;
struct report_statements;  // report_book.cc

class report_book {
 public:
  explicit report_book(database& db);
  ~report_book();
  report_book(const report_book&) = delete;
  report_book& operator=(const report_book&) = delete;

  // Stores the report and updates the part it matches: same modem and reference, recipient equal
  // on the last 8 digits, the most recent sent within report_window; or, for an SMPP receipt, the
  // part the bind sent under that SMSC message id. Returns that part's id.
  std::optional<std::int64_t> record_status_report(const status_report& report);

  // At most `limit` (negative: all) parts sent at or before `sent_before` still waiting for a
  // final report: delivery unknown (a later report still settles it). Returns how many.
  std::int64_t settle_unreported(timestamp sent_before, int limit = -1);

 private:
  database& db_;
  std::unique_ptr<report_statements> sql_;
};

}  // namespace siaran::queue
