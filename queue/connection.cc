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

[[noreturn]] void throw_for(int code, std::string text) {
  if (is_lock_error(code)) throw store_busy(std::move(text));
  throw store_error(std::move(text));
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
  struct stat opened {};
  if (::stat(file_.c_str(), &opened) != 0) throw store_error("the file vanished as it was opened");
  device_ = opened.st_dev;
  inode_ = opened.st_ino;
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

void connection::fail(std::string_view doing) {
  const int code = sqlite3_extended_errcode(db_);
  if (is_lock_error(code)) note_lock_outcome(true);
  throw_for(code, message_of(doing, sqlite3_errmsg(db_)));
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
  if (is_lock_error(rc)) db_.note_lock_outcome(true);
  throw_for(rc, message_of("running \"" + sql_ + "\"", what.c_str()));
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
