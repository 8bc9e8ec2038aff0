// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The store (queue/): Siaran's messages, their parts and what happened to them, in SQLite
// (WAL, user_version migrations, prepared statements only). This is the one interface the
// daemon uses; no SQLite type crosses it, so that a PostgreSQL store could take its place
// (DESIGN.md "Beyond one PC"). It knows nothing of modems beyond their ids: PDUs are hex strings
// encoded by the caller. Not thread-safe: one store per thread (a second store on the same file,
// in this process or another, is fine: WAL and the busy timeout arbitrate).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/records.h"
#include "queue/states.h"
#include "queue/store_error.h"
#include "queue/store_health.h"

namespace siaran::queue {

struct store_state;  // the connection and its statements (store_impl.h)

// Parts that reached each outcome within one interval (part_counts_between).
struct part_counts {
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;
  friend bool operator==(const part_counts&, const part_counts&) = default;
};

struct store_options {
  // A status report matches only a part sent within this long before it arrived: the TP-MR is
  // 8 bits and wraps every 256 parts per modem.
  std::chrono::hours report_window{24 * 7};
  // An incoming PDU byte-identical to one stored from the same modem this recently is the same
  // SMS offered again, not stored twice; it carries the centre's time, so a new SMS never is.
  std::chrono::hours duplicate_window{24 * 7};
  // Whether each claim is synced to disk (synchronous=FULL) before it returns. Off by default:
  // in WAL mode a killed process loses no commit either way, and a sync costs about 4 ms here
  // (claim + mark_sent 4.0 ms per part instead of 0.32 ms), which would cap one daemon thread
  // near 250 parts/s. The price is a power cut: claims since the last sync (the next accepted
  // message or checkpoint) are lost, and their parts, perhaps already sent, go out again
  // without being reported uncertain. Turn it on where power is unreliable and rates are low.
  bool durable_claims = false;
};

class store {
 public:
  // Opens or creates the file and migrates it. Throws store_error (not a database, newer schema,
  // cannot write...).
  explicit store(const std::filesystem::path& file, store_options options = {});
  ~store();
  store(const store&) = delete;
  store& operator=(const store&) = delete;

  // Durable (synchronous=FULL) before it returns. With a client_ref already stored, stores
  // nothing and returns the earlier id.
  accepted enqueue(const new_message& message);
  // All or nothing, one durable transaction.
  std::vector<accepted> enqueue_batch(const std::vector<new_message>& messages);
  // As enqueue, with every part pinned to `modem` in the same transaction (a modem's test send):
  // the dispatcher sends it there while that modem is healthy.
  accepted enqueue_pinned(const new_message& message, std::string_view modem);

  // The highest-priority, oldest due part (queued, next_attempt_at <= now, and for a `modem`,
  // not pinned to another modem), marked `sending` with one more attempt, committed before it
  // returns: call it before writing the part to a modem. Expired parts met on the way are failed.
  std::optional<claimed_part> claim_next(timestamp now, const std::optional<std::string>& modem = std::nullopt);

  // Due queued parts in claim order (priority, then oldest), at most `limit`, for the dispatcher
  // to choose from, leaving out parts pinned to one of `busy_modems` (they cannot go before
  // that modem is free, and a long broadcast's pinned parts would fill the window); expired
  // messages met on the way are failed.
  std::vector<due_part> due_parts(timestamp now, int limit, const std::vector<std::string>& busy_modems = {});
  // Claims that part for `modem` as claim_next does; nothing when it is no longer queued or
  // is pinned to another modem than `moved_from` (a modem gone or resting: the rest of the
  // message going out from another SIM is better than never). A move takes the message's
  // other queued parts along, so that they follow one another on the new modem too.
  std::optional<claimed_part> claim(std::int64_t part_id, std::string_view modem, timestamp now,
                                    const std::optional<std::string>& moved_from = std::nullopt);

  // Claims part `number` of the message for `modem`, if it is queued and due: the dispatcher
  // sends a long message's parts one after the other on one modem.
  std::optional<claimed_part> claim_part_of(std::int64_t message_id, int number, std::string_view modem,
                                            timestamp now);

  // The message of `part_id` when moving that part to `modem` would split it: a part of it was
  // sent from another modem. A phone joins the parts of a long SMS only from one sender.
  std::optional<message_record> split_by_move(std::int64_t part_id, std::string_view modem);
  // Every part of the message queued again, pinned to `modem`, with `pdus` (the same text under
  // a new concatenation reference, in part order) and `reason` (the API shows it): the whole
  // message goes out again from one modem. Parts already delivered or failed are sent again too.
  void resend_whole(std::int64_t message_id, const std::vector<new_part>& pdus, std::string_view modem,
                    std::string_view reason, timestamp now);

  // Fails every queued part whose message expired by `now`, wherever it stands in the queue
  // (due_parts only meets those at its head). Returns how many.
  std::int64_t expire_overdue(timestamp now);

  // Transitions from `sending`; a part in another state is a store_error (a bug upstream).
  void mark_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at);
  // mark_sent deferred to the store's next write transaction (a claim, most often), or to
  // record_noted_sends: at 40 parts/s a transaction of its own cost a third of the daemon's
  // CPU. A crash before then leaves the part `sending`, which start-up treats as uncertain, as
  // it does a part the crash caught in the modem; the dispatcher keeps that window short.
  void note_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at);
  void record_noted_sends();
  // Noted sends not yet recorded: the store still has them `sending`.
  std::size_t unrecorded_sends() const;
  void mark_failed_temporary(std::int64_t part_id, const send_failure& failure, timestamp at,
                             timestamp next_attempt_at);
  void mark_failed_permanent(std::int64_t part_id, const send_failure& failure, timestamp at);
  // The modem died or timed out with the part written: it may or may not have gone out.
  void mark_uncertain(std::int64_t part_id, std::string_view reason, timestamp at);

  // Like mark_uncertain, for `on_uncertain: resend`: back to queued at once, flagged
  // resent_uncertain (the recipient may get it twice; the API says so).
  void requeue_uncertain(std::int64_t part_id, std::string_view reason, timestamp at);

  // Parts left in `sending` by a process that died. resend: back to queued, flagged
  // resent_uncertain; hold: `uncertain`, for a person to decide. Returns them as they were found.
  std::vector<part_record> resolve_uncertain_at_startup(uncertain_policy policy, timestamp now);

  // Stores the report and updates the part it matches: same modem and reference, recipient equal
  // on the last 8 digits, the most recent sent within report_window. Returns that part's id.
  std::optional<std::int64_t> record_status_report(const status_report& report);
  // Stores an incoming SMS durably, unless all its PDUs were stored already (see
  // incoming_outcome): the modem stores before it deletes, so it may offer one again.
  incoming_outcome record_incoming(const incoming_message& message);
  // Stores one part of a long SMS durably. When it completes its set, the whole message moves to
  // the incoming table (texts joined in part order) in the same transaction: its id is returned.
  // A part stored before (offered again by the modem, while its set waits or after) changes nothing.
  incoming_outcome record_fragment(const incoming_fragment& fragment);
  // Sets whose newest part arrived before `before` are stored as incomplete messages (what
  // arrived, in order): reassembly gives up on them, nothing is lost. Returns their ids.
  std::vector<std::int64_t> flush_fragments(timestamp before);
  // Incoming messages after `after_id` received at or after `since`, oldest first.
  std::vector<incoming_record> inbox(std::int64_t after_id, timestamp since, int limit);
  void record_modem_event(std::string_view modem, timestamp at, std::string_view state, std::string_view reason);

  std::optional<message_record> message(std::int64_t id);
  // Messages whose derived state is `state`, by id after after_id, at most `limit`, with parts.
  std::vector<message_record> messages_by_state(part_state state, std::int64_t after_id = 0, int limit = 100);
  // Parts waiting to be sent (queued, due or not).
  std::int64_t queue_depth();
  // Parts held as uncertain, waiting for a person.
  std::int64_t uncertain_count();
  // For each interval [bounds[i], bounds[i+1]) (ascending bounds, each a multiple of 15
  // minutes, as every local midnight is), the parts sent, delivered and failed in it: by sent_at,
  // delivered_at, and for failed parts the time they failed (the report's part: its send; an
  // unsent part: its last permanent failure, else its expiry). bounds.size() - 1 entries.
  std::vector<part_counts> part_counts_between(const std::vector<timestamp>& bounds);
  // Parts each modem sent at or after `since` (a multiple of 15 minutes, as every local midnight
  // is), by modem id (modems that sent none are absent).
  std::map<std::string, std::int64_t> sent_by_modem_since(timestamp since);

  // Deletes finished messages (no part queued, sending or uncertain) created before `before`, and
  // incoming messages, status reports and modem events older than it.
  prune_counts prune(timestamp before);
  // An online copy (SQLite backup API) into `destination`, consistent as of its start, while
  // other connections keep writing.
  void backup(const std::filesystem::path& destination);

  // Whether a write could start now (store_health.h), without waiting for a lock.
  store_health health();
  // How long a write waits for a lock held by another connection before store_busy.
  void set_lock_wait(std::chrono::milliseconds wait);

  // The connection, for the store's other parts in queue/ (contact_book, broadcast_book...):
  // one connection, so that one transaction can span them.
  store_state& state() { return *impl_; }

 private:
  std::unique_ptr<store_state> impl_;
};

}  // namespace siaran::queue
