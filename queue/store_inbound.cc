// SPDX-License-Identifier: GPL-3.0-or-later
// What arrives from the network: status reports, incoming SMS, modem events.

#include <algorithm>
#include <numeric>

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {
namespace {

// TP-ST (3GPP TS 23.040 §9.2.3.15): 0x00-0x1F the transaction is complete (delivered, or
// forwarded/replaced, which is as far as we can know); 0x20-0x3F the centre is still trying;
// 0x40 and above it gave up (permanent error, or temporary error with no more attempts).
std::optional<part_state> state_after_report(int status) {
  if (status < 0x20) return part_state::delivered;
  if (status < 0x40) return std::nullopt;
  return part_state::failed;
}

struct fragment_key {
  std::string modem;
  std::string sender;
  int concat_ref = 0;
  int concat_total = 0;
};

bool stored_already(store_state& s, const std::string& modem, const std::vector<std::string>& pdus, timestamp now);
void remember_pdus(store_state& s, const std::string& modem, const std::vector<std::string>& pdus, timestamp at);
std::optional<std::int64_t> add_fragment(store_state& s, const incoming_fragment& f);
std::int64_t insert_incoming(store_state& s, const incoming_message& m);
incoming_message join_fragments(store_state& s, const fragment_key& key);
std::int64_t move_to_incoming(store_state& s, const fragment_key& key, const incoming_message& joined);

std::optional<std::int64_t> find_reported_part(store_state& s, const status_report& r) {
  auto& q = s.sql.match_report;
  step_scope scope(q);
  const auto window = std::chrono::duration_cast<std::chrono::milliseconds>(s.options.report_window);
  q.bind(1, r.modem)
      .bind(2, r.reference)
      .bind(3, millis(r.received_at - window))
      .bind(4, millis(r.received_at))
      .bind(5, recipient_key(r.recipient));
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

}  // namespace

std::optional<std::int64_t> store::record_status_report(const status_report& report) {
  auto& sql = impl_->sql;
  write_transaction tx(*impl_);
  const auto part_id = find_reported_part(*impl_, report);
  if (part_id) {
    const auto next = state_after_report(report.status);
    std::optional<std::string> next_name;
    if (next) next_name = std::string(to_string(*next));
    sql.apply_report.bind(1, *part_id)
        .bind(2, report.status)
        .bind(3, next_name)
        .bind(4, millis(report.discharge_time.value_or(report.received_at)))
        .bind(5, "status report: TP-ST " + std::to_string(report.status))
        .run();
  }
  sql.insert_status_report.bind(1, report.modem)
      .bind(2, report.reference)
      .bind(3, report.recipient)
      .bind(4, report.status)
      .bind(5, optional_millis(report.sc_timestamp))
      .bind(6, optional_millis(report.discharge_time))
      .bind(7, millis(report.received_at))
      .bind(8, report.raw_pdu)
      .bind(9, part_id)
      .run();
  tx.commit();
  return part_id;
}

incoming_outcome store::record_incoming(const incoming_message& m) {
  // Durable before the caller deletes it from the SIM: afterwards this row is the only copy.
  write_transaction tx(*impl_, durability::full);
  incoming_outcome outcome{stored_already(*impl_, m.modem, m.raw_pdus, m.received_at), std::nullopt};
  if (!outcome.stored_already) {
    remember_pdus(*impl_, m.modem, m.raw_pdus, m.received_at);
    outcome.message_id = insert_incoming(*impl_, m);
  }
  tx.commit();
  return outcome;
}

incoming_outcome store::record_fragment(const incoming_fragment& f) {
  write_transaction tx(*impl_, durability::full);
  incoming_outcome outcome{stored_already(*impl_, f.modem, {f.raw_pdu}, f.received_at), std::nullopt};
  if (!outcome.stored_already) outcome.message_id = add_fragment(*impl_, f);
  tx.commit();
  return outcome;
}

std::vector<std::int64_t> store::flush_fragments(timestamp before) {
  auto& sql = impl_->sql;
  write_transaction tx(*impl_, durability::full);
  std::vector<fragment_key> stale;
  {
    step_scope scope(sql.stale_fragment_sets);
    sql.stale_fragment_sets.bind(1, millis(before));
    while (sql.stale_fragment_sets.step()) {
      const auto& q = sql.stale_fragment_sets;
      stale.push_back(fragment_key{q.text(0), q.text(1), static_cast<int>(q.int64(2)), static_cast<int>(q.int64(3))});
    }
  }
  std::vector<std::int64_t> ids;
  for (const fragment_key& key : stale) {
    incoming_message partial = join_fragments(*impl_, key);
    partial.complete = false;
    ids.push_back(move_to_incoming(*impl_, key, partial));
  }
  tx.commit();
  return ids;
}

std::vector<incoming_record> store::inbox(std::int64_t after_id, timestamp since, int limit) {
  auto& q = impl_->sql.select_inbox;
  step_scope scope(q);
  q.bind(1, after_id).bind(2, millis(since)).bind(3, limit);
  std::vector<incoming_record> found;
  while (q.step()) {
    found.push_back(incoming_record{q.int64(0), q.text(1), q.text(2), q.text(3), from_millis(q.int64(4)),
                                    static_cast<int>(q.int64(5)), q.int64(6) != 0, q.optional_text(7)});
  }
  return found;
}

namespace {

// Whether every one of `pdus` (at least one) was stored from `modem` within duplicate_window
// before `now`. PDUs older than the window are forgotten first: the table holds only the window.
bool stored_already(store_state& s, const std::string& modem, const std::vector<std::string>& pdus, timestamp now) {
  s.sql.trim_incoming_pdus.bind(1, millis(now - s.options.duplicate_window)).run();
  auto known = [&](const std::string& pdu) {
    auto& q = s.sql.find_incoming_pdu;
    step_scope scope(q);
    q.bind(1, modem).bind(2, pdu);
    return q.step();
  };
  return !pdus.empty() && std::all_of(pdus.begin(), pdus.end(), known);
}

void remember_pdus(store_state& s, const std::string& modem, const std::vector<std::string>& pdus, timestamp at) {
  for (const std::string& pdu : pdus) s.sql.insert_incoming_pdu.bind(1, modem).bind(2, pdu).bind(3, millis(at)).run();
}

// Keeps the part until its set is complete; then the set moves to incoming, whose id it returns.
std::optional<std::int64_t> add_fragment(store_state& s, const incoming_fragment& f) {
  s.sql.insert_fragment.bind(1, f.modem)
      .bind(2, f.sender)
      .bind(3, f.concat_ref)
      .bind(4, f.concat_total)
      .bind(5, f.number)
      .bind(6, f.text)
      .bind(7, f.raw_pdu)
      .bind(8, millis(f.received_at))
      .run();
  remember_pdus(s, f.modem, {f.raw_pdu}, f.received_at);
  const fragment_key key{f.modem, f.sender, f.concat_ref, f.concat_total};
  incoming_message joined = join_fragments(s, key);
  if (static_cast<int>(joined.raw_pdus.size()) != f.concat_total) return std::nullopt;
  return move_to_incoming(s, key, joined);
}

std::int64_t insert_incoming(store_state& s, const incoming_message& m) {
  std::string raw;
  for (const std::string& pdu : m.raw_pdus) raw += (raw.empty() ? "" : "\n") + pdu;
  s.sql.insert_incoming.bind(1, m.modem)
      .bind(2, m.sender)
      .bind(3, m.text)
      .bind(4, millis(m.received_at))
      .bind(5, raw)
      .bind(6, m.decode_error)
      .bind(7, m.concat_ref)
      .bind(8, m.concat_total)
      .bind(9, m.complete)
      .run();
  return s.db.last_insert_rowid();
}

// The fragments of one set so far, joined in part order; received_at is the newest part's.
incoming_message join_fragments(store_state& s, const fragment_key& key) {
  auto& q = s.sql.fragments_of_set;
  step_scope scope(q);
  q.bind(1, key.modem).bind(2, key.sender).bind(3, key.concat_ref).bind(4, key.concat_total);
  incoming_message m{key.modem, key.sender, "", {}, {}, std::nullopt, key.concat_ref, key.concat_total, true};
  while (q.step()) {
    m.text += q.text(1);
    m.raw_pdus.push_back(q.text(2));
    m.received_at = std::max(m.received_at, from_millis(q.int64(3)));
  }
  return m;
}

std::int64_t move_to_incoming(store_state& s, const fragment_key& key, const incoming_message& joined) {
  const std::int64_t id = insert_incoming(s, joined);
  s.sql.delete_fragment_set.bind(1, key.modem).bind(2, key.sender).bind(3, key.concat_ref).bind(4, key.concat_total).run();
  return id;
}

}  // namespace

void store::record_modem_event(std::string_view modem, timestamp at, std::string_view state, std::string_view reason) {
  impl_->sql.insert_modem_event.bind(1, modem).bind(2, millis(at)).bind(3, state).bind(4, reason).run();
}

}  // namespace siaran::queue
