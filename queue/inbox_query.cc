// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/inbox_query.h"

#include <utility>

#include "queue/columns.h"
#include "queue/recipient_key.h"

namespace siaran::queue {

const std::string inbox_columns =
    "i.id, i.modem, i.sender, i.text, i.received_at, COALESCE(i.concat_total, 1), i.complete, "
    "i.decode_error, i.contact_id, i.broadcast_id, i.officer_id, i.keyword, c.name, i.read_at, "
    "c.desa, c.kecamatan, c.posyandu, a.answered_by, a.answered_at, a.message_id ";
const std::string inbox_joins =
    "LEFT JOIN contacts c ON c.id = i.contact_id LEFT JOIN inbox_answers a ON a.id = "
    "(SELECT MAX(x.id) FROM inbox_answers x WHERE x.incoming_id = i.id) ";

inbox_entry read_inbox_entry(const statement& q) {
  inbox_entry e{
      incoming_record{q.int64(0), q.text(1), q.text(2), q.text(3), from_millis(q.int64(4)),
                      static_cast<int>(q.int64(5)), q.int64(6) != 0, q.optional_text(7)},
      reply_route{q.optional_int64(8), q.optional_int64(9), q.optional_int64(10),
                  q.optional_text(11)},
      q.optional_text(12),
      optional_time(q, 13),
      q.optional_text(14),
      q.optional_text(15),
      q.optional_text(16),
      std::nullopt};
  if (const auto by = q.optional_text(17))
    e.answer = inbox_answer{*by, from_millis(q.int64(18)), q.optional_int64(19)};
  return e;
}

void sql_conditions::add(std::string condition, std::vector<sql_value> values) {
  conditions_.push_back(std::move(condition));
  values_.insert(values_.end(), std::make_move_iterator(values.begin()),
                 std::make_move_iterator(values.end()));
}

std::string sql_conditions::where() const {
  if (conditions_.empty()) return "";
  std::string sql = "WHERE ";
  for (std::size_t n = 0; n < conditions_.size(); ++n) sql += (n ? " AND " : "") + conditions_[n];
  return sql + " ";
}

int sql_conditions::bind(statement& s, int first) const {
  for (const auto& value : values_) {
    std::visit([&](const auto& v) { s.bind(first++, v); }, value);
  }
  return first;
}

namespace {

void add_scope(sql_conditions& where, const inbox_filter& filter) {
  if (filter.scope == inbox_scope::general) where.add("i.officer_id IS NULL");
  if (filter.scope == inbox_scope::officer) where.add("i.officer_id = ?", {filter.officer_id});
}

// A part of the text or of the name, case aside (instr: "_" and "%" are plain characters), or
// the digits of a number in any local form.
void add_text(sql_conditions& where, const std::string& text) {
  const std::string digits = search_digits(text);
  where.add(
      "(instr(lower(i.text), lower(?)) > 0 OR instr(lower(COALESCE(c.name, '')), lower(?)) > 0 OR "
      "(? <> '' AND instr(i.sender, ?) > 0))",
      {text, text, digits, digits});
}

// The messages of the contacts whose `column` is the value (case aside).
std::string contacts_where(const char* column) {
  return std::string("i.contact_id IN (SELECT p.id FROM contacts p WHERE p.") + column +
         " = ? COLLATE NOCASE)";
}

}  // namespace

void add_inbox_conditions(sql_conditions& where, const inbox_filter& filter) {
  add_scope(where, filter);
  if (filter.broadcast_id) where.add("i.broadcast_id = ?", {*filter.broadcast_id});
  if (filter.keyword) where.add("i.keyword = ?", {*filter.keyword});
  // Through the place's contacts and incoming_contact: the join on c alone would read every
  // message.
  if (filter.kecamatan) where.add(contacts_where("kecamatan"), {*filter.kecamatan});
  if (filter.desa) where.add(contacts_where("desa"), {*filter.desa});
  if (filter.text) add_text(where, *filter.text);
}

std::string answered_condition(bool answered) {
  return std::string(answered ? "" : "NOT ") +
         "EXISTS (SELECT 1 FROM inbox_answers x WHERE x.incoming_id = i.id)";
}

inbox_list::inbox_list(const inbox_filter& filter) : filter_(filter) {
  add_inbox_conditions(where_, filter);
  if (filter.answered) where_.add(answered_condition(*filter.answered));
  if (filter.after_id > 0) where_.add("i.id > ?", {filter.after_id});
  if (filter.since != timestamp{}) where_.add("i.received_at >= ?", {millis(filter.since)});
  if (filter.before_id) where_.add("i.id < ?", {*filter.before_id});
}

std::string inbox_list::sql() const {
  return "SELECT " + inbox_columns + "FROM incoming i " + inbox_joins + where_.where() +
         "ORDER BY i.id " + (filter_.newest_first ? "DESC" : "ASC") + " LIMIT ?";
}

void inbox_list::bind(statement& s) const { s.bind(where_.bind(s), filter_.limit); }

}  // namespace siaran::queue
