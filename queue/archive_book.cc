// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/archive_book.h"

#include <array>
#include <string>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {
namespace {

constexpr std::array<const char*, 3> tables = {"contacts", "groups", "officers"};

// ?1 is the id. A contact's messages are found by its number's key, as status reports are.
constexpr std::array<const char*, 3> history_queries = {
    R"sql(SELECT EXISTS (SELECT 1 FROM messages m JOIN contacts c ON m.recipient_key = c.phone_key WHERE c.id = ?1)
       OR EXISTS (SELECT 1 FROM incoming WHERE contact_id = ?1)
       OR EXISTS (SELECT 1 FROM broadcast_messages WHERE contact_id = ?1)
       OR EXISTS (SELECT 1 FROM rsvps WHERE contact_id = ?1)
       OR EXISTS (SELECT 1 FROM number_changes WHERE contact_id = ?1))sql",
    R"sql(SELECT EXISTS (SELECT 1 FROM broadcasts, json_each(broadcasts.audience, '$.groups') g WHERE g.value = ?1)
       OR EXISTS (SELECT 1 FROM events, json_each(events.audience, '$.groups') g WHERE g.value = ?1)
       OR EXISTS (SELECT 1 FROM recurring_broadcasts r, json_each(r.audience, '$.groups') g WHERE g.value = ?1))sql",
    R"sql(SELECT EXISTS (SELECT 1 FROM broadcasts WHERE officer_id = ?1)
       OR EXISTS (SELECT 1 FROM events WHERE officer_id = ?1)
       OR EXISTS (SELECT 1 FROM recurring_broadcasts WHERE officer_id = ?1)
       OR EXISTS (SELECT 1 FROM incoming WHERE officer_id = ?1)
       OR EXISTS (SELECT 1 FROM users WHERE officer_id = ?1))sql",
};

constexpr const char* group_plans_query = R"sql(
SELECT 'event', e.id, e.title FROM events e
WHERE e.cancelled_at IS NULL AND e.starts_at > ?2
  AND EXISTS (SELECT 1 FROM json_each(e.audience, '$.groups') g WHERE g.value = ?1)
UNION ALL
SELECT 'recurring', r.id, r.template FROM recurring_broadcasts r
WHERE r.active = 1 AND EXISTS (SELECT 1 FROM json_each(r.audience, '$.groups') g WHERE g.value = ?1)
ORDER BY 1, 2
)sql";

std::string table_of(archivable kind) { return tables[static_cast<std::size_t>(kind)]; }

}  // namespace

// One statement of each kind per table, indexed by archivable.
struct archive_statements {
  explicit archive_statements(connection& db)
      : archive{of(db, "UPDATE {} SET archived_at = COALESCE(archived_at, ?2) WHERE id = ?1")},
        restore{of(db, "UPDATE {} SET archived_at = NULL WHERE id = ?1")},
        remove{of(db, "DELETE FROM {} WHERE id = ?1")},
        history{statement(db, history_queries[0]), statement(db, history_queries[1]),
                statement(db, history_queries[2])},
        group_plans(db, group_plans_query) {}

  static std::array<statement, 3> of(connection& db, const std::string& pattern) {
    const auto sql = [&](archivable kind) {
      auto text = pattern;
      text.replace(text.find("{}"), 2, table_of(kind));
      return text;
    };
    return {statement(db, sql(archivable::contact)), statement(db, sql(archivable::group)),
            statement(db, sql(archivable::officer))};
  }

  std::array<statement, 3> archive;
  std::array<statement, 3> restore;
  std::array<statement, 3> remove;
  std::array<statement, 3> history;
  statement group_plans;
};

archive_book::archive_book(database& db)
    : db_(db.sql()), sql_(std::make_unique<archive_statements>(db_)) {}

archive_book::~archive_book() = default;

namespace {

statement& of_kind(std::array<statement, 3>& statements, archivable kind) {
  return statements[static_cast<std::size_t>(kind)];
}

}  // namespace

bool archive_book::archive(archivable kind, std::int64_t id, timestamp now) {
  of_kind(sql_->archive, kind).bind(1, id).bind(2, millis(now)).run();
  return db_.changes() == 1;
}

bool archive_book::restore(archivable kind, std::int64_t id) {
  of_kind(sql_->restore, kind).bind(1, id).run();
  return db_.changes() == 1;
}

bool archive_book::has_history(archivable kind, std::int64_t id) {
  auto& s = of_kind(sql_->history, kind);
  step_scope scope(s);
  s.bind(1, id);
  s.step();
  return s.int64(0) != 0;
}

removal archive_book::remove_or_archive(archivable kind, std::int64_t id, timestamp now) {
  auto& db = db_;
  transaction tx(db);
  removal done = removal::missing;
  if (has_history(kind, id)) {
    if (archive(kind, id, now)) done = removal::archived;
  } else {
    of_kind(sql_->remove, kind).bind(1, id).run();
    if (db.changes() == 1) done = removal::deleted;
  }
  tx.commit();
  return done;
}

std::vector<group_plan> archive_book::plans_for_group(std::int64_t group_id, timestamp now) {
  auto& s = sql_->group_plans;
  step_scope scope(s);
  s.bind(1, group_id).bind(2, millis(now));
  std::vector<group_plan> plans;
  while (s.step()) plans.push_back({s.text(0), s.int64(1), s.text(2)});
  return plans;
}

}  // namespace siaran::queue
