// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/audit_book.h"

#include <string_view>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {

struct audit_statements {
  explicit audit_statements(connection& c)
      : db(c),
        insert(db,
               "INSERT INTO audit_log (at, actor, user_id, role, address, method, route, target, status, summary) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        // Walks the primary key backwards from ?1; audit_log_at serves ?4 and the prune.
        select(db,
               "SELECT id, at, actor, user_id, role, address, method, route, target, status, summary FROM audit_log "
               "WHERE (?1 = 0 OR id < ?1) AND (?3 IS NULL OR actor = ?3 COLLATE NOCASE) AND (?4 IS NULL OR at >= ?4) "
               "ORDER BY id DESC LIMIT ?2"),
        prune(db, "DELETE FROM audit_log WHERE at < ?1") {}

  connection& db;
  statement insert;
  statement select;
  statement prune;
};

namespace {

// At most `limit` bytes of `text`, never ending inside a UTF-8 character.
std::string_view bounded(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

audit_entry read_entry(const statement& s) {
  audit_entry e;
  e.id = s.int64(0);
  e.at = from_millis(s.int64(1));
  e.actor = s.text(2);
  e.user_id = s.optional_int64(3);
  e.role = s.text(4);
  e.address = s.text(5);
  e.method = s.text(6);
  e.route = s.text(7);
  e.target = s.optional_text(8);
  e.status = static_cast<int>(s.int64(9));
  e.summary = s.text(10);
  return e;
}

}  // namespace

audit_book::audit_book(database& db) : sql_(std::make_unique<audit_statements>(db.sql())) {}

audit_book::~audit_book() = default;

std::int64_t audit_book::record(const audit_entry& e) {
  std::optional<std::string_view> target;
  if (e.target) target = bounded(*e.target, audit_bounds::target);
  sql_->insert.bind(1, millis(e.at))
      .bind(2, bounded(e.actor, audit_bounds::actor))
      .bind(3, e.user_id)
      .bind(4, bounded(e.role, audit_bounds::role))
      .bind(5, bounded(e.address, audit_bounds::address))
      .bind(6, bounded(e.method, audit_bounds::method))
      .bind(7, bounded(e.route, audit_bounds::route))
      .bind(8, target)
      .bind(9, e.status)
      .bind(10, bounded(e.summary, audit_bounds::summary))
      .run();
  return sql_->db.last_insert_rowid();
}

std::vector<audit_entry> audit_book::list(const audit_query& query) {
  auto& s = sql_->select;
  step_scope scope(s);
  std::optional<std::int64_t> since;
  if (query.since) since = millis(*query.since);
  s.bind(1, query.before_id).bind(2, query.limit).bind(3, query.actor).bind(4, since);
  std::vector<audit_entry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::int64_t audit_book::prune(timestamp before) {
  sql_->prune.bind(1, millis(before)).run();
  return sql_->db.changes();
}

}  // namespace siaran::queue
