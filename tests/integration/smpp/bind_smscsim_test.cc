// SPDX-License-Identifier: GPL-3.0-or-later
// Our SMPP bind against our simulated SMSC, both on one io_context over real TCP: each is
// tested alone against a scripted or raw peer; this checks that the two agree on the wire
// (throttling answers, receipts by rule, incoming SMS, refusals, drops) as the benchmark and the
// demo will use them.
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/asio.h"
#include "smpp/bind.h"
#include "smpp/sim/smsc.h"

using namespace siaran;
using namespace std::chrono_literals;

namespace {

using result_slot = std::shared_ptr<std::optional<smpp::submit_result>>;

struct rig {
  asio::io_context io;
  smscsim::smsc_settings smsc_settings;
  std::unique_ptr<smscsim::smsc> smsc;
  std::vector<std::string> logged;
  smpp::bind_settings settings;
  std::vector<smpp::receipt> receipts;
  std::vector<smpp::incoming_sms> messages;
  std::unique_ptr<smpp::bind> esme;

  rig() {
    smsc_settings.accounts = {{"siaran", "rahasia"}};
    smsc_settings.receipt_delay = 0ms;
    smsc_settings.send_log = [this](std::string_view line) { logged.emplace_back(line); };
    settings.id = "sim";
    settings.system_id = "siaran";
    settings.password = "rahasia";
    settings.rate_per_second = 0;
    settings.window = 5;
    settings.response_timeout = 2s;
    settings.rebind_min = 1s;
    settings.rebind_max = 2s;
  }

  ~rig() {
    if (esme) {
      esme->stop();
      run_until([this] { return !esme->running(); }, 5s);
    }
    smsc.reset();
  }

  void start() {
    smsc = std::make_unique<smscsim::smsc>(io, smsc_settings);
    smsc->start();
    settings.port = smsc->port();
    smpp::bind_handlers handlers;
    handlers.on_receipt = [this](const smpp::receipt& got) -> asio::awaitable<bool> {
      receipts.push_back(got);
      co_return true;
    };
    handlers.on_message = [this](const smpp::incoming_sms& got) -> asio::awaitable<bool> {
      messages.push_back(got);
      co_return true;
    };
    handlers.on_change = [] {};
    esme = std::make_unique<smpp::bind>(io, settings, handlers);
    esme->start();
  }

  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit = 10s,
                 const std::function<void()>& each = {}) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      io.restart();
      io.run_for(2ms);
      if (each) each();
    }
    return done();
  }

  result_slot submit(smpp::submit_request request) {
    auto slot = std::make_shared<std::optional<smpp::submit_result>>();
    asio::co_spawn(
        io,
        [](smpp::bind* b, smpp::submit_request part, result_slot out) -> asio::awaitable<void> {
          auto result = co_await b->submit(part);
          *out = result;
        }(esme.get(), std::move(request), slot),
        asio::detached);
    return slot;
  }

  // Submits every part as the bind has room, until each has its answer.
  std::vector<result_slot> send_all(const std::vector<smpp::submit_request>& parts,
                                    std::chrono::milliseconds limit) {
    std::vector<result_slot> slots;
    const auto all_answered = [&] {
      if (slots.size() < parts.size()) return false;
      for (const auto& slot : slots)
        if (!slot->has_value()) return false;
      return true;
    };
    run_until(all_answered, limit, [&] {
      while (slots.size() < parts.size() && esme->room() > 0)
        slots.push_back(submit(parts[slots.size()]));
    });
    return slots;
  }
};

smpp::submit_request part_to(std::string destination, const std::string& text) {
  smpp::submit_request request;
  request.source = "POKJANALKBB";
  request.destination = std::move(destination);
  request.short_message.assign(text.begin(), text.end());
  request.registered_delivery = true;
  return request;
}

}  // namespace

TEST_CASE(
    "under the simulated SMSC's throttle every part is accepted once and every receipt matched") {
  rig r;
  r.smsc_settings.throttle = 10;
  r.smsc_settings.receipt_rules = smscsim::parse_receipt_rules("7:UNDELIV");
  r.start();
  std::vector<smpp::submit_request> parts;
  for (int i = 0; i < 25; ++i)
    parts.push_back(part_to("+6281200000" + std::to_string(100 + i), "Rapat " + std::to_string(i)));
  const auto started = std::chrono::steady_clock::now();
  const auto slots = r.send_all(parts, 20s);
  REQUIRE(slots.size() == parts.size());
  std::set<std::string> ids;
  for (const auto& slot : slots) {
    REQUIRE(slot->has_value());
    REQUIRE((*slot)->ok());
    ids.insert(*(*slot)->message_id);
  }
  CHECK(ids.size() == parts.size());
  CHECK(std::chrono::steady_clock::now() - started >= 2s);  // 25 at 10 a second
  CHECK(r.logged.size() == parts.size());                   // nothing lost, nothing doubled
  const smscsim::smsc_status status = r.smsc->status();
  CHECK(status.counts.throttled > 0);
  CHECK(r.esme->status().counts.throttled == status.counts.throttled);

  REQUIRE(r.run_until([&] { return r.receipts.size() == parts.size(); }));
  for (const auto& receipt : r.receipts) {
    CHECK(ids.count(receipt.message_id) == 1);
    const bool ends_in_7 = receipt.recipient.ends_with('7');
    CHECK(receipt.outcome() ==
          (ends_in_7 ? smpp::receipt_outcome::undelivered : smpp::receipt_outcome::delivered));
  }
}

TEST_CASE("an SMS injected at the simulated SMSC reaches the bind's on_message, long and in UCS2") {
  rig r;
  r.start();
  REQUIRE(r.run_until([&] { return r.esme->state() == smpp::bind_state::bound; }));
  std::string text;
  for (int i = 0; i < 12; ++i) text += "HADIR \xE2\x9C\x93 ";  // 96 UTF-16 units: two parts
  CHECK(r.smsc->inject({"+6281234567890", "1234", text, std::nullopt, ""}) == 2);
  REQUIRE(r.run_until([&] { return r.messages.size() == 2; }));
  CHECK(r.messages[0].message.number == "+6281234567890");
  const auto concat = r.messages[1].message.concat();
  REQUIRE(concat);
  CHECK(concat->total == 2);
  CHECK(r.messages[0].message.ud.text + r.messages[1].message.ud.text == text);
}

TEST_CASE(
    "the simulated SMSC refusing a wrong password leaves the bind refused, not rebinding at once") {
  rig r;
  r.settings.password = "salah";
  r.start();
  REQUIRE(r.run_until([&] { return r.esme->state() == smpp::bind_state::refused; }));
  CHECK_FALSE(r.esme->status().last_error.empty());
  r.run_until([] { return false; }, 300ms);
  CHECK(r.smsc->status().counts.bind_refusals == 1);
}

TEST_CASE(
    "drop_after at the simulated SMSC makes the unanswered parts uncertain, and the bind binds "
    "again") {
  rig r;
  r.start();
  REQUIRE(r.run_until([&] { return r.esme->state() == smpp::bind_state::bound; }));
  r.smsc->drop_after(2);
  const auto slots =
      r.send_all({part_to("+6281234567890", "satu"), part_to("+6281234567891", "dua")}, 10s);
  REQUIRE(slots.size() == 2);
  for (const auto& slot : slots) {
    REQUIRE(slot->has_value());
    REQUIRE((*slot)->error);
    CHECK((*slot)->error->maybe_sent);
  }
  CHECK(r.logged.empty());
  CHECK(r.run_until([&] { return r.smsc->status().counts.binds == 2; }));
}
