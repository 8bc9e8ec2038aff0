// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/sms_reports.h"

namespace siaran::queue {

// OR IGNORE: a code already stored, archived or not, changes nothing.
struct report_form_statements {
  explicit report_form_statements(connection& c)
      : db(c),
        insert(db,
               "INSERT OR IGNORE INTO report_forms (code, definition, created_at, updated_at) "
               "VALUES (?1, ?2, ?3, ?3)"),
        select(db, std::string(columns) + "WHERE code = ?1 AND archived_at IS NULL"),
        list(db, std::string(columns) + "WHERE archived_at IS NULL ORDER BY code"),
        update(db,
               "UPDATE report_forms SET definition = ?2, updated_at = ?3 WHERE code = ?1 AND "
               "archived_at IS NULL"),
        archive(db,
                "UPDATE report_forms SET archived_at = ?2 WHERE code = ?1 AND archived_at IS NULL"),
        any(db, "SELECT EXISTS (SELECT 1 FROM report_forms)") {}

  static constexpr const char* columns =
      "SELECT code, definition, created_at, updated_at FROM report_forms ";

  connection& db;
  statement insert;
  statement select;
  statement list;
  statement update;
  statement archive;
  statement any;
};

namespace {

stored_form read_form(const statement& s) {
  return {s.text(0), s.text(1), from_millis(s.int64(2)), from_millis(s.int64(3))};
}

}  // namespace

report_form_book::report_form_book(database& db)
    : sql_(std::make_unique<report_form_statements>(db.sql())) {}

report_form_book::~report_form_book() = default;

std::vector<stored_form> report_form_book::list() {
  step_scope scope(sql_->list);
  std::vector<stored_form> out;
  while (sql_->list.step()) out.push_back(read_form(sql_->list));
  return out;
}

std::optional<stored_form> report_form_book::find(const std::string& code) {
  step_scope scope(sql_->select);
  if (!sql_->select.bind(1, code).step()) return std::nullopt;
  return read_form(sql_->select);
}

bool report_form_book::add(const stored_form& form) {
  sql_->insert.bind(1, form.code).bind(2, form.definition).bind(3, millis(form.created_at)).run();
  return sql_->db.changes() == 1;
}

bool report_form_book::update(const std::string& code, const std::string& definition,
                              timestamp now) {
  sql_->update.bind(1, code).bind(2, definition).bind(3, millis(now)).run();
  return sql_->db.changes() == 1;
}

bool report_form_book::archive(const std::string& code, timestamp now) {
  sql_->archive.bind(1, code).bind(2, millis(now)).run();
  return sql_->db.changes() == 1;
}

bool report_form_book::never_defined() {
  step_scope scope(sql_->any);
  sql_->any.step();
  return sql_->any.int64(0) == 0;
}

}  // namespace siaran::queue
