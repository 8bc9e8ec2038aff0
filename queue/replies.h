// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Replies: where each incoming SMS was routed (its contact, the broadcast it answers,
// the officer whose inbox it is in, the keyword it was), the inboxes read from that, and the
// number changes cadres ask for with GANTI, waiting for an officer, and who answered a message
// from the inbox. Schema steps 5, 7, 19 and 20.

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

// An answer an officer sent from the inbox to an incoming message.
struct inbox_answer {
  std::string by;  // the user's or the API token's name
  timestamp at{};
  std::optional<std::int64_t> message_id;  // none once the message is deleted
};

struct inbox_entry {
  incoming_record message;
  reply_route route;
  std::optional<std::string> contact_name;
  std::optional<timestamp> read_at;  // none: unread
  // The contact's place now, so that a list needs no request per sender.
  std::optional<std::string> desa;
  std::optional<std::string> kecamatan;
  std::optional<std::string> posyandu;
  std::optional<inbox_answer> answer;  // the last one; none: not answered
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
  // Newest first, below before_id (from the newest when none); else oldest first after after_id.
  bool newest_first = false;
  std::optional<std::int64_t> before_id;
  std::optional<std::string> text;  // part of the text, of the contact's name or of the number
  std::optional<std::string> keyword;
  std::optional<std::string> desa;  // the contact's, now
  std::optional<std::string> kecamatan;
  std::optional<bool> answered;              // from the inbox (reply_book::record_answer)
  std::optional<std::int64_t> broadcast_id;  // the replies to one broadcast
};

enum class change_state { pending, approved, rejected };
std::string_view to_string(change_state state);
std::optional<change_state> parse_change_state(std::string_view text);

// Asked from the old SIM ("GANTI <new number>"), the contact is the sender; asked from the new
// SIM ("GANTI <old number>" or "GANTI <name>"), it is who the number or the name matched, none
// when no single contact did, and the officer chooses.
struct number_change {
  std::int64_t id = 0;
  std::optional<std::int64_t> contact_id;
  std::optional<std::string> old_phone;  // as given or as it was when asked; none for a name
  std::string new_phone;                 // E.164
  std::optional<std::int64_t> incoming_id;
  change_state state = change_state::pending;
  timestamp created_at{};
  std::optional<timestamp> decided_at;
  bool from_new_sim = false;
  std::optional<std::string> asked_name;  // GANTI <name>
};

// The contact a change is approved for, and its number until then.
struct chosen_contact {
  std::int64_t id = 0;
  std::string phone;
};

// What the contact's last broadcast messages came to: a SIM that is gone shows failures,
// reports of non-delivery or no report at all, where one still in use shows deliveries.
struct delivery_evidence {
  int messages = 0;
  int delivered = 0;
  int failed = 0;       // failed to send (the network refused the number)
  int undelivered = 0;  // a status report said it never arrived
  int unknown = 0;      // no status report came, or the modem could not tell whether it went
};

// A stored change as read back, with its contact's name now (none if the contact is gone or
// none was matched), the message that asked for it and the evidence on the contact's number,
// so the officers' list needs no lookup per change.
struct listed_number_change : number_change {
  std::optional<std::string> contact_name;
  std::optional<std::string> message;  // the GANTI as the cadre wrote it
  std::optional<timestamp> received_at;
  delivery_evidence evidence;
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
  // At most filter.limit, in id order after filter.after_id or newest first (filter.newest_first).
  std::vector<inbox_entry> inbox(const inbox_filter& filter);
  // Records that `answer` (queued as its message) answers the incoming message.
  void record_answer(std::int64_t incoming_id, const inbox_answer& answer);
  // Marks the message read at `at` unless it was read before (the first reading counts);
  // false when it was already read or does not exist.
  bool mark_read(std::int64_t incoming_id, timestamp at);
  unread_counts unread();

  // Stores a pending change (id, state and decided_at are ignored); returns its id. The same cadre
  // asking again while theirs is pending (the same new number from a new SIM, the same contact
  // from the old one) updates that change to the latest ask: the officer decides once.
  std::int64_t add_number_change(const number_change& change);
  std::optional<listed_number_change> find_number_change(std::int64_t id);
  // In id order, those in `state` (all when none).
  std::vector<listed_number_change> number_changes(std::optional<change_state> state,
                                                   std::int64_t after_id = 0, int limit = 100);
  // pending -> approved or rejected; false when it is not pending (or unknown). Approved for
  // the `chosen` contact (an officer's choice, else the change's own), the change names it and,
  // for a change by name, its number before the change; the message that asked for the change
  // is routed to the contact.
  bool decide_number_change(std::int64_t id, change_state decision, timestamp at,
                            const std::optional<chosen_contact>& chosen = std::nullopt);

  // How many of the contact's last broadcast messages a change's evidence counts.
  static constexpr int evidence_messages = 5;

 private:
  void add_evidence(listed_number_change& change);

  std::unique_ptr<reply_statements> sql_;
};

}  // namespace siaran::queue
