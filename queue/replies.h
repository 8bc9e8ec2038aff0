// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Replies: where each incoming SMS was routed (its contact, the broadcast it answers,
// the officer whose inbox it is in, the keyword it was), the inboxes read from that, and the
// number changes cadres ask for with GANTI, waiting for an officer. Schema steps 5 and 7.

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
struct reply_statements;  // reply_book.cc

struct reply_route {
  std::optional<std::int64_t> contact_id;
  std::optional<std::int64_t> broadcast_id;
  std::optional<std::int64_t> officer_id;  // none: the general inbox
  std::optional<std::string> keyword;      // the keyword word, upper-case (BERHENTI, HADIR...)
};

struct inbox_entry {
  incoming_record message;
  reply_route route;
  std::optional<std::string> contact_name;
  std::optional<timestamp> read_at;  // none: unread
};

// Unread incoming messages (read_at NULL), as the web UI's badges count them.
struct unread_counts {
  std::int64_t total = 0;
  std::int64_t general = 0;                          // in the general inbox (no officer)
  std::map<std::int64_t, std::int64_t> by_officer;   // officer id -> unread; officers with none absent
};

// Whose inbox: everything, the general inbox (no officer), or one officer's.
enum class inbox_scope { all, general, officer };

struct inbox_filter {
  inbox_scope scope = inbox_scope::all;
  std::int64_t officer_id = 0;  // with inbox_scope::officer
  std::int64_t after_id = 0;
  timestamp since{};
  int limit = 100;
};

enum class change_state { pending, approved, rejected };
std::string_view to_string(change_state state);
std::optional<change_state> parse_change_state(std::string_view text);

struct number_change {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::string old_phone;
  std::string new_phone;  // E.164
  std::optional<std::int64_t> incoming_id;
  change_state state = change_state::pending;
  timestamp created_at{};
  std::optional<timestamp> decided_at;
};

// A stored change as read back, with its contact's name now (none if the contact is gone), so
// the officers' list needs no lookup per change.
struct listed_number_change : number_change {
  std::optional<std::string> contact_name;
};

class reply_book {
 public:
  explicit reply_book(database& db);
  ~reply_book();
  reply_book(const reply_book&) = delete;
  reply_book& operator=(const reply_book&) = delete;

  // Records where the incoming message went; false when there is no such message.
  bool route(std::int64_t incoming_id, const reply_route& r);
  std::optional<inbox_entry> find(std::int64_t incoming_id);
  // In id order after filter.after_id, at most filter.limit.
  std::vector<inbox_entry> inbox(const inbox_filter& filter);
  // Marks the message read at `at` unless it was read before (the first reading counts);
  // false when it was already read or does not exist.
  bool mark_read(std::int64_t incoming_id, timestamp at);
  unread_counts unread();

  // Stores a pending change (id, state and decided_at are ignored); returns its id.
  std::int64_t add_number_change(const number_change& change);
  std::optional<listed_number_change> find_number_change(std::int64_t id);
  // In id order, those in `state` (all when none).
  std::vector<listed_number_change> number_changes(std::optional<change_state> state,
                                                   std::int64_t after_id = 0, int limit = 100);
  // pending -> approved or rejected; false when it is not pending (or unknown).
  bool decide_number_change(std::int64_t id, change_state decision, timestamp at);

 private:
  std::unique_ptr<reply_statements> sql_;
};

}  // namespace siaran::queue
