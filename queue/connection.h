// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A thin RAII layer over the SQLite C API: one connection, prepared statements bound by index,
// IMMEDIATE transactions. Every failure is a store_error that says what was being done and
// what SQLite answered. Private to queue/ (the schema tests and the history filler excepted):
// the books' headers never include it, so that no SQLite type crosses them.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "queue/store_error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace siaran::queue {

// How hard a commit is pushed to the disk. In WAL mode `normal` survives a killed process but
// may lose the last commits on power loss; `full` syncs the WAL on every commit.
enum class durability { normal, full };

class connection {
 public:
  // Opens (creating it if missing) with WAL, foreign keys, a busy timeout and synchronous=NORMAL.
  explicit connection(const std::filesystem::path& file);
  ~connection();
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;

  void exec(const char* sql, std::string_view doing);
  // How long a statement waits for a lock another connection holds before it fails with
  // store_busy. After one such failure, and until a write transaction starts again, every
  // statement waits only briefly: a lock held for minutes must not cost each write the
  // whole wait, one after the other.
  void set_lock_wait(std::chrono::milliseconds wait);
  // Whether the last attempt to lock found the lock held elsewhere (see set_lock_wait).
  void note_lock_outcome(bool held_elsewhere);
  void set_durability(durability d);
  // BEGIN IMMEDIATE, COMMIT and ROLLBACK, prepared once: the dispatcher commits several times a
  // second, and the store probe (maintenance::health) begins and rolls back once a second.
  void begin_write();
  void commit();
  // Ends the open transaction, if any, discarding its changes; never throws.
  void rollback() noexcept;
  std::int64_t last_insert_rowid() const;
  int changes() const;
  const std::filesystem::path& file() const { return file_; }
  // Whether the file and its -wal at their paths are still the ones this connection opened.
  // After `rm`, SQLite keeps writing to the unlinked inodes and every write "succeeds" into
  // files nobody will see: a commit (of any connection, in a transaction or not) fails with
  // store_fault::missing once this is false.
  bool still_there();
  // Every commit from now on fails with store_fault::corrupt (the file failed a check), or no
  // longer does.
  void refuse_writes(bool damaged);
  bool refusing_writes() const { return damaged_; }

  // Throws store_error("<doing>: <sqlite3_errmsg>") with the fault its code means (store_error.h),
  // store_busy when the cause is a lock.
  [[noreturn]] void fail(std::string_view doing);
  [[noreturn]] void fail(std::string_view doing, int code, const std::string& what);

  sqlite3* handle() const { return db_; }

 private:
  void run_prepared(sqlite3_stmt* statement, std::string_view doing);
  void remember_identity();
  std::filesystem::path wal_file() const;
  static int refuse_commit(void* self);  // sqlite3_commit_hook: non-zero turns a commit into a rollback

  std::filesystem::path file_;
  std::optional<std::pair<std::uint64_t, std::uint64_t>> opened_;      // (device, inode)
  std::optional<std::pair<std::uint64_t, std::uint64_t>> opened_wal_;  // of the -wal
  bool gone_ = false;
  bool damaged_ = false;
  std::chrono::milliseconds lock_wait_{5000};
  bool lock_held_elsewhere_ = false;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* begin_ = nullptr;
  sqlite3_stmt* commit_ = nullptr;
  sqlite3_stmt* rollback_ = nullptr;
};

class statement {
 public:
  statement(connection& db, std::string_view sql);
  ~statement();
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  // Indexes start at 1, as in sqlite3_bind_*.
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, std::string_view value);
  statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, std::nullopt_t);
  template <typename T>
  statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }

  // True while a row is available. Call reset() (or use a step_scope) when done, so no read
  // transaction stays open behind the statement.
  bool step();
  // Steps a statement that returns no rows, then resets it.
  void run();
  void reset();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  connection& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// Resets a statement at scope exit, however the scope is left.
class step_scope {
 public:
  explicit step_scope(statement& s) : s_(s) {}
  ~step_scope() { s_.reset(); }
  step_scope(const step_scope&) = delete;
  step_scope& operator=(const step_scope&) = delete;

 private:
  statement& s_;
};

// BEGIN IMMEDIATE (the write lock is taken at once, so SQLITE_BUSY comes here, under the busy
// timeout, never half-way through); ROLLBACK at destruction unless committed. PRAGMA
// synchronous cannot change inside a transaction, so a `full` one sets it before BEGIN and
// puts NORMAL back after.
class transaction {
 public:
  explicit transaction(connection& db, durability d = durability::normal);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;

  void commit();

 private:
  connection& db_;
  durability durability_;
  bool open_ = true;
};

}  // namespace siaran::queue
