// SPDX-License-Identifier: GPL-3.0-or-later
// The initialisation sequence (init_sequence.h has its tables).
#include "modem/modem.h"

#include <algorithm>
#include <array>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "modem/answers.h"
#include "modem/at/response_parsers.h"
#include "modem/modem_session.h"
#include "modem/init_sequence.h"

namespace siaran::modem {

using namespace std::chrono_literals;
using namespace answers;

// The inbox may be half-way through reading another storage: it finishes first, since the
// initialisation's ATZ and AT+CPMS would move mem1 under its AT+CMGR.
asio::awaitable<modem::ending> modem::initialise(session& current) {
  set_state(life_state::initialising, "initialising");
  const sequence_lock::guard alone = co_await current.sequence.acquire();
  co_return co_await initialise_sequence(current);
}

asio::awaitable<modem::ending> modem::initialise_sequence(session& current) {
  if (!co_await run_steps(current, reset_steps())) co_return ending::init_failed;
  co_await read_identity(current, device_identity_queries());
  current.family = family_of(status_.identity.manufacturer);
  if (!co_await unlock_sim(current)) co_return pin_rejected_ || status_.final ? ending::final : ending::init_failed;
  if (!co_await wait_for_registration(current)) co_return ending::init_failed;
  co_await read_network_identity(current);
  if (!co_await run_steps(current, sms_setup_steps(current.family))) co_return ending::init_failed;
  const at::response csms = co_await on(current, make_command("AT+CSMS?", "+CSMS:"));
  if (const auto service = first_parsed(csms, at::parse_csms)) current.needs_ack = service->service == 1;
  co_await choose_storage(current);
  co_await choose_indications(current);
  if (current.chat.device_gone() || stopping_) co_return ending::init_failed;
  co_return ending::ready;
}

asio::awaitable<bool> modem::run_steps(session& current, std::span<const init_step> steps) {
  for (const init_step& step : steps) {
    const at::response answer = co_await on(current, make_command(std::string(step.command), "", step.timeout));
    if (answer.error == at::channel_error::device_gone) {
      fail(answer.detail);
      co_return false;
    }
    if (answer.success || step.may_fail) continue;
    init_failure_ = describe(answer, step.command);
    fail(init_failure_);
    co_return false;
  }
  co_return true;
}

// 27.007 §8.3. A PIN is sent at most once per modem object: three wrong tries lock the SIM
// behind its PUK, so a rejected PIN (+CME ERROR 16, or the SIM still asking) is final.
asio::awaitable<bool> modem::unlock_sim(session& current) {
  if (pin_rejected_) {
    fail("wrong PIN", true);
    co_return false;
  }
  bool pin_sent = false;
  for (int attempt = 0; attempt < 10; ++attempt) {
    const at::response answer = co_await on(current, make_command("AT+CPIN?", "+CPIN:", 10s));
    if (answer.error == at::channel_error::device_gone) {
      fail(answer.detail);
      co_return false;
    }
    const std::optional<std::string> asked = first_parsed(answer, at::parse_cpin);
    if (!asked) {
      if (has_code(answer, at::final_kind::cme_error, 10) || has_code(answer, at::final_kind::cme_error, 13)) {
        fail("no SIM card (" + answer.final->line + ")");
        co_return false;
      }
      // SIM busy (+CME ERROR 14) or still starting after the PIN: ask again shortly.
      if (!co_await pause(options_.register_poll)) co_return false;
      continue;
    }
    if (*asked == "READY") co_return true;  // Wavecom says it without OK: the line is enough
    if (*asked == "SIM PUK") {
      fail("SIM PUK required (the PIN was entered wrong three times); unlock the SIM in a phone", true);
      co_return false;
    }
    if (*asked != "SIM PIN") {
      fail("the SIM asks for " + *asked, true);
      co_return false;
    }
    if (pin_sent) {
      pin_rejected_ = true;
      fail("wrong PIN", true);
      co_return false;
    }
    if (!options_.pin) {
      fail("the SIM asks for a PIN and none is configured (pin: in the modem's config)", true);
      co_return false;
    }
    pin_sent = true;
    const at::response sent = co_await on(current, make_command("AT+CPIN=\"" + *options_.pin + "\"", "", 20s));
    if (has_code(sent, at::final_kind::cme_error, 16)) {
      pin_rejected_ = true;
      fail("wrong PIN", true);
      co_return false;
    }
    if (has_code(sent, at::final_kind::cme_error, 12)) {
      fail("SIM PUK required (the PIN was entered wrong three times); unlock the SIM in a phone", true);
      co_return false;
    }
    if (!sent.success) {
      // We cannot know whether this counted as a try: never send it again.
      pin_rejected_ = true;
      fail("PIN not accepted (" + describe(sent, "AT+CPIN") + "); not retried", true);
      co_return false;
    }
  }
  fail("the SIM did not become ready");
  co_return false;
}

asio::awaitable<bool> modem::wait_for_registration(session& current) {
  std::chrono::milliseconds waited{0};
  while (true) {
    const at::response answer = co_await on(current, make_command("AT+CREG?", "+CREG:"));
    if (answer.error == at::channel_error::device_gone) {
      fail(answer.detail);
      co_return false;
    }
    if (const auto registration = first_parsed(answer, solicited_registration)) status_.registration = registration->stat;
    if (status_.registration == 1 || status_.registration == 5) co_return true;
    if (waited >= options_.register_timeout) {
      fail("not registered to the network after " + std::to_string(waited.count() / 1000) +
           " s (+CREG stat " + (status_.registration ? std::to_string(*status_.registration) : "?") +
           "; 3 means denied: check the SIM is active)");
      co_return false;
    }
    set_state(life_state::initialising, "waiting for network registration");
    if (!co_await pause(options_.register_poll)) co_return false;
    waited += options_.register_poll;
  }
}

// Prefer the SIM ("SM") for all three memories: it is where every modem keeps messages and
// what a person checks in a phone; otherwise the first storage each memory offers.
asio::awaitable<void> modem::choose_storage(session& current) {
  const at::response offered = co_await on(current, make_command("AT+CPMS=?", "+CPMS:"));
  const std::optional<at::storage_lists> lists = first_parsed(offered, at::parse_cpms_supported);
  std::array<std::string, 3> memories = {"SM", "SM", "SM"};
  if (lists) {
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& choices = (*lists)[i];
      if (!choices.empty() && std::find(choices.begin(), choices.end(), "SM") == choices.end()) {
        memories[i] = choices.front();
      }
    }
  }
  const at::response set = co_await on(
      current, make_command("AT+CPMS=\"" + memories[0] + "\",\"" + memories[1] + "\",\"" + memories[2] + "\"",
                            {"+CPMS:"}));
  if (!set.success) {
    spdlog::info("{}: {}; keeping the modem's storage", options_.id, describe(set, "AT+CPMS"));
  }
  co_await refresh_storage(current);
  current.memory = status_.storage.empty() || status_.storage[0].memory.empty() ? memories[0]
                                                                                 : status_.storage[0].memory;
}

asio::awaitable<void> modem::refresh_storage(session& current) {
  const at::response answer = co_await on(current, make_command("AT+CPMS?", "+CPMS:"));
  if (const auto use = first_parsed(answer, at::parse_cpms_current)) {
    status_.storage.clear();
    for (const at::storage_use& slot : *use) status_.storage.push_back({slot.memory, slot.used, slot.total});
  }
}

asio::awaitable<void> modem::choose_indications(session& current) {
  for (const indication_row& row : indication_rows()) {
    const at::response answer = co_await on(current, make_command(std::string(row.command)));
    if (answer.success) {
      status_.routing = row.reports;
      co_return;
    }
    if (answer.error == at::channel_error::device_gone) co_return;
    spdlog::info("{}: {}; trying the next form", options_.id, describe(answer, row.command));
  }
  status_.routing = report_routing::none;
  spdlog::warn("{}: every AT+CNMI form refused; finding messages by polling only", options_.id);
}

asio::awaitable<void> modem::read_identity(session& current,
                                           std::span<const identity_query> queries) {
  for (const identity_query& query : queries) {
    const at::response answer =
        co_await on(current, make_command(std::string(query.command), std::string(query.prefix)));
    if (!answer.success) continue;
    if (std::optional<std::string> value = query.parse(answer.lines)) status_.identity.*query.field = std::move(*value);
  }
}

// Needs an unlocked SIM and a network: IMSI, operator, SMSC, signal.
asio::awaitable<void> modem::read_network_identity(session& current) {
  co_await read_identity(current, sim_identity_queries());
  co_await on(current, make_command("AT+COPS=3,0"));  // long alphanumeric operator names
  const at::response cops = co_await on(current, make_command("AT+COPS?", "+COPS:"));
  if (const auto selection = first_parsed(cops, at::parse_cops)) status_.identity.operator_name = selection->name;
  const at::response csca = co_await on(current, make_command("AT+CSCA?", "+CSCA:"));
  if (const auto centre = first_parsed(csca, at::parse_csca)) status_.identity.smsc = centre->number;
  const at::response csq = co_await on(current, make_command("AT+CSQ", "+CSQ:"));
  if (const auto quality = first_parsed(csq, at::parse_csq)) status_.signal_dbm = quality->dbm;
}

}  // namespace siaran::modem
