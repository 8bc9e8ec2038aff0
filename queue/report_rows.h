// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the reports handed over (docs/api.md "Reports") read beside the broadcast book: each
// recipient's posyandu and how often they answered; and which broadcasts went out in a span of
// time. Each recipient's place, state, delivery, modem and times are the broadcast book's
// (broadcasts.h), so a report and GET /api/v1/broadcasts/{id}/recipients never disagree.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class database;
struct report_row_statements;  // report_row_book.cc

struct recipient_details {
  std::optional<std::string> posyandu;  // none once the contact is deleted, or never set
  std::int64_t replies = 0;             // their incoming messages routed to the broadcast
};

class report_row_book {
 public:
  explicit report_row_book(database& db);
  ~report_row_book();
  report_row_book(const report_row_book&) = delete;
  report_row_book& operator=(const report_row_book&) = delete;

  // By contact id, every recipient of the broadcast.
  std::unordered_map<std::int64_t, recipient_details> recipient_details_of(std::int64_t broadcast_id);
  // The broadcasts (oldest first) due from `from` until before `until`, only `officer_id`'s when
  // given; a broadcast still being queued is not one yet.
  std::vector<std::int64_t> broadcasts_due(timestamp from, timestamp until, std::optional<std::int64_t> officer_id);

 private:
  std::unique_ptr<report_row_statements> sql_;
};

}  // namespace siaran::queue
