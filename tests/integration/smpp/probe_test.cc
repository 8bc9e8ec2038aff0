// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran smpp test`'s probe against a scripted SMSC: what the bind_resp said, the submit's
// answer and its receipt, a refusal, and an SMSC that is not there.

#include "smpp/probe.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>

#include "tests/integration/smpp/scripted_smsc.h"

using namespace siaran;
using namespace siaran::smpp;
using namespace std::chrono_literals;
using siaran::smpp::test::scripted_smsc;

namespace {

bind_settings settings_for(const scripted_smsc& smsc) {
  bind_settings settings;
  settings.id = "probe";
  settings.port = smsc.port();
  settings.system_id = "siaran";
  settings.password = "s3cret!";
  settings.response_timeout = 2s;
  return settings;
}

probe_result run_probe(asio::io_context& io, bind_settings settings,
                       std::optional<submit_request> message, std::chrono::seconds wait) {
  std::optional<probe_result> result;
  asio::co_spawn(
      io,
      [](asio::io_context& context, bind_settings s, std::optional<submit_request> m,
         std::chrono::seconds w, std::optional<probe_result>* out) -> asio::awaitable<void> {
        auto got = co_await probe(context, s, m, w);
        *out = got;
      }(io, std::move(settings), std::move(message), wait, &result),
      asio::detached);
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!result && std::chrono::steady_clock::now() < deadline) {
    io.restart();
    io.run_for(5ms);
  }
  REQUIRE(result.has_value());
  return *result;
}

}  // namespace

TEST_CASE("the probe binds, sends one message, waits for its receipt and unbinds") {
  asio::io_context io;
  scripted_smsc smsc(io);
  smsc.receipts = true;
  submit_request message;
  message.source = "POKJANAL";
  message.destination = "+6281234567890";
  message.short_message = {'t', 'e', 's', 't'};
  message.registered_delivery = true;
  auto result = run_probe(io, settings_for(smsc), message, 5s);
  CHECK(result.ok());
  CHECK(result.connected);
  CHECK(result.bind_status == status::ok);
  CHECK(result.bind_status_name == "ESME_ROK");
  CHECK(result.smsc_system_id == "SCRIPTSMSC");
  CHECK(result.interface_version == 0x34);
  CHECK(result.submit_status_name == "ESME_ROK");
  CHECK(result.message_id == "msg-1");
  REQUIRE(result.delivery.has_value());
  CHECK(result.delivery->outcome() == receipt_outcome::delivered);
  CHECK(smsc.unbinds == 1);
  CHECK(smsc.accepted.size() == 1);
}

TEST_CASE("the probe reports a refused bind") {
  asio::io_context io;
  scripted_smsc smsc(io);
  smsc.bind_status = status::invalid_password;
  auto result = run_probe(io, settings_for(smsc), std::nullopt, 0s);
  CHECK_FALSE(result.ok());
  CHECK(result.bind_status_name == "ESME_RINVPASWD");
  CHECK(result.error.find("ESME_RINVPASWD") != std::string::npos);
  CHECK(result.error.find("s3cret!") == std::string::npos);
  CHECK(smsc.accepted.empty());
}

TEST_CASE("the probe reports an SMSC that is not there") {
  asio::io_context io;
  std::uint16_t closed_port = 0;
  {
    scripted_smsc gone(io);
    closed_port = gone.port();
  }
  scripted_smsc smsc(io);
  auto settings = settings_for(smsc);
  settings.port = closed_port;
  auto result = run_probe(io, settings, std::nullopt, 0s);
  CHECK_FALSE(result.connected);
  CHECK(result.error.find("cannot connect") != std::string::npos);
}
