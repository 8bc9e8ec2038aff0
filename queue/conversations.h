// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Conversations: what one cadre sent and what Siaran sent them, one thread per contact, or per
// number for a sender who is no contact. Read from the inbox (incoming, inbox_answers) and the
// messages queued to them (broadcasts, answers from the inbox, keyword confirmations and any
// other message to their number), as far as the store keeps them.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "queue/records.h"
#include "queue/replies.h"

namespace siaran::queue {

class connection;
class database;

// One row of the list: the newest message of the conversation that the filter keeps.
struct conversation_summary {
  inbox_entry last;
  std::int64_t messages = 0;  // the incoming messages the filter keeps
  std::int64_t unread = 0;    // of those
};

// Who a conversation is with: a contact (their messages from any of their numbers), else a number.
struct conversation_key {
  std::optional<std::int64_t> contact_id;
  std::string number;  // the contact's number now, or the sender's
};

enum class outgoing_kind { broadcast, answer, other };

// A message Siaran queued to the cadre.
struct outgoing_sms {
  std::int64_t message_id = 0;
  std::string text;
  timestamp at{};     // when it was to go out
  std::string state;  // as GET /api/v1/messages/{id}
  outgoing_kind kind = outgoing_kind::other;
  std::optional<std::int64_t> broadcast_id;
  std::optional<std::int64_t> answers;  // the incoming message an answer is to
  std::optional<std::string> answered_by;
};

using conversation_item = std::variant<inbox_entry, outgoing_sms>;

// Where a page of a conversation ends: items come in (time, incoming before outgoing, id) order.
struct conversation_cursor {
  timestamp at{};
  bool outgoing = false;
  std::int64_t id = 0;
};

struct conversation_page {
  std::vector<conversation_item> items;  // oldest first
  std::optional<conversation_cursor>
      older;  // the cursor of the page before; none: this is the first
};

class conversation_book {
 public:
  explicit conversation_book(database& db);

  // Newest conversation first (by its newest kept message), those whose newest message is below
  // filter.before_id; filter.answered holds for that newest message. At most filter.limit.
  std::vector<conversation_summary> list(const inbox_filter& filter);
  // The conversation's items before `before` (the newest ones when none), at most `limit`. The
  // incoming messages are those `scope` sees (its scope only); for one officer's inbox the outgoing
  // ones are that officer's broadcasts and answers to messages in it.
  conversation_page read(const conversation_key& key, const inbox_filter& scope,
                         const std::optional<conversation_cursor>& before, int limit);

 private:
  std::vector<inbox_entry> incoming(const conversation_key& key, const inbox_filter& scope,
                                    const conversation_cursor& before, int limit);
  std::vector<outgoing_sms> outgoing(const conversation_key& key, const inbox_filter& scope,
                                     const conversation_cursor& before, int limit);

  connection& db_;
};

}  // namespace siaran::queue
