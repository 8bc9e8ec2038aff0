// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <limits>
#include <tuple>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/conversations.h"
#include "queue/database.h"
#include "queue/inbox_query.h"
#include "queue/recipient_key.h"

namespace siaran::queue {
namespace {

// The messages to the conversation's number (any form of it), the broadcasts to its contact (from
// any of the contact's numbers) and the answers to the contact's messages: each set through an
// index.
constexpr const char* outgoing_sql =
    "WITH ids(id) AS ("
    "SELECT id FROM messages WHERE recipient_key = ? "
    "UNION SELECT message_id FROM broadcast_messages WHERE contact_id = ? AND message_id IS NOT "
    "NULL "
    "UNION SELECT x.message_id FROM inbox_answers x JOIN incoming ai ON ai.id = x.incoming_id "
    "WHERE ai.contact_id = ? AND x.message_id IS NOT NULL) "
    "SELECT m.id, m.text, m.send_at, COALESCE((SELECT s.state FROM message_states s WHERE "
    "s.message_id = m.id), "
    "'queued'), bm.broadcast_id, x.incoming_id, x.answered_by "
    "FROM ids JOIN messages m ON m.id = ids.id "
    "LEFT JOIN broadcast_messages bm ON bm.message_id = m.id LEFT JOIN broadcasts b ON b.id = "
    "bm.broadcast_id "
    "LEFT JOIN inbox_answers x ON x.message_id = m.id LEFT JOIN incoming ai ON ai.id = "
    "x.incoming_id ";

outgoing_sms read_outgoing(const statement& q) {
  outgoing_sms sms{
      q.int64(0),           q.text(1),           from_millis(q.int64(2)), q.text(3),
      outgoing_kind::other, q.optional_int64(4), q.optional_int64(5),     q.optional_text(6)};
  if (sms.broadcast_id) sms.kind = outgoing_kind::broadcast;
  if (sms.answers) sms.kind = outgoing_kind::answer;
  return sms;
}

conversation_cursor position_of(const conversation_item& item) {
  if (const auto* in = std::get_if<inbox_entry>(&item))
    return {in->message.received_at, false, in->message.id};
  const auto& out = std::get<outgoing_sms>(item);
  return {out.at, true, out.message_id};
}

bool newer(const conversation_item& a, const conversation_item& b) {
  const conversation_cursor x = position_of(a);
  const conversation_cursor y = position_of(b);
  return std::tie(x.at, x.outgoing, x.id) > std::tie(y.at, y.outgoing, y.id);
}

// The condition "(time, direction, id) before the cursor", its values in order.
std::vector<sql_value> cursor_values(const conversation_cursor& c) {
  return {millis(c.at), std::int64_t{c.outgoing ? 1 : 0}, c.id};
}

}  // namespace

conversation_book::conversation_book(database& db) : db_(db.sql()) {}

std::vector<conversation_summary> conversation_book::list(const inbox_filter& filter) {
  sql_conditions kept;
  add_inbox_conditions(kept, filter);
  sql_conditions newest;
  if (filter.answered) newest.add(answered_condition(*filter.answered));
  statement q(db_, "SELECT " + inbox_columns +
                       ", g.messages, g.unread FROM (SELECT MAX(i.id) AS last_id, "
                       "COUNT(*) AS messages, SUM(i.read_at IS NULL) AS unread FROM incoming i "
                       "LEFT JOIN contacts c ON c.id = i.contact_id " +
                       kept.where() + "GROUP BY COALESCE('c' || i.contact_id, 'n' || i.sender) " +
                       (filter.before_id ? "HAVING MAX(i.id) < ? " : "") +
                       ") g JOIN incoming i ON i.id = g.last_id " + inbox_joins + newest.where() +
                       "ORDER BY g.last_id DESC LIMIT ?");
  step_scope scope(q);
  int next = kept.bind(q);
  if (filter.before_id) q.bind(next++, *filter.before_id);
  q.bind(next, filter.limit);
  std::vector<conversation_summary> found;
  while (q.step()) {
    found.push_back(
        {read_inbox_entry(q), q.int64(inbox_column_count), q.int64(inbox_column_count + 1)});
  }
  return found;
}

std::vector<inbox_entry> conversation_book::incoming(const conversation_key& key,
                                                     const inbox_filter& scope,
                                                     const conversation_cursor& before, int limit) {
  sql_conditions where;
  add_inbox_conditions(where, scope);
  if (key.contact_id) {
    where.add("i.contact_id = ?", {*key.contact_id});
  } else {
    where.add("i.contact_id IS NULL AND i.sender = ?", {key.number});
  }
  where.add("(i.received_at, 0, i.id) < (?, ?, ?)", cursor_values(before));
  statement q(db_, "SELECT " + inbox_columns + "FROM incoming i " + inbox_joins + where.where() +
                       "ORDER BY i.received_at DESC, i.id DESC LIMIT ?");
  step_scope step(q);
  q.bind(where.bind(q), limit);
  std::vector<inbox_entry> found;
  while (q.step()) found.push_back(read_inbox_entry(q));
  return found;
}

std::vector<outgoing_sms> conversation_book::outgoing(const conversation_key& key,
                                                      const inbox_filter& scope,
                                                      const conversation_cursor& before,
                                                      int limit) {
  const std::int64_t contact = key.contact_id.value_or(0);  // 0: no contact has it
  sql_conditions where;
  where.add("(m.send_at, 1, m.id) < (?, ?, ?)", cursor_values(before));
  if (scope.scope == inbox_scope::officer) {
    where.add("(b.officer_id = ? OR ai.officer_id = ?)", {scope.officer_id, scope.officer_id});
  }
  statement q(db_, outgoing_sql + where.where() + "ORDER BY m.send_at DESC, m.id DESC LIMIT ?");
  step_scope step(q);
  q.bind(1, recipient_key(key.number)).bind(2, contact).bind(3, contact);
  q.bind(where.bind(q, 4), limit);
  std::vector<outgoing_sms> found;
  while (q.step()) found.push_back(read_outgoing(q));
  return found;
}

conversation_page conversation_book::read(const conversation_key& key, const inbox_filter& scope,
                                          const std::optional<conversation_cursor>& before,
                                          int limit) {
  constexpr auto last = std::numeric_limits<std::int64_t>::max();
  const conversation_cursor from =
      before.value_or(conversation_cursor{from_millis(last), true, last});
  // One more than a page of each side: the newest `limit` of both, and whether any is older.
  std::vector<conversation_item> items;
  for (auto& in : incoming(key, scope, from, limit + 1)) items.emplace_back(std::move(in));
  for (auto& out : outgoing(key, scope, from, limit + 1)) items.emplace_back(std::move(out));
  std::sort(items.begin(), items.end(), newer);
  conversation_page page;
  if (static_cast<int>(items.size()) > limit) {
    items.resize(static_cast<std::size_t>(limit));
    page.older = position_of(items.back());
  }
  std::reverse(items.begin(), items.end());
  page.items = std::move(items);
  return page;
}

}  // namespace siaran::queue
