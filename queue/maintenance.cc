// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/maintenance.h"

#include <sys/statvfs.h>

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

// Below this much free space where the file lives, the next commit that grows the WAL fails
// with SQLITE_FULL; writes that fit in the WAL's reused pages may still pass, but the disk has
// to be cleared now.
constexpr unsigned long long full_below = 1024 * 1024;

bool disk_full(const std::filesystem::path& file) {
  struct statvfs disk {};
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  return ::statvfs(folder.c_str(), &disk) == 0 &&
         static_cast<unsigned long long>(disk.f_bavail) * disk.f_frsize < full_below;
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
  if (!db.still_there()) return store_health::missing;
  if (db.refusing_writes()) return store_health::corrupt;
  if (disk_full(db.file())) return store_health::full;
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

// quick_check(1) stops at the first problem. It reads every page but skips integrity_check's
// index-to-table cross-checks. Measured on two years' use (siaran-bench --history: 1M parts,
// 100k contacts, 622 MB): 1.0 s of CPU; 3.1 s wall with the file cached on a loaded 2-core
// machine, 10.7 s from a cold disk. One read transaction throughout: writers go on (WAL).
std::optional<std::string> maintenance::damage() {
  try {
    statement check(sql_->db, "PRAGMA quick_check(1)");
    step_scope scope(check);
    const std::string verdict = check.step() ? check.text(0) : "no answer";
    if (verdict == "ok") return std::nullopt;
    return verdict;
  } catch (const store_error& e) {
    if (e.fault() != store_fault::corrupt) throw;
    return e.what();
  }
}

void maintenance::refuse_writes(bool damaged) { sql_->db.refuse_writes(damaged); }

void maintenance::set_lock_wait(std::chrono::milliseconds wait) { sql_->db.set_lock_wait(wait); }

void maintenance::record_modem_event(std::string_view modem, timestamp at, std::string_view state,
                                     std::string_view reason) {
  sql_->insert_modem_event.bind(1, modem).bind(2, millis(at)).bind(3, state).bind(4, reason).run();
}

}  // namespace siaran::queue
