// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Broadcasts: one personalised message per recipient, queued in one transaction with
// the broadcast that made them (schema step 5). The messages are ordinary messages of the store:
// the dispatcher sends them like any other, and a broadcast's progress is their parts' states.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class connection;
class database;
struct broadcast_statements;  // broadcast_book.cc

struct new_broadcast {
  std::optional<std::int64_t> officer_id;
  std::string template_text;
  std::string audience_json;  // the request's audience, kept as given
  timestamp send_at{};
  int priority = 0;
  std::string origin = "api";  // api, reminder, birthday, recurring, verification
  std::optional<std::int64_t> event_id;
  timestamp created_at{};
  // The client's name for this request (POST /api/v1/broadcasts): a second one with the same
  // ref from the same officer is the first (a double click, a retry), not another broadcast.
  std::optional<std::string> client_ref;
  std::optional<std::int64_t> follow_up_of;  // the broadcast whose unreached recipients this one tries again
  send_via via = send_via::modem;            // the channels its messages may go by
  std::optional<std::string> sender;         // the registered name, when by SMPP
};

// What begin() did: stored a new broadcast, or found the one with the same client_ref.
struct begun_broadcast {
  std::int64_t id = 0;
  bool repeated = false;   // the client_ref was used before: id is that broadcast, nothing stored
  bool preparing = false;  // repeated, and that broadcast is still being queued (or failed so)
};

// One recipient's personalised message.
struct broadcast_message {
  std::int64_t contact_id = 0;
  new_message message;
};

// A broadcast's recipients in one desa (kecamatan and desa as the contact had them when the
// broadcast was queued; '' when none).
struct place_progress {
  std::string kecamatan;
  std::string desa;
  std::int64_t recipients = 0;
  std::int64_t sent = 0;         // went out: sent or delivered by state
  std::int64_t delivered = 0;    // by delivery (schema_deliveries.h)
  std::int64_t undelivered = 0;
  std::int64_t unknown = 0;
  std::int64_t failed = 0;       // by state: failed to go out, or undelivered by a report
};

struct broadcast_progress {
  std::int64_t id = 0;
  std::optional<std::int64_t> officer_id;
  std::string template_text;
  std::string origin;
  std::optional<std::int64_t> event_id;
  timestamp send_at{};
  timestamp created_at{};
  std::optional<timestamp> cancelled_at;
  std::optional<std::int64_t> follow_up_of;
  int priority = 0;
  send_via via = send_via::modem;
  std::optional<std::string> sender;
  // scheduled (send_at ahead, nothing out), sending, done (nothing queued or in flight), cancelled
  std::string state;
  std::int64_t recipients = 0;
  // Per recipient (message), by the message's derived state.
  std::int64_t queued = 0;
  std::int64_t sending = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;
  std::int64_t cancelled = 0;
  std::int64_t uncertain = 0;
  std::int64_t replies = 0;  // incoming messages routed to this broadcast
  std::int64_t cost = 0;     // rupiah of its parts sent (schema_costs.h)
  // Per recipient, by the message's delivery: the network gave up, or no final report in time.
  std::int64_t undelivered = 0;
  std::int64_t unknown = 0;
  std::vector<place_progress> by_place;  // by kecamatan, then desa
};

struct broadcast_recipient {
  std::int64_t contact_id = 0;
  std::optional<std::string> contact_name;  // none once the contact is deleted
  std::optional<std::int64_t> message_id;
  std::string to;
  std::string text;
  part_state state = part_state::queued;
  std::optional<std::string> last_error;  // a failed part's, else the last part's that has one
  // The one place a recipient's delivery is read (reports and exports use it too): none without
  // a report asked, else pending, delivered, undelivered or unknown (schema_deliveries.h).
  std::optional<std::string> delivery;
  std::optional<timestamp> sent_at;       // its last part's
  std::optional<timestamp> delivered_at;  // its last part's delivery, by the report
  std::optional<int> status;              // the TP-ST that says most: an undelivered part's, else the last
  std::string kecamatan;                  // as when the broadcast was queued
  std::string desa;
  std::optional<std::string> modem;       // its last part's last modem
};

// Whether a follow-up broadcast tries `r` again: its message failed, was undelivered, or got no
// report in time; never one delivered, nor one still on its way or waiting for its report.
inline bool unreached(const broadcast_recipient& r) {
  if (r.delivery == "delivered") return false;
  return r.state == part_state::failed || r.delivery == "undelivered" || r.delivery == "unknown";
}

// The broadcast a reply answers and whose officer gets it.
struct broadcast_ref {
  std::int64_t broadcast_id = 0;
  std::optional<std::int64_t> officer_id;
  std::optional<std::int64_t> event_id;
};

class broadcast_book {
 public:
  explicit broadcast_book(database& db);
  ~broadcast_book();
  broadcast_book(const broadcast_book&) = delete;
  broadcast_book& operator=(const broadcast_book&) = delete;

  // The broadcast and every message, durable (synchronous=FULL) in one transaction. Returns its id.
  std::int64_t create(const new_broadcast& b, const std::vector<broadcast_message>& messages);

  // A broadcast queued in steps, each a short transaction, so that the store's writer goes back
  // to the dispatcher's claims between them: one transaction for 50,000 recipients stopped all
  // sending for seconds. begin() stores the broadcast as preparing (list and progress do not
  // show it); add() queues messages with their parts held (held_parts.h); finish() makes it
  // whole, durably: from then on it is accepted; release_held() makes its parts due, a step at
  // a time. A failure before finish() is undone by discard(); a process that died is settled at
  // the next start (settle_unfinished).
  // A client_ref the same officer used before (uniquely, in the same transaction) stores
  // nothing and returns that broadcast.
  begun_broadcast begin(const new_broadcast& b);
  // The broadcast that `officer_id` (none: a sender without officer) began with `client_ref`,
  // if any (repeated).
  std::optional<begun_broadcast> earlier(const std::optional<std::int64_t>& officer_id,
                                         const std::optional<std::string>& client_ref);
  // Queues the first of `messages` and then more while `budget` lasts; returns how many it queued.
  std::size_t add(std::int64_t id, std::span<const broadcast_message> messages, std::chrono::milliseconds budget);
  void finish(std::int64_t id);
  // Makes at most `limit` (negative: all) held parts of the broadcast due; returns how many.
  std::int64_t release_held(std::int64_t id, int limit);
  // Deletes a broadcast still preparing, with the messages queued for it.
  void discard(std::int64_t id);
  // At start-up, before any claim: discards every broadcast still preparing and releases the
  // held parts of finished ones. Returns how many it discarded.
  std::int64_t settle_unfinished();
  std::optional<broadcast_progress> progress(std::int64_t id, timestamp now);
  // Newest first, before `before_id` (0: from the newest); only `officer_id`'s when given.
  // A finished (done or cancelled) broadcast's counts are reused for up to 30 s, as docs/api.md
  // says: they change only by late status reports. Its replies are always counted afresh, as is
  // all of progress().
  std::vector<broadcast_progress> list(timestamp now, std::int64_t before_id = 0, int limit = 50,
                                       std::optional<std::int64_t> officer_id = std::nullopt);
  // Every recipient, by contact id.
  std::vector<broadcast_recipient> recipients(std::int64_t id);
  // At most `limit` recipients whose contact id is above `after_contact_id`, by contact id.
  std::vector<broadcast_recipient> recipients(std::int64_t id, std::int64_t after_contact_id, int limit);
  // Cancels every message not yet started (all its parts queued); returns how many it stopped.
  // Messages in flight finish, every part: half a long SMS helps nobody. False/0 for an unknown broadcast is told apart by progress().
  std::int64_t cancel(std::int64_t id, timestamp now);
  // The most recent broadcast whose message to `contact_id` went out at or after `since`.
  std::optional<broadcast_ref> latest_reaching(std::int64_t contact_id, timestamp since);

 private:
  struct counted {
    broadcast_progress progress;
    timestamp at;
  };
  std::optional<broadcast_progress> listed_progress(std::int64_t id, timestamp now);
  std::int64_t insert_broadcast(const new_broadcast& b, bool preparing);
  void insert_recipient(std::int64_t id, const broadcast_message& m, std::optional<std::int64_t> held);

  connection& db_;
  std::unique_ptr<broadcast_statements> sql_;
  std::unordered_map<std::int64_t, counted> finished_;  // by id, as list() last counted them
};

}  // namespace siaran::queue
