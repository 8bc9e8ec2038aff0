// SPDX-License-Identifier: GPL-3.0-or-later
// Reading messages back: by id, by derived state, the queue's depth, and the counts the web
// UI's dashboard and modem page show.

#include <algorithm>

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {
namespace {

// The statements below are prepared per call: they serve people (a page load, a test send), and
// the store's prepared set (statements.h) is the dispatcher's.

// Outcomes are counted per UTC quarter hour (schema_tallies.h's 900000) and the quarters summed
// into the caller's intervals: every zone's offset is a whole number of quarter hours, so a
// quarter never straddles a local midnight.
constexpr std::int64_t quarter_ms = 15 * 60 * 1000;

// Read from the counters schema step 11 keeps (schema_tallies.h): a few rows per quarter hour,
// where counting the parts themselves read two years of them.
constexpr const char* outcome_quarters_sql =
    "SELECT quarter, outcome, SUM(n) FROM part_tallies WHERE quarter >= ?1 AND quarter < ?2 GROUP BY quarter, outcome";

constexpr const char* sent_by_modem_sql =
    "SELECT modem, SUM(n) FROM part_tallies WHERE quarter >= ?1 AND outcome = 'sent' GROUP BY modem HAVING SUM(n) > 0";

// The interval holding the quarter, if any.
std::optional<std::size_t> interval_of(const std::vector<timestamp>& bounds, std::int64_t quarter) {
  const timestamp start = from_millis(quarter * quarter_ms);
  const auto after = std::upper_bound(bounds.begin(), bounds.end(), start);
  if (after == bounds.begin() || after == bounds.end()) return std::nullopt;
  return static_cast<std::size_t>(after - bounds.begin() - 1);
}

// Adds one row of outcome_quarters_sql.
void add_group(std::vector<part_counts>& counts, const std::vector<timestamp>& bounds, const statement& q) {
  const auto i = interval_of(bounds, q.int64(0));
  if (!i) return;
  const std::string outcome = q.text(1);
  part_counts& c = counts[*i];
  (outcome == "sent" ? c.sent : outcome == "delivered" ? c.delivered : c.failed) += q.int64(2);
}

// Reads the columns of statements.cc's message_columns.
message_record read_message(const statement& s) {
  message_record m;
  m.id = s.int64(0);
  m.recipient = s.text(1);
  m.text = s.text(2);
  m.priority = static_cast<int>(s.int64(3));
  m.created_at = from_millis(s.int64(4));
  m.send_at = from_millis(s.int64(5));
  m.expires_at = optional_time(s, 6);
  m.report = s.int64(7) != 0;
  m.client_ref = s.optional_text(8);
  m.state = part_state_from(s.text(9));
  return m;
}

void read_parts(statements& sql, message_record& m) {
  step_scope scope(sql.parts_of_message);
  sql.parts_of_message.bind(1, m.id);
  while (sql.parts_of_message.step()) m.parts.push_back(read_part(sql.parts_of_message));
}

}  // namespace

std::optional<message_record> store::message(std::int64_t id) {
  auto& sql = impl_->sql;
  std::optional<message_record> found;
  {
    step_scope scope(sql.select_message);
    if (sql.select_message.bind(1, id).step()) found = read_message(sql.select_message);
  }
  if (found) read_parts(sql, *found);
  return found;
}

std::vector<message_record> store::messages_by_state(part_state state, std::int64_t after_id, int limit) {
  auto& sql = impl_->sql;
  std::vector<message_record> found;
  {
    step_scope scope(sql.messages_by_state);
    sql.messages_by_state.bind(1, to_string(state)).bind(2, after_id).bind(3, limit);
    while (sql.messages_by_state.step()) found.push_back(read_message(sql.messages_by_state));
  }
  for (message_record& m : found) read_parts(sql, m);
  return found;
}

std::int64_t store::uncertain_count() {
  auto& q = impl_->sql.uncertain_count;
  step_scope scope(q);
  q.step();
  return q.int64(0);
}

std::int64_t store::queue_depth() {
  auto& q = impl_->sql.queue_depth;
  step_scope scope(q);
  q.step();
  return q.int64(0);
}

accepted store::enqueue_pinned(const new_message& message, std::string_view modem) {
  write_transaction tx(*impl_, durability::full);
  const accepted result = insert_message(*impl_, message);
  statement pin(impl_->db, "UPDATE parts SET pinned_modem = ?2 WHERE message_id = ?1");
  pin.bind(1, result.id).bind(2, modem).run();
  tx.commit();
  return result;
}

std::vector<part_counts> store::part_counts_between(const std::vector<timestamp>& bounds) {
  std::vector<part_counts> counts(bounds.size() < 2 ? 0 : bounds.size() - 1);
  if (counts.empty()) return counts;
  statement q(impl_->db, outcome_quarters_sql);
  step_scope scope(q);
  q.bind(1, millis(bounds.front()) / quarter_ms).bind(2, millis(bounds.back()) / quarter_ms);
  while (q.step()) add_group(counts, bounds, q);
  return counts;
}

std::map<std::string, std::int64_t> store::sent_by_modem_since(timestamp since) {
  statement q(impl_->db, sent_by_modem_sql);
  step_scope scope(q);
  q.bind(1, millis(since) / quarter_ms);
  std::map<std::string, std::int64_t> sent;
  while (q.step()) sent.emplace(q.text(0), q.int64(1));
  return sent;
}

}  // namespace siaran::queue
