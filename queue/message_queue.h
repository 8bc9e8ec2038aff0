// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The message queue: messages and their parts from queueing to their last outcome. The
// dispatcher reads the due parts, claims one for a modem before it writes it there, and records
// what happened (sent, failed, uncertain); start-up resolves the parts a dead process left
// `sending`. It knows nothing of modems beyond their ids: PDUs are hex strings encoded by the
// caller.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "queue/records.h"
#include "queue/states.h"
#include "queue/store_error.h"

namespace siaran::queue {

class database;
struct message_queue_sql;  // message_queue_sql.h: its statements and noted sends

class message_queue {
 public:
  explicit message_queue(database& db);
  ~message_queue();
  message_queue(const message_queue&) = delete;
  message_queue& operator=(const message_queue&) = delete;

  // Durable (synchronous=FULL) before it returns. With a client_ref already stored, stores
  // nothing and returns the earlier id.
  accepted enqueue(const new_message& message);
  // All or nothing, one durable transaction.
  std::vector<accepted> enqueue_batch(const std::vector<new_message>& messages);
  // As enqueue, with every part pinned to `modem` in the same transaction (a modem's test send):
  // the dispatcher sends it there while that modem is healthy.
  accepted enqueue_pinned(const new_message& message, std::string_view modem);

  // Due queued parts (next_attempt_at <= now) in claim order (priority, then oldest), at most
  // `limit`, for the dispatcher to choose from, leaving out parts pinned to one of `busy_modems`
  // (they cannot go before that modem is free, and a long broadcast's pinned parts would fill
  // the window); expired messages met on the way are failed.
  std::vector<due_part> due_parts(timestamp now, int limit, const std::vector<std::string>& busy_modems = {});
  // Marks that part `sending` on `modem` with one more attempt, committed before it returns:
  // call it before writing the part to the modem. Nothing when it is no longer queued or is
  // pinned to another modem than `moved_from` (a modem gone or resting: the rest of the
  // message going out from another SIM is better than never). A claim pins the message's other
  // queued parts to `modem` (a move takes them along), so that they follow one another there.
  std::optional<claimed_part> claim(std::int64_t part_id, std::string_view modem, timestamp now,
                                    const std::optional<std::string>& moved_from = std::nullopt);
  // Claims each part for its modem as claim() does, all in one write transaction: a round of
  // the dispatcher claims several parts, and a commit per part was most of a part's disk writes.
  // All or none when the store fails; nothing for a part no longer queued.
  struct claim_request {
    std::int64_t part_id;
    std::string modem;
  };
  std::vector<std::optional<claimed_part>> claim_each(std::span<const claim_request> wanted, timestamp now);

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
  // `price`: the rupiah it cost on `modem` (none: not known), added to its broadcast's cost and
  // to the modem's (schema_costs.h).
  // `smsc_message_id`: the SMSC's id of a part sent over an SMPP bind (its receipt names it).
  void mark_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at,
                 std::optional<std::int64_t> price = std::nullopt,
                 std::optional<std::string> smsc_message_id = std::nullopt);
  // mark_sent deferred to the queue's next write transaction (a claim, most often), or to
  // record_noted_sends: at 40 parts/s a transaction of its own cost a third of the daemon's
  // CPU. A crash before then leaves the part `sending`, which start-up treats as uncertain, as
  // it does a part the crash caught in the modem; the dispatcher keeps that window short.
  void note_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at,
                 std::optional<std::int64_t> price = std::nullopt,
                 std::optional<std::string> smsc_message_id = std::nullopt);
  void record_noted_sends();
  // Noted sends not yet recorded: the database still has them `sending`.
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

  std::optional<message_record> message(std::int64_t id);
  // Messages whose derived state is `state`, by id after after_id, at most `limit`, with parts;
  // with `officer_id`, only those of that officer's broadcasts.
  std::vector<message_record> messages_by_state(part_state state, std::int64_t after_id = 0, int limit = 100,
                                                std::optional<std::int64_t> officer_id = std::nullopt);

 private:
  class write_transaction;  // message_queue_sql.h

  database& db_;
  std::unique_ptr<message_queue_sql> sql_;
};

}  // namespace siaran::queue
