// SPDX-License-Identifier: GPL-3.0-or-later
// Retention and online backup (`siaran db prune`, `siaran db backup`).

#include <sqlite3.h>

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {
namespace {

std::int64_t delete_before(database& db, statement& s, timestamp before) {
  s.bind(1, millis(before)).run();
  return db.changes();
}

}  // namespace

prune_counts store::prune(timestamp before) {
  auto& sql = impl_->sql;
  auto& db = impl_->db;
  prune_counts counts;
  write_transaction tx(*impl_);
  // Status reports first: their part_id would otherwise be set NULL row by row by the cascade.
  counts.status_reports = delete_before(db, sql.prune_status_reports, before);
  counts.messages = delete_before(db, sql.prune_messages, before);
  counts.incoming = delete_before(db, sql.prune_incoming, before);
  counts.modem_events = delete_before(db, sql.prune_modem_events, before);
  tx.commit();
  return counts;
}

void store::backup(const std::filesystem::path& destination) {
  const std::string doing = "backing up the store to " + destination.string();
  database target(destination);
  // One step over all pages: the copy is the snapshot of one read transaction, which in WAL
  // mode does not block writers (a stepwise copy would restart whenever they commit).
  sqlite3_backup* b = sqlite3_backup_init(target.handle(), "main", impl_->db.handle(), "main");
  if (!b) target.fail(doing);
  const int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw store_error(doing + ": " + sqlite3_errstr(rc));
}

}  // namespace siaran::queue
