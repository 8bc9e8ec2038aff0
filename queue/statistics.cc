// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/statistics.h"

#include <algorithm>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {

// Prepared once: /metrics and the store watch read them every few seconds.
struct statistics_statements {
  explicit statistics_statements(connection& c)
      : db(c),
        queue_depth(db, "SELECT COUNT(*) FROM parts WHERE state = 'queued'"),
        uncertain_count(db, "SELECT COUNT(*) FROM parts WHERE state = 'uncertain'") {}

  connection& db;
  statement queue_depth;
  statement uncertain_count;
};

namespace {

// The tallies' statements are prepared per call: they serve people (a page load), not the
// dispatcher.

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

// Read from the sums schema step 18 keeps (schema_costs.h).
constexpr const char* modem_costs_sql =
    "SELECT modem, SUM(parts), SUM(rupiah) FROM modem_costs WHERE quarter >= ?1 AND quarter < ?2 GROUP BY modem";

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

}  // namespace

statistics::statistics(database& db) : sql_(std::make_unique<statistics_statements>(db.sql())) {}

statistics::~statistics() = default;

std::int64_t statistics::uncertain_count() {
  auto& q = sql_->uncertain_count;
  step_scope scope(q);
  q.step();
  return q.int64(0);
}

std::int64_t statistics::queue_depth() {
  auto& q = sql_->queue_depth;
  step_scope scope(q);
  q.step();
  return q.int64(0);
}

std::vector<part_counts> statistics::part_counts_between(const std::vector<timestamp>& bounds) {
  std::vector<part_counts> counts(bounds.size() < 2 ? 0 : bounds.size() - 1);
  if (counts.empty()) return counts;
  statement q(sql_->db, outcome_quarters_sql);
  step_scope scope(q);
  q.bind(1, millis(bounds.front()) / quarter_ms).bind(2, millis(bounds.back()) / quarter_ms);
  while (q.step()) add_group(counts, bounds, q);
  return counts;
}

std::map<std::string, std::int64_t> statistics::sent_by_modem_since(timestamp since) {
  statement q(sql_->db, sent_by_modem_sql);
  step_scope scope(q);
  q.bind(1, millis(since) / quarter_ms);
  std::map<std::string, std::int64_t> sent;
  while (q.step()) sent.emplace(q.text(0), q.int64(1));
  return sent;
}

std::map<std::string, modem_cost> statistics::modem_costs_between(timestamp from, timestamp to) {
  statement q(sql_->db, modem_costs_sql);
  step_scope scope(q);
  q.bind(1, millis(from) / quarter_ms).bind(2, millis(to) / quarter_ms);
  std::map<std::string, modem_cost> costs;
  while (q.step()) costs.emplace(q.text(0), modem_cost{q.int64(1), q.int64(2)});
  return costs;
}

}  // namespace siaran::queue
