// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated SMSC as the daemon would run it built in: a smscsim::smsc on an io_context of
// the caller's (here on a thread of the test's, touched only through posts to it), listening
// on an ephemeral port, its send log a callback.
#include <catch2/catch.hpp>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/asio.h"
#include "smpp/pdu.h"
#include "smpp/sim/smsc.h"
#include "tests/integration/smpp/raw_esme.h"

using namespace siaran;
using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// The io_context on a thread of its own, for as long as the test runs.
class io_thread {
 public:
  io_thread() : work_(asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}
  ~io_thread() {
    work_.reset();
    io_.stop();
    thread_.join();
  }
  asio::io_context& io() { return io_; }

  // Runs `task` on the io_context's thread and returns what it returned.
  template <typename Result>
  Result run(std::function<Result()> task) {
    std::packaged_task<Result()> packaged(std::move(task));
    auto result = packaged.get_future();
    asio::post(io_, [&packaged] { packaged(); });
    REQUIRE(result.wait_for(10s) == std::future_status::ready);
    return result.get();
  }

 private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace

TEST_CASE(
    "the SMSC runs built in on the caller's io_context: an ephemeral port, binds, submits logged, "
    "stop") {
  io_thread loop;
  std::mutex logged_mutex;
  std::vector<std::string> logged;
  smscsim::smsc_settings settings;
  settings.accounts = {{"siaran", "rahasia"}};
  settings.receipt_delay = 0ms;
  settings.send_log = [&](std::string_view line) {
    const std::lock_guard lock(logged_mutex);
    logged.emplace_back(line);
  };
  // Made, used and destroyed on the io_context's thread only.
  auto sim = loop.run<std::shared_ptr<smscsim::smsc>>([&] {
    auto made = std::make_shared<smscsim::smsc>(loop.io(), settings);
    made->start();
    return made;
  });
  const std::uint16_t port = loop.run<std::uint16_t>([&] { return sim->port(); });
  REQUIRE(port != 0);

  raw_esme esme(port);
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  smpp::short_message_body submit;
  submit.destination_addr = "6281234567890";
  submit.source_addr = "6281100000000";
  submit.registered_delivery = 1;
  submit.short_message = {'h', 'a', 'l', 'o'};
  const smpp::pdu resp = esme.request(smpp::command::submit_sm, submit);
  REQUIRE(resp.command_status == smpp::status::ok);
  CHECK(smpp::tlv_string(esme.deliver().tlvs, smpp::tag::receipted_message_id) ==
        std::get<smpp::message_id_body>(resp.body).message_id);
  {
    const std::lock_guard lock(logged_mutex);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].find("\"text\":\"halo\"") != std::string::npos);
  }
  CHECK(loop.run<std::size_t>([&] {
    return sim->inject({"+6281234567890", "1234", "HADIR", std::nullopt, "siaran"});
  }) == 1);
  CHECK(esme.deliver().short_message == std::vector<std::uint8_t>{'H', 'A', 'D', 'I', 'R'});

  const smscsim::smsc_status status = loop.run<smscsim::smsc_status>([&] { return sim->status(); });
  CHECK(status.bound == 1);
  CHECK(status.counts.submits == 1);
  loop.run<int>([&] {
    sim.reset();  // stops it
    return 0;
  });
  CHECK(esme.sees_close(10s));
}
