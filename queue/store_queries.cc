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

// Outcomes are counted per UTC quarter hour and the quarters summed into the caller's intervals:
// every zone's offset is a whole number of quarter hours, so a quarter never straddles a local
// midnight, and SQLite returns at most a few thousand rows instead of one per part.
constexpr std::int64_t quarter_ms = 15 * 60 * 1000;

// One scan of parts, grouped by the quarters of the three outcomes together (a part is sent,
// delivered and perhaps failed in nearby quarters, so there are few groups). No index on sent_at
// or delivered_at: each would cost the dispatcher a page write per part, DESIGN.md "Throughput".
// A failed part failed when it was sent (a status report said so), else at its last permanent
// failure on a modem, else when it expired.
constexpr const char* outcome_quarters_sql = R"sql(
SELECT sent_at / ?2, delivered_at / ?2,
       CASE WHEN state = 'failed' THEN COALESCE(sent_at,
         (SELECT MAX(a.finished_at) FROM attempts a WHERE a.part_id = p.id AND a.outcome = 'failed_permanent'),
         expires_at) / ?2 END,
       COUNT(*)
FROM parts p WHERE sent_at >= ?1 OR delivered_at >= ?1 OR state = 'failed'
GROUP BY 1, 2, 3
)sql";

// Sent parts are exactly those with a reference: parts_report (modem, reference, sent_at) covers
// the query, so it reads that index instead of the whole table.
constexpr const char* sent_by_modem_sql =
    "SELECT modem, COUNT(*) FROM parts INDEXED BY parts_report "
    "WHERE reference IS NOT NULL AND sent_at >= ?1 GROUP BY modem";

// The interval holding the quarter, if any.
std::optional<std::size_t> interval_of(const std::vector<timestamp>& bounds, std::int64_t quarter) {
  const timestamp start = from_millis(quarter * quarter_ms);
  const auto after = std::upper_bound(bounds.begin(), bounds.end(), start);
  if (after == bounds.begin() || after == bounds.end()) return std::nullopt;
  return static_cast<std::size_t>(after - bounds.begin() - 1);
}

// Adds one group of outcome_quarters_sql (a part's outcome quarters, NULL when it had none).
void add_group(std::vector<part_counts>& counts, const std::vector<timestamp>& bounds, const statement& q) {
  const std::int64_t n = q.int64(3);
  const auto add = [&](int column, std::int64_t part_counts::*outcome) {
    if (q.is_null(column)) return;
    if (const auto i = interval_of(bounds, q.int64(column))) counts[*i].*outcome += n;
  };
  add(0, &part_counts::sent);
  add(1, &part_counts::delivered);
  add(2, &part_counts::failed);
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
  q.bind(1, millis(bounds.front())).bind(2, quarter_ms);
  while (q.step()) add_group(counts, bounds, q);
  return counts;
}

std::map<std::string, std::int64_t> store::sent_by_modem_since(timestamp since) {
  statement q(impl_->db, sent_by_modem_sql);
  step_scope scope(q);
  q.bind(1, millis(since));
  std::map<std::string, std::int64_t> sent;
  while (q.step()) sent.emplace(q.text(0), q.int64(1));
  return sent;
}

}  // namespace siaran::queue
