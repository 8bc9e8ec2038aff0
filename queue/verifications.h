// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Cek nomor" campaigns (schema step 22): a broadcast asking its audience to answer YA within a
// window. A reply from a recipient within the window confirms the number; when the window ends
// the daemon closes the campaign, recording each other recipient's outcome and marking the
// numbers that did not answer or were not reached as to be checked ("perlu dicek"). Any reply of
// a contact is also evidence the number is live (confirm()), and clears the mark.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class connection;
class database;
struct verification_statements;  // verification_book.cc

// A recipient's outcome: confirmed (answered within the window), or at the close no_answer,
// failed, undelivered, unknown (each marks the number), or unsent (never went out: says nothing
// about the number).
inline constexpr std::string_view outcome_confirmed = "confirmed";
inline constexpr std::string_view outcome_no_answer = "no_answer";
inline constexpr std::string_view outcome_failed = "failed";
inline constexpr std::string_view outcome_undelivered = "undelivered";
inline constexpr std::string_view outcome_unknown = "unknown";
inline constexpr std::string_view outcome_unsent = "unsent";

// Whether the outcome marks the number to be checked, with the outcome as the reason.
inline bool marks_number(std::string_view outcome) {
  return outcome == outcome_no_answer || outcome == outcome_failed ||
         outcome == outcome_undelivered || outcome == outcome_unknown;
}

struct new_verification {
  std::int64_t broadcast_id = 0;
  std::optional<std::int64_t> officer_id;
  timestamp created_at{};
  timestamp ends_at{};
};

struct verification {
  std::int64_t id = 0;
  std::int64_t broadcast_id = 0;
  std::optional<std::int64_t> officer_id;
  timestamp created_at{};
  timestamp ends_at{};
  std::optional<timestamp> closed_at;
  std::map<std::string, std::int64_t> outcomes;  // recipients by outcome, as recorded so far
};

struct closing_outcome {
  std::int64_t contact_id = 0;
  std::string outcome;
};

// The contacts of a kecamatan (spellings grouped case-insensitively) and how many of their
// numbers were confirmed since a time.
struct confirmed_share {
  std::string kecamatan;
  std::int64_t contacts = 0;
  std::int64_t confirmed = 0;
};

class verification_book {
 public:
  explicit verification_book(database& db);
  ~verification_book();
  verification_book(const verification_book&) = delete;
  verification_book& operator=(const verification_book&) = delete;

  std::int64_t create(const new_verification& v);
  std::optional<verification> find(std::int64_t id);
  // The campaign whose broadcast this is, if any.
  std::optional<verification> for_broadcast(std::int64_t broadcast_id);
  // Newest first, before `before_id` (0: from the newest); only `officer_id`'s when given.
  std::vector<verification> list(std::int64_t before_id, int limit,
                                 std::optional<std::int64_t> officer_id);

  // The contact's number was shown live at `at` (a reply from it): confirmed_at moves forward
  // to it and the mark goes; within an open campaign's window (`answered`), the recipient's
  // outcome is confirmed.
  void confirm(std::int64_t contact_id, timestamp at, std::optional<std::int64_t> answered);

  // Open campaigns whose window ended at or before `now`, oldest end first.
  std::vector<verification> due(timestamp now);
  // When the next open campaign's window ends.
  std::optional<timestamp> next_end();
  // In one transaction: records the outcomes (a confirmed one stays; a number confirmed since the
  // campaign began is confirmed whatever `outcomes` says), marks each number whose outcome
  // marks_number() and that was not confirmed since, and closes the campaign.
  void close(std::int64_t id, const std::vector<closing_outcome>& outcomes, timestamp now);

  // Per kecamatan with contacts, in name order: how many numbers were confirmed on or after
  // `since`'s UTC day, from the counts the triggers keep.
  std::vector<confirmed_share> confirmed_shares(timestamp since);

 private:
  connection& db_;
  std::unique_ptr<verification_statements> sql_;
};

}  // namespace siaran::queue
