// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/maintenance.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {

struct maintenance_statements {
  explicit maintenance_statements(connection& c)
      : db(c),
        prune_status_reports(db, "DELETE FROM status_reports WHERE received_at < ?1"),
        prune_messages(db,
                       "DELETE FROM messages WHERE created_at < ?1 AND NOT EXISTS (SELECT 1 FROM parts p WHERE "
                       "p.message_id = messages.id AND p.state IN ('queued', 'sending', 'uncertain'))"),
        prune_incoming(db, "DELETE FROM incoming WHERE received_at < ?1"),
        prune_modem_events(db, "DELETE FROM modem_events WHERE at < ?1"),
        insert_modem_event(db, "INSERT INTO modem_events (modem, at, state, reason) VALUES (?1, ?2, ?3, ?4)") {}

  connection& db;
  statement prune_status_reports;
  statement prune_messages;
  statement prune_incoming;
  statement prune_modem_events;
  statement insert_modem_event;
};

namespace {

std::int64_t delete_before(connection& db, statement& s, timestamp before) {
  s.bind(1, millis(before)).run();
  return db.changes();
}

// The file at the store's path is still the one the connection has open. After `rm`, SQLite
// keeps writing to the unlinked inode and every write "succeeds" into a file nobody will see.
bool still_there(const connection& db) {
  struct stat now {};
  return ::stat(db.file().c_str(), &now) == 0 && db.opened_as(now.st_dev, now.st_ino);
}

}  // namespace

maintenance::maintenance(database& db) : sql_(std::make_unique<maintenance_statements>(db.sql())) {}

maintenance::~maintenance() = default;

prune_counts maintenance::prune(timestamp before) {
  auto& sql = *sql_;
  auto& db = sql_->db;
  prune_counts counts;
  transaction tx(db);
  // Status reports first: their part_id would otherwise be set NULL row by row by the cascade.
  counts.status_reports = delete_before(db, sql.prune_status_reports, before);
  counts.messages = delete_before(db, sql.prune_messages, before);
  counts.incoming = delete_before(db, sql.prune_incoming, before);
  counts.modem_events = delete_before(db, sql.prune_modem_events, before);
  tx.commit();
  return counts;
}

void maintenance::backup(const std::filesystem::path& destination) {
  const std::string doing = "backing up the store to " + destination.string();
  connection target(destination);
  // One step over all pages: the copy is the snapshot of one read transaction, which in WAL
  // mode does not block writers (a stepwise copy would restart whenever they commit).
  sqlite3_backup* b = sqlite3_backup_init(target.handle(), "main", sql_->db.handle(), "main");
  if (!b) target.fail(doing);
  const int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw store_error(doing + ": " + sqlite3_errstr(rc));
}

// BEGIN IMMEDIATE takes the write lock without writing a page: it fails at once when another
// connection holds it (busy) or the file cannot be written (read-only, I/O error).
store_health maintenance::health() {
  connection& db = sql_->db;
  if (!still_there(db)) return store_health::missing;
  try {
    db.begin_write();
  } catch (const store_busy&) {
    return store_health::busy;
  } catch (const store_error&) {
    return store_health::unwritable;
  }
  db.rollback();
  return store_health::ok;
}

void maintenance::set_lock_wait(std::chrono::milliseconds wait) { sql_->db.set_lock_wait(wait); }

void maintenance::record_modem_event(std::string_view modem, timestamp at, std::string_view state,
                                     std::string_view reason) {
  sql_->insert_modem_event.bind(1, modem).bind(2, millis(at)).bind(3, state).bind(4, reason).run();
}

}  // namespace siaran::queue
