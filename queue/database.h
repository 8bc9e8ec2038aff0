// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The store's database (DESIGN.md "Beyond one PC"): one open connection to the store's file,
// migrated to this Siaran's schema when it opens, and the options the books read. Every book
// (message_queue.h, inbound_book.h, report_book.h, statistics.h, maintenance.h, contacts.h,
// broadcasts.h, events.h, accounts.h, replies.h) is constructed from one and prepares its own
// statements on it, so that one transaction can span books. No SQLite type crosses this header.
//
// Not thread-safe: a database and its books belong to one thread. The thread that owns the
// writes is daemon/store_thread.h, not here: queue/ does no asynchronous I/O (no Asio, which
// tests/layout enforces), and the CLI and the tests use the books from their own thread. A
// second database on the same file, in this process or another, is fine: WAL and the busy
// timeout arbitrate.

#include <chrono>
#include <filesystem>
#include <memory>

#include "queue/store_error.h"

namespace siaran::queue {

class connection;  // connection.h, private to queue/

struct store_options {
  // A status report matches only a part sent within this long before it arrived: the TP-MR is
  // 8 bits and wraps every 256 parts per modem.
  std::chrono::hours report_window{24 * 7};
  // An incoming PDU byte-identical to one stored from the same modem this recently is the same
  // SMS offered again, not stored twice; it carries the centre's time, so a new SMS never is.
  std::chrono::hours duplicate_window{24 * 7};
  // Whether each claim is synced to disk (synchronous=FULL) before it returns. Off by default:
  // in WAL mode a killed process loses no commit either way, and a sync costs about 4 ms here
  // (claim + mark_sent 4.0 ms per part instead of 0.32 ms), which would cap one daemon thread
  // near 250 parts/s. The price is a power cut: claims since the last sync (the next accepted
  // message or checkpoint) are lost, and their parts, perhaps already sent, go out again
  // without being reported uncertain. Turn it on where power is unreliable and rates are low.
  bool durable_claims = false;
};

class database {
 public:
  // Opens or creates the file and migrates it. Throws store_error (not a database, newer schema,
  // cannot write...).
  explicit database(const std::filesystem::path& file, store_options options = {});
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  const store_options& options() const { return options_; }

  // For the books in queue/: the connection their statements run on.
  connection& sql() { return *connection_; }

 private:
  std::unique_ptr<connection> connection_;
  store_options options_;
};

}  // namespace siaran::queue
