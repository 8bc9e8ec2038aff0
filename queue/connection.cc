// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/connection.h"

#include <sys/stat.h>

#include <sqlite3.h>

namespace siaran::queue {
namespace {

// Long enough for a backup or a prune in another process to finish; a claim that waits longer
// than this is better reported than hung. The daemon's store threads wait much less
// (set_lock_wait): they answer 503 rather than keep every other write waiting.
constexpr std::chrono::milliseconds default_lock_wait{5000};
// The wait while the lock is known to be held elsewhere: enough to ride over another
// connection's ordinary commit.
constexpr std::chrono::milliseconds contended_lock_wait{25};

bool is_lock_error(int code) {
  const int primary = code & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

// What the API and the journal tell about a failure: the one place SQLite's codes are read.
store_fault fault_of(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return store_fault::busy;
    case SQLITE_FULL: return store_fault::full;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return store_fault::corrupt;
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return store_fault::unwritable;
    default: return store_fault::other;
  }
}

// (device, inode) of `file`, or nothing when it does not exist.
std::optional<std::pair<std::uint64_t, std::uint64_t>> identity_of(const std::filesystem::path& file) {
  struct stat found {};
  if (::stat(file.c_str(), &found) != 0) return std::nullopt;
  return std::pair<std::uint64_t, std::uint64_t>(found.st_dev, found.st_ino);
}

std::string message_of(std::string_view doing, const char* what) {
  std::string text(doing);
  text += ": ";
  text += what;
  return text;
}

}  // namespace

connection::connection(const std::filesystem::path& file) : file_(file) {
  const std::string where = "opening the store " + file.string();
  const int rc = sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    const std::string what = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw store_error(message_of(where, what.c_str()));
  }
  try {
    sqlite3_extended_result_codes(db_, 1);
    set_lock_wait(default_lock_wait);
    // journal_mode answers with a row; a file that is not a database fails here first.
    statement wal(*this, "PRAGMA journal_mode=WAL");
    if (!wal.step() || wal.text(0) != "wal") {
      throw store_error(where + ": the file does not accept WAL mode (a network file system?)");
    }
    wal.reset();
    exec("PRAGMA foreign_keys=ON", "enabling foreign keys");
    remember_identity();
    sqlite3_commit_hook(db_, &connection::refuse_commit, this);
    set_durability(durability::normal);
    if (sqlite3_prepare_v3(db_, "BEGIN IMMEDIATE", -1, SQLITE_PREPARE_PERSISTENT, &begin_, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v3(db_, "COMMIT", -1, SQLITE_PREPARE_PERSISTENT, &commit_, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v3(db_, "ROLLBACK", -1, SQLITE_PREPARE_PERSISTENT, &rollback_, nullptr) != SQLITE_OK) {
      fail("preparing BEGIN, COMMIT and ROLLBACK");
    }
  } catch (const store_error& e) {
    sqlite3_finalize(begin_);
    sqlite3_finalize(commit_);
    sqlite3_finalize(rollback_);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    if (std::string_view(e.what()).starts_with(where)) throw;
    throw store_error(message_of(where, e.what()));
  }
}

connection::~connection() {
  sqlite3_finalize(begin_);
  sqlite3_finalize(commit_);
  sqlite3_finalize(rollback_);
  sqlite3_close_v2(db_);
}

void connection::begin_write() {
  run_prepared(begin_, "starting a write transaction");
  note_lock_outcome(false);
}

void connection::commit() { run_prepared(commit_, "committing"); }

void connection::rollback() noexcept {
  if (sqlite3_get_autocommit(db_)) return;  // nothing open (SQLite may have rolled back itself)
  sqlite3_step(rollback_);
  sqlite3_reset(rollback_);
}

void connection::run_prepared(sqlite3_stmt* statement, std::string_view doing) {
  const int rc = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (rc != SQLITE_DONE) fail(doing);
}

void connection::exec(const char* sql, std::string_view doing) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(doing);
}

void connection::remember_identity() {
  opened_ = identity_of(file_);
  if (!opened_) throw store_error("the file vanished as it was opened", store_fault::missing);
  opened_wal_ = identity_of(wal_file());
}

std::filesystem::path connection::wal_file() const { return file_.string() + "-wal"; }

// A new database has no -wal until its first commit: the -wal's identity is learnt when it
// appears. From then on it stays, with its inode: SQLite deletes it only when the last
// connection to the file closes, which cannot happen while this one is open.
bool connection::still_there() {
  const auto wal = identity_of(wal_file());
  if (!opened_wal_) opened_wal_ = wal;
  return identity_of(file_) == opened_ && wal == opened_wal_;
}

void connection::refuse_writes(bool damaged) { damaged_ = damaged; }

// Two stat() calls per commit (about 2 us) keep every write, the API's, the dispatcher's and
// the modems' incoming SMS alike, out of a deleted file: SQLite would write on into the
// unlinked inode, and what it acknowledged would be gone at the next start. An incoming SMS
// refused so stays on its modem.
int connection::refuse_commit(void* self) {
  auto& c = *static_cast<connection*>(self);
  if (!c.still_there()) c.gone_ = true;  // for good: a file put back is not the one written to
  return c.gone_ || c.damaged_ ? 1 : 0;
}

void connection::set_lock_wait(std::chrono::milliseconds wait) {
  lock_wait_ = wait;
  sqlite3_busy_timeout(db_, static_cast<int>((lock_held_elsewhere_ ? contended_lock_wait : wait).count()));
}

void connection::note_lock_outcome(bool held_elsewhere) {
  if (held_elsewhere == lock_held_elsewhere_) return;
  lock_held_elsewhere_ = held_elsewhere;
  set_lock_wait(lock_wait_);
}

void connection::set_durability(durability d) {
  exec(d == durability::full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", "setting PRAGMA synchronous");
}

std::int64_t connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int connection::changes() const { return sqlite3_changes(db_); }

void connection::fail(std::string_view doing) { fail(doing, sqlite3_extended_errcode(db_), sqlite3_errmsg(db_)); }

void connection::fail(std::string_view doing, int code, const std::string& what) {
  if (is_lock_error(code)) note_lock_outcome(true);
  if (code == SQLITE_CONSTRAINT_COMMITHOOK && gone_) {
    throw store_error(message_of(doing, "the database file was deleted or replaced while siarand ran"),
                      store_fault::missing);
  }
  if (code == SQLITE_CONSTRAINT_COMMITHOOK && damaged_) {
    throw store_error(message_of(doing, "the database file is damaged (PRAGMA quick_check)"), store_fault::corrupt);
  }
  std::string text = message_of(doing, what.c_str());
  if (is_lock_error(code)) throw store_busy(text);
  throw store_error(text, fault_of(code));
}

statement::statement(connection& db, std::string_view sql) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK) {
    db.fail("preparing \"" + sql_ + "\"");
  }
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement& statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("binding parameter to \"" + sql_ + "\"");
  return *this;
}

statement& statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
    db_.fail("binding parameter to \"" + sql_ + "\"");
  }
  return *this;
}

statement& statement::bind(int index, std::nullopt_t) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("binding parameter to \"" + sql_ + "\"");
  return *this;
}

bool statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const std::string what = sqlite3_errmsg(db_.handle());
  sqlite3_reset(stmt_);
  db_.fail("running \"" + sql_ + "\"", rc, what);
}

void statement::run() {
  step_scope scope(*this);
  step();
}

void statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::int64_t> statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

transaction::transaction(connection& db, durability d) : db_(db), durability_(d) {
  if (durability_ == durability::full) db_.set_durability(durability::full);
  try {
    db_.begin_write();
  } catch (...) {
    if (durability_ == durability::full) db_.set_durability(durability::normal);
    throw;
  }
}

transaction::~transaction() {
  if (open_) db_.rollback();
  if (durability_ == durability::full) sqlite3_exec(db_.handle(), "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
}

void transaction::commit() {
  db_.commit();
  open_ = false;
}

}  // namespace siaran::queue
