// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Stores what the modems receive before they delete it (DESIGN.md "Messages and their states"):
// every SMS, a long one part by part until its set is complete (or reassembly gives up after
// `reassembly_timeout` and keeps what arrived), an undecodable PDU raw; every status report,
// which updates the part it matches (queue::report_book::record_status_report). Every store
// call runs on the store's writer thread.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "daemon/clock.h"
#include "daemon/send_metrics.h"
#include "daemon/store_thread.h"
#include "common/asio.h"
#include "modem/pool.h"
#include "queue/inbound_book.h"
#include "queue/report_book.h"
#include "smpp/bind.h"

namespace siaran::daemon {

struct inbound_settings {
  std::string region = "ID";  // senders are stored in E.164 when they parse in it
  std::chrono::seconds reassembly_timeout{30 * 60};
  // A part sent this long ago without a final status report: delivery unknown.
  std::chrono::seconds report_timeout{48 * 3600};
  // How often to look for long messages to give up on and for parts whose report is overdue;
  // nothing: every quarter of the shorter timeout plus a second, at most a minute, which bounds
  // how late after its timeout a set is given up or a part's delivery becomes unknown.
  // The looks run on a steady timer, whereas the timeout is measured on the daemon's clock: a
  // test that moves that clock by hand looks often, or the moved clock would go unread.
  std::optional<std::chrono::milliseconds> check_every;
};

class inbound {
 public:
  // `book` and `reports` are used only in jobs on `writes`.
  inbound(asio::io_context& io, store_thread& writes, queue::inbound_book& book,
          queue::report_book& reports, modem::pool& pool, inbound_settings settings,
          send_metrics& metrics, clock now);

  // Called with the id of each message once it is stored whole (or given up on as incomplete),
  // to route it (daemon/inbox/reply_router.h), on the writer thread, right after storing it.
  void on_stored(std::function<void(std::int64_t incoming_id)> handler) { on_stored_ = std::move(handler); }

  // What an SMPP bind received, stored as a modem's is (a long SMS part by part, a receipt
  // updating the part the bind sent under its message id); true once it is on disk, when the
  // bind may acknowledge it to the SMSC.
  asio::awaitable<bool> store_from_bind(const std::string& bind_id, const smpp::incoming_sms& sms);
  asio::awaitable<bool> store_receipt(const std::string& bind_id, const smpp::receipt& receipt);

  // Attaches to every modem of the pool and starts giving up on stale long messages.
  void start();
  void stop();

  // Looks for long messages to give up on that have run, on the I/O thread: a test that moves
  // the clock waits for a look made wholly after the move.
  std::uint64_t stale_checks() const { return stale_checks_; }

 private:
  bool store_message(const std::string& modem_id, const modem::incoming_message& message);
  bool stored_already(const std::string& modem_id, const modem::incoming_message& message);
  void store_report(std::size_t modem_index, const modem::status_report& report);
  void flush_fragments();
  void settle_unreported();
  void stored(std::int64_t incoming_id);
  asio::awaitable<void> flush_stale();

  asio::io_context& io_;
  store_thread& writes_;
  queue::inbound_book& book_;
  queue::report_book& reports_;
  modem::pool& pool_;
  inbound_settings settings_;
  send_metrics& metrics_;
  clock now_;
  asio::steady_timer flush_timer_;
  std::function<void(std::int64_t)> on_stored_;
  std::uint64_t stale_checks_ = 0;
  bool stopped_ = false;
};

}  // namespace siaran::daemon
