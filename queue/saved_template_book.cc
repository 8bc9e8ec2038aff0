// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/saved_templates.h"

namespace siaran::queue {

// OR IGNORE: a name its owner already uses (message_templates_name) changes nothing.
struct saved_template_statements {
  explicit saved_template_statements(connection& c)
      : db(c),
        insert(db,
               "INSERT OR IGNORE INTO message_templates (officer_id, name, text, shared, "
               "created_at, updated_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?5)"),
        select(db, std::string(columns) + "WHERE id = ?1 AND archived_at IS NULL"),
        // ?1 NULL: every template; else the officer's and the shared ones.
        list(db, std::string(columns) +
                     "WHERE archived_at IS NULL AND (?1 IS NULL OR officer_id = ?1 OR shared = 1) "
                     "ORDER BY name COLLATE NOCASE, id"),
        update(db,
               "UPDATE OR IGNORE message_templates SET name = ?2, text = ?3, shared = ?4, "
               "updated_at = ?5 "
               "WHERE id = ?1 AND archived_at IS NULL"),
        archive(
            db,
            "UPDATE message_templates SET archived_at = ?2 WHERE id = ?1 AND archived_at IS NULL") {
  }

  static constexpr const char* columns =
      "SELECT id, officer_id, name, text, shared, created_at, updated_at FROM message_templates ";

  connection& db;
  statement insert;
  statement select;
  statement list;
  statement update;
  statement archive;
};

namespace {

saved_template read_template(const statement& s) {
  return {s.int64(0),
          s.optional_int64(1),
          s.text(2),
          s.text(3),
          s.int64(4) != 0,
          from_millis(s.int64(5)),
          from_millis(s.int64(6))};
}

}  // namespace

saved_template_book::saved_template_book(database& db)
    : sql_(std::make_unique<saved_template_statements>(db.sql())) {}

saved_template_book::~saved_template_book() = default;

std::optional<std::int64_t> saved_template_book::add(const saved_template& t) {
  sql_->insert.bind(1, t.officer_id)
      .bind(2, t.name)
      .bind(3, t.text)
      .bind(4, t.shared)
      .bind(5, millis(t.created_at));
  sql_->insert.run();
  if (sql_->db.changes() == 0) return std::nullopt;
  return sql_->db.last_insert_rowid();
}

std::optional<saved_template> saved_template_book::find(std::int64_t id) {
  step_scope scope(sql_->select);
  if (!sql_->select.bind(1, id).step()) return std::nullopt;
  return read_template(sql_->select);
}

std::vector<saved_template> saved_template_book::list(std::optional<std::int64_t> officer) {
  step_scope scope(sql_->list);
  sql_->list.bind(1, officer);
  std::vector<saved_template> out;
  while (sql_->list.step()) out.push_back(read_template(sql_->list));
  return out;
}

bool saved_template_book::update(const saved_template& t) {
  sql_->update.bind(1, t.id)
      .bind(2, t.name)
      .bind(3, t.text)
      .bind(4, t.shared)
      .bind(5, millis(t.updated_at))
      .run();
  return sql_->db.changes() == 1;
}

bool saved_template_book::archive(std::int64_t id, timestamp now) {
  sql_->archive.bind(1, id).bind(2, millis(now)).run();
  return sql_->db.changes() == 1;
}

}  // namespace siaran::queue
