// SPDX-License-Identifier: GPL-3.0-or-later
// Time-dependent behaviour of the daemon's parts under a clock the test sets (daemon/clock.h):
// a real SQLite file, the real store writer thread, and a pool of one modem opening the
// simulated modem on a real pty, on one io_context. The clock starts years before the real
// one, so that a part reading the wall clock instead would do the opposite of what is checked.

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "daemon/concat_references.h"
#include "daemon/dispatcher.h"
#include "daemon/inbound.h"
#include "daemon/send_metrics.h"
#include "daemon/store_books.h"
#include "daemon/store_thread.h"
#include "common/asio.h"
#include "modem/modem_entry.h"
#include "modem/pool.h"
#include "modem/sim/interpreter.h"
#include "modem/sim/pty_server.h"
#include "sms/submit_encoder.h"
#include "tests/support/manual_clock.h"
#include "tests/support/run_until.h"
#include "tests/support/temp_dir.h"

using namespace siaran;
using namespace std::chrono_literals;
using siaran::test::run_until;

namespace {

// 2020-03-02 08:00 UTC.
constexpr queue::timestamp start_time{std::chrono::sys_days(std::chrono::year(2020) / 3 / 2) + 8h};

modem::modem_entry modem_on(const std::string& port) {
  modem::modem_entry entry;
  entry.id = "m0";
  entry.port = port;
  return entry;
}

// The store (the writer thread's books, and a connection of the test's own to look with), the
// simulated modem on a pty, the pool opening it, and the part under test, which the test makes.
struct rig {
  asio::io_context io;
  test::temp_dir dir;
  std::filesystem::path database = dir.path() / "siaran.db";
  std::string link = (dir.path() / "ttyUSB-sim").string();
  test::manual_clock clock{start_time};
  daemon::store_books writes{database};
  daemon::store_books looks{database};  // on the test's thread
  modemsim::interpreter sim;
  std::vector<modemsim::accepted_submit> accepted;  // as the simulated modem took them
  std::unique_ptr<modemsim::pty_server> server;
  std::vector<modem::modem_entry> entries{modem_on(link)};
  modem::pool pool{io, entries, at::steady_timer_factory(io)};
  daemon::send_metrics metrics{1};
  daemon::concat_reference_allocator references;
  std::unique_ptr<daemon::inbound> in;
  std::unique_ptr<daemon::dispatcher> dispatch;
  // Last: destroyed first, its jobs done before the books and parts they use go.
  daemon::store_thread writer;

  explicit rig(modemsim::modem_settings settings = {}) : sim(std::move(settings)) {
    modemsim::pty_server::options options;
    options.link = link;
    options.on_accepted = [this](const modemsim::accepted_submit& submit) {
      accepted.push_back(submit);
    };
    server = std::make_unique<modemsim::pty_server>(io, sim, std::move(options));
    server->start();
  }

  // Stops the part under test and the pool, and runs what is left of their coroutines and of
  // the writer's jobs while everything they refer to is still alive.
  ~rig() {
    if (in) in->stop();
    if (dispatch) {
      bool drained = false;
      asio::co_spawn(
          io,
          [&]() -> asio::awaitable<void> {
            co_await dispatch->drain(5s);
            drained = true;
          },
          asio::detached);
      run_until(
          io, [&] { return drained; }, 10s);
    }
    pool.stop();
    run_until(
        io, [&] { return !pool.running(); }, 10s);
    server->stop();
    writer.join();
    io.restart();
    io.poll();
  }

  bool start_ready() {
    pool.start();
    return run_until(io, [&] { return pool.ready_and_idle().size() == 1; });
  }
};

queue::new_message message_at(const std::string& to, const std::string& text, int priority,
                              queue::timestamp send_at) {
  queue::new_message m;
  m.recipient = to;
  m.text = text;
  m.priority = priority;
  m.created_at = start_time;
  m.send_at = send_at;
  sms::submit_request request;
  request.to = to;
  request.text = text;
  for (const auto& part : sms::encode_submit(request)) {
    m.parts.push_back({part.pdu, static_cast<int>(part.tpdu_length)});
  }
  return m;
}

}  // namespace

TEST_CASE(
    "a long message missing a part waits until the clock passes the reassembly timeout, "
    "then is stored incomplete",
    "[inbound][clock]") {
  // One slot on the SIM: the parts after the first of a long message find it full and are lost.
  modemsim::modem_settings one_slot;
  one_slot.storage_capacity = 1;
  rig r(one_slot);
  daemon::inbound_settings settings;
  settings.reassembly_timeout = 30min;
  // Often: the looks run on a steady timer, and this test moves only the daemon's clock.
  settings.check_every = 20ms;
  r.in = std::make_unique<daemon::inbound>(r.io, r.writer, r.writes.inbound, r.writes.reports,
                                           r.pool, settings, r.metrics, r.clock.function());
  daemon::inbound& in = *r.in;
  std::atomic<std::int64_t> stored_id = 0;  // set on the writer thread
  in.on_stored([&](std::int64_t id) { stored_id = id; });
  REQUIRE(r.start_ready());
  in.start();

  std::string long_text;
  for (int i = 0; i < 10; ++i)
    long_text += "Rapat kader Kamis di balai desa. ";  // 330 characters: 3 parts
  REQUIRE(r.sim.inject_sms("+6285733334444", long_text, r.server->now()).size() == 1);
  r.server->poke();
  // The modem deletes a part from the SIM only once the store has it.
  REQUIRE(run_until(r.io, [&] { return r.sim.storage().used() == 0; }));

  // Two looks after the move: the first may have read the clock before it.
  const auto two_more_looks = [&] {
    const std::uint64_t looks = in.stale_checks();
    return run_until(r.io, [&] { return in.stale_checks() >= looks + 2; });
  };
  r.clock.set(start_time + settings.reassembly_timeout - 1s);
  REQUIRE(two_more_looks());
  CHECK(stored_id.load() == 0);
  CHECK(r.looks.inbound.inbox(0, queue::timestamp{}, 10).empty());

  r.clock.set(start_time + settings.reassembly_timeout + 1s);
  REQUIRE(run_until(r.io, [&] { return stored_id != 0; }));
  const auto inbox = r.looks.inbound.inbox(0, queue::timestamp{}, 10);
  REQUIRE(inbox.size() == 1);
  CHECK(inbox[0].id == stored_id.load());
  CHECK_FALSE(inbox[0].complete);
  CHECK(inbox[0].sender == "+6285733334444");
  CHECK(inbox[0].received_at == start_time);
  CHECK(!inbox[0].text.empty());
  CHECK(long_text.rfind(inbox[0].text, 0) == 0);  // the first part, all that arrived
  CHECK(inbox[0].text.size() < long_text.size());
}

TEST_CASE(
    "a message is sent once the clock reaches its send_at, not before, and its send is "
    "stamped by that clock",
    "[dispatcher][clock]") {
  rig r;
  const queue::timestamp later = start_time + 1h;
  // Higher priority: were it due, it would go first.
  const auto waiting =
      r.looks.queue.enqueue(message_at("+6281311112222", "Pengingat rapat", 9, later)).id;
  const auto due =
      r.looks.queue.enqueue(message_at("+6285733334444", "Rapat hari ini", 0, start_time)).id;
  r.dispatch = std::make_unique<daemon::dispatcher>(r.io, r.writer, r.writes.queue, r.pool, r.entries,
                                                    std::vector<daemon::bind_channel>{}, daemon::dispatch_settings{},
                                                    r.metrics, r.references, r.clock.function());
  REQUIRE(r.start_ready());
  r.dispatch->start();

  const auto sent = [&](std::int64_t id) {
    const auto m = r.looks.queue.message(id);
    return m && m->state == queue::part_state::sent;
  };
  REQUIRE(run_until(r.io, [&] { return sent(due); }));
  REQUIRE(r.accepted.size() >= 1);
  CHECK(r.accepted[0].decoded.ud.text == "Rapat hari ini");
  CHECK(r.looks.queue.message(waiting)->state == queue::part_state::queued);
  CHECK(r.looks.queue.message(due)->parts.at(0).sent_at == start_time);

  // Found at the dispatcher's next idle look at the queue, within a second or so.
  r.clock.set(later);
  REQUIRE(run_until(r.io, [&] { return sent(waiting); }));
  CHECK(r.accepted.size() == 2);
  CHECK(r.looks.queue.message(waiting)->parts.at(0).sent_at == later);
}
