// SPDX-License-Identifier: GPL-3.0-or-later
#include <string_view>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/sms_reports.h"

namespace siaran::queue {
namespace {

// A posyandu's place as SQL, from its three columns (or parameters): the one comparison the
// contacts and the reports share, so "Melati " of desa "sukamaju" is Melati of Sukamaju.
std::string place_key(std::string_view kecamatan, std::string_view desa,
                      std::string_view posyandu) {
  const auto part = [](std::string_view column) {
    return "lower(trim(IFNULL(" + std::string(column) + ", '')))";
  };
  return part(kecamatan) + " || '|' || " + part(desa) + " || '|' || " + part(posyandu);
}

// ?3: the roles that may report, a JSON array; empty: any contact of a posyandu.
const std::string reporter_condition =
    "c.archived_at IS NULL AND trim(IFNULL(c.posyandu, '')) <> '' AND (json_array_length(?3) = 0 "
    "OR "
    "lower(IFNULL(c.role, '')) IN (SELECT lower(value) FROM json_each(?3))) ";

const std::string contact_place = place_key("c.kecamatan", "c.desa", "c.posyandu");

}  // namespace

struct sms_report_statements {
  explicit sms_report_statements(connection& c)
      : db(c),
        current(db, "SELECT id FROM sms_reports WHERE form = ?1 AND period = ?2 AND place_key = " +
                        place_key("?3", "?4", "?5") + " AND replaced_by IS NULL"),
        insert(db,
               "INSERT INTO sms_reports (form, period, kecamatan, desa, posyandu, place_key, "
               "contact_id, incoming_id, "
               "report_values, received_at, replaces) VALUES (?1, ?2, NULLIF(trim(?3), ''), "
               "NULLIF(trim(?4), ''), "
               "trim(?5), " +
                   place_key("?3", "?4", "?5") + ", ?6, ?7, ?8, ?9, ?10)"),
        replace(db, "UPDATE sms_reports SET replaced_by = ?2 WHERE id = ?1"),
        select(db, std::string(columns) + "WHERE id = ?1"),
        list(db, std::string(columns) +
                     "WHERE (?1 IS NULL OR form = ?1) AND (?2 IS NULL OR period = ?2) AND (?3 IS "
                     "NULL OR period >= ?3) "
                     "AND (?4 IS NULL OR period <= ?4) AND (?5 IS NULL OR lower(kecamatan) = "
                     "lower(trim(?5))) "
                     "AND (?6 IS NULL OR lower(desa) = lower(trim(?6))) "
                     "AND (?7 IS NULL OR lower(posyandu) = lower(trim(?7))) AND (?8 = 1 OR "
                     "replaced_by IS NULL) "
                     "ORDER BY kecamatan COLLATE NOCASE, desa COLLATE NOCASE, posyandu COLLATE "
                     "NOCASE, period, id"),
        statuses(db, "WITH places AS (SELECT " + contact_place +
                         " AS place_key, min(trim(c.posyandu)) AS posyandu, "
                         "min(NULLIF(trim(c.desa), '')) AS desa, "
                         "min(NULLIF(trim(c.kecamatan), '')) AS kecamatan, count(*) AS cadres FROM "
                         "contacts c WHERE " +
                         reporter_condition +
                         "GROUP BY 1) "
                         "SELECT p.posyandu, p.desa, p.kecamatan, p.cadres, r.id FROM places p "
                         "LEFT JOIN sms_reports r "
                         "ON r.form = ?1 AND r.period = ?2 AND r.place_key = p.place_key AND "
                         "r.replaced_by IS NULL "
                         "ORDER BY p.kecamatan COLLATE NOCASE, p.desa COLLATE NOCASE, p.posyandu "
                         "COLLATE NOCASE"),
        missing(db, "SELECT c.id FROM contacts c WHERE " + reporter_condition +
                        "AND c.opted_out = 0 AND NOT EXISTS (SELECT 1 FROM sms_reports r WHERE "
                        "r.form = ?1 AND "
                        "r.period = ?2 AND r.replaced_by IS NULL AND r.place_key = " +
                        contact_place + ") ORDER BY c.id") {}

  static constexpr const char* columns =
      "SELECT id, form, period, posyandu, desa, kecamatan, contact_id, incoming_id, report_values, "
      "received_at, "
      "replaces, replaced_by FROM sms_reports ";

  connection& db;
  statement current;
  statement insert;
  statement replace;
  statement select;
  statement list;
  statement statuses;
  statement missing;
};

namespace {

sms_report read_report(const statement& s) {
  sms_report r;
  r.id = s.int64(0);
  r.form = s.text(1);
  r.period = s.text(2);
  r.posyandu = s.text(3);
  r.desa = s.optional_text(4);
  r.kecamatan = s.optional_text(5);
  r.contact_id = s.optional_int64(6);
  r.incoming_id = s.optional_int64(7);
  r.values = s.text(8);
  r.received_at = from_millis(s.int64(9));
  r.replaces = s.optional_int64(10);
  r.replaced_by = s.optional_int64(11);
  return r;
}

}  // namespace

sms_report_book::sms_report_book(database& db)
    : sql_(std::make_unique<sms_report_statements>(db.sql())) {}

sms_report_book::~sms_report_book() = default;

sms_report sms_report_book::save(sms_report r) {
  transaction tx(sql_->db);
  {
    step_scope scope(sql_->current);
    sql_->current.bind(1, r.form)
        .bind(2, r.period)
        .bind(3, r.kecamatan)
        .bind(4, r.desa)
        .bind(5, r.posyandu);
    r.replaces = sql_->current.step() ? std::optional(sql_->current.int64(0)) : std::nullopt;
  }
  sql_->insert.bind(1, r.form)
      .bind(2, r.period)
      .bind(3, r.kecamatan)
      .bind(4, r.desa)
      .bind(5, r.posyandu)
      .bind(6, r.contact_id)
      .bind(7, r.incoming_id)
      .bind(8, r.values)
      .bind(9, millis(r.received_at))
      .bind(10, r.replaces)
      .run();
  r.id = sql_->db.last_insert_rowid();
  if (r.replaces) sql_->replace.bind(1, *r.replaces).bind(2, r.id).run();
  tx.commit();
  return r;
}

std::optional<sms_report> sms_report_book::find(std::int64_t id) {
  step_scope scope(sql_->select);
  if (!sql_->select.bind(1, id).step()) return std::nullopt;
  return read_report(sql_->select);
}

std::vector<sms_report> sms_report_book::list(const sms_report_filter& filter) {
  step_scope scope(sql_->list);
  sql_->list.bind(1, filter.form)
      .bind(2, filter.period)
      .bind(3, filter.from_period)
      .bind(4, filter.to_period)
      .bind(5, filter.kecamatan)
      .bind(6, filter.desa)
      .bind(7, filter.posyandu)
      .bind(8, filter.history);
  std::vector<sms_report> out;
  while (sql_->list.step()) out.push_back(read_report(sql_->list));
  return out;
}

std::vector<posyandu_status> sms_report_book::posyandu_statuses(const std::string& form,
                                                                const std::string& period,
                                                                const std::string& roles) {
  step_scope scope(sql_->statuses);
  sql_->statuses.bind(1, form).bind(2, period).bind(3, roles);
  std::vector<posyandu_status> out;
  while (sql_->statuses.step()) {
    const statement& s = sql_->statuses;
    out.push_back({s.text(0), s.optional_text(1), s.optional_text(2), static_cast<int>(s.int64(3)),
                   s.optional_int64(4)});
  }
  return out;
}

std::vector<std::int64_t> sms_report_book::reporters_missing(const std::string& form,
                                                             const std::string& period,
                                                             const std::string& roles) {
  step_scope scope(sql_->missing);
  sql_->missing.bind(1, form).bind(2, period).bind(3, roles);
  std::vector<std::int64_t> out;
  while (sql_->missing.step()) out.push_back(sql_->missing.int64(0));
  return out;
}

}  // namespace siaran::queue
