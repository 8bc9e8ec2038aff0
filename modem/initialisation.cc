// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/initialisation.h"

#include <algorithm>
#include <array>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "modem/answers.h"
#include "modem/at/response_parsers.h"
#include "modem/init_sequence.h"
#include "modem/modem_session.h"
#include "modem/supervisor.h"

namespace siaran::modem {

using namespace std::chrono_literals;
using namespace answers;

namespace {

std::optional<init_failure> refusal(std::string reason, bool final = false) {
  return init_failure{std::move(reason), final};
}

// Stopped meanwhile: nothing to say.
std::optional<init_failure> interrupted() { return init_failure{}; }

}  // namespace

asio::awaitable<init_outcome> initialisation::run(session& current, modem_setup known) {
  init_outcome outcome{std::move(known), std::nullopt};
  modem_setup& setup = outcome.setup;
  outcome.failure = co_await run_steps(current, reset_steps());
  if (outcome.failure) co_return outcome;
  co_await read_identity(current, device_identity_queries(), setup.identity);
  setup.family = family_of(setup.identity.manufacturer);
  outcome.failure = co_await unlock_sim(current);
  if (outcome.failure) co_return outcome;
  outcome.failure = co_await wait_for_registration(current, setup.registration);
  if (outcome.failure) co_return outcome;
  co_await read_network_identity(current, setup);
  outcome.failure = co_await run_steps(current, sms_setup_steps(setup.family));
  if (outcome.failure) co_return outcome;
  const at::response csms = co_await life_.ask(current, make_command("AT+CSMS?", "+CSMS:"));
  if (const auto service = first_parsed(csms, at::parse_csms)) setup.needs_ack = service->service == 1;
  co_await choose_storage(current, setup);
  setup.routing = co_await choose_indications(current, setup.routing);
  co_return outcome;
}

asio::awaitable<std::optional<init_failure>> initialisation::run_steps(session& current, std::span<const init_step> steps) {
  for (const init_step& step : steps) {
    const at::response answer = co_await life_.ask(current, make_command(std::string(step.command), "", step.timeout));
    if (answer.error == at::channel_error::device_gone) co_return refusal(answer.detail);
    if (answer.success || step.may_fail) continue;
    co_return refusal(describe(answer, step.command));
  }
  co_return std::nullopt;
}

// 27.007 §8.3. A PIN is sent at most once per modem object: three wrong tries lock the SIM
// behind its PUK, so a rejected PIN (+CME ERROR 16, or the SIM still asking) is final.
asio::awaitable<std::optional<init_failure>> initialisation::unlock_sim(session& current) {
  if (pin_rejected_) co_return refusal("wrong PIN", true);
  bool pin_sent = false;
  for (int attempt = 0; attempt < 10; ++attempt) {
    const at::response answer = co_await life_.ask(current, make_command("AT+CPIN?", "+CPIN:", 10s));
    if (answer.error == at::channel_error::device_gone) co_return refusal(answer.detail);
    const std::optional<std::string> asked = first_parsed(answer, at::parse_cpin);
    if (!asked) {
      if (has_code(answer, at::final_kind::cme_error, 10) || has_code(answer, at::final_kind::cme_error, 13)) {
        co_return refusal("no SIM card (" + answer.final->line + ")");
      }
      // SIM busy (+CME ERROR 14) or still starting after the PIN: ask again shortly.
      if (!co_await life_.pause(options_.register_poll)) co_return interrupted();
      continue;
    }
    if (*asked == "READY") co_return std::nullopt;  // Wavecom says it without OK: the line is enough
    if (*asked == "SIM PUK") {
      co_return refusal("SIM PUK required (the PIN was entered wrong three times); unlock the SIM in a phone", true);
    }
    if (*asked != "SIM PIN") co_return refusal("the SIM asks for " + *asked, true);
    if (pin_sent) {
      pin_rejected_ = true;
      co_return refusal("wrong PIN", true);
    }
    if (!options_.pin) {
      co_return refusal("the SIM asks for a PIN and none is configured (pin: in the modem's config)", true);
    }
    pin_sent = true;
    const at::response sent = co_await life_.ask(current, make_command("AT+CPIN=\"" + *options_.pin + "\"", "", 20s));
    if (has_code(sent, at::final_kind::cme_error, 16)) {
      pin_rejected_ = true;
      co_return refusal("wrong PIN", true);
    }
    if (has_code(sent, at::final_kind::cme_error, 12)) {
      co_return refusal("SIM PUK required (the PIN was entered wrong three times); unlock the SIM in a phone", true);
    }
    if (!sent.success) {
      // We cannot know whether this counted as a try: never send it again.
      pin_rejected_ = true;
      co_return refusal("PIN not accepted (" + describe(sent, "AT+CPIN") + "); not retried", true);
    }
  }
  co_return refusal("the SIM did not become ready");
}

asio::awaitable<std::optional<init_failure>> initialisation::wait_for_registration(session& current,
                                                                          std::optional<int>& registration) {
  std::chrono::milliseconds waited{0};
  while (true) {
    const at::response answer = co_await life_.ask(current, make_command("AT+CREG?", "+CREG:"));
    if (answer.error == at::channel_error::device_gone) co_return refusal(answer.detail);
    if (const auto found = first_parsed(answer, solicited_registration)) registration = found->stat;
    if (registration == 1 || registration == 5) co_return std::nullopt;
    if (waited >= options_.register_timeout) {
      co_return refusal("not registered to the network after " + std::to_string(waited.count() / 1000) +
                        " s (+CREG stat " + (registration ? std::to_string(*registration) : "?") +
                        "; 3 means denied: check the SIM is active)");
    }
    life_.show_waiting("network registration");
    if (!co_await life_.pause(options_.register_poll)) co_return interrupted();
    waited += options_.register_poll;
  }
}

// Prefer the SIM ("SM") for all three memories: it is where every modem keeps messages and
// what a person checks in a phone; otherwise the first storage each memory offers.
asio::awaitable<void> initialisation::choose_storage(session& current, modem_setup& setup) {
  const at::response offered = co_await life_.ask(current, make_command("AT+CPMS=?", "+CPMS:"));
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
  const at::response set = co_await life_.ask(
      current, make_command("AT+CPMS=\"" + memories[0] + "\",\"" + memories[1] + "\",\"" + memories[2] + "\"",
                            {"+CPMS:"}));
  if (!set.success) {
    spdlog::info("{}: {}; keeping the modem's storage", options_.id, describe(set, "AT+CPMS"));
  }
  const at::response use = co_await life_.ask(current, make_command("AT+CPMS?", "+CPMS:"));
  if (std::optional<std::vector<storage_slot>> slots = storage_in(use)) setup.storage = std::move(*slots);
  setup.memory = setup.storage.empty() || setup.storage[0].memory.empty() ? memories[0] : setup.storage[0].memory;
}

// The routing of the first AT+CNMI row accepted; `known` when the device vanished meanwhile.
asio::awaitable<std::optional<report_routing>> initialisation::choose_indications(session& current,
                                                                        std::optional<report_routing> known) {
  for (const indication_row& row : indication_rows()) {
    const at::response answer = co_await life_.ask(current, make_command(std::string(row.command)));
    if (answer.success) co_return row.reports;
    if (answer.error == at::channel_error::device_gone) co_return known;
    spdlog::info("{}: {}; trying the next form", options_.id, describe(answer, row.command));
  }
  spdlog::warn("{}: every AT+CNMI form refused; finding messages by polling only", options_.id);
  co_return report_routing::none;
}

asio::awaitable<void> initialisation::read_identity(session& current, std::span<const identity_query> queries,
                                           modem_identity& identity) {
  for (const identity_query& query : queries) {
    const at::response answer =
        co_await life_.ask(current, make_command(std::string(query.command), std::string(query.prefix)));
    if (!answer.success) continue;
    if (std::optional<std::string> value = query.parse(answer.lines)) identity.*query.field = std::move(*value);
  }
}

// Needs an unlocked SIM and a network: IMSI, operator, SMSC, signal.
asio::awaitable<void> initialisation::read_network_identity(session& current, modem_setup& setup) {
  co_await read_identity(current, sim_identity_queries(), setup.identity);
  co_await life_.ask(current, make_command("AT+COPS=3,0"));  // long alphanumeric operator names
  const at::response cops = co_await life_.ask(current, make_command("AT+COPS?", "+COPS:"));
  if (const auto selection = first_parsed(cops, at::parse_cops)) setup.identity.operator_name = selection->name;
  const at::response csca = co_await life_.ask(current, make_command("AT+CSCA?", "+CSCA:"));
  if (const auto centre = first_parsed(csca, at::parse_csca)) setup.identity.smsc = centre->number;
  const at::response csq = co_await life_.ask(current, make_command("AT+CSQ", "+CSQ:"));
  if (const auto quality = first_parsed(csq, at::parse_csq)) setup.signal_dbm = quality->dbm;
}

}  // namespace siaran::modem
