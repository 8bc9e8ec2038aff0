// SPDX-License-Identifier: GPL-3.0-or-later
// USSD codes (27.007 §7.15): the balance check's AT+CUSD and the +CUSD answer after it.
#include <utility>

#include <spdlog/spdlog.h>

#include "common/log_text.h"
#include "common/ussd_code.h"
#include "modem/answers.h"
#include "modem/at/ussd_parsers.h"
#include "modem/modem.h"
#include "modem/modem_session.h"
#include "modem/ussd/ussd_text.h"

namespace siaran::modem {

using namespace std::chrono_literals;
using namespace answers;

namespace {

// <n> = 1 asks the modem to show the answer as +CUSD; 15 is the GSM 7-bit coding of the code.
std::string dial_command(const std::string& code) { return "AT+CUSD=1,\"" + code + "\",15"; }

}  // namespace

// The continuation lines of a multi-line answer come without a prefix: the channel hands them
// over as unrecognised lines.
void modem::on_ussd_line(session& current, const at::urc& code) {
  std::optional<std::string> whole = current.ussd_lines.feed(code.line, code.prefix == "+CUSD:");
  if (!whole) return;
  current.ussd_answer = std::move(whole);
  current.ussd_wake.wake();
}

asio::awaitable<ussd_outcome> modem::ussd(std::string code, std::chrono::milliseconds wait) {
  if (!common::valid_ussd_code(code)) co_return ussd_outcome{std::nullopt, "\"" + code + "\" is not a USSD code"};
  std::shared_ptr<session> current = supervisor_.current();
  if (!current || !supervisor_.begin_send()) co_return ussd_outcome{std::nullopt, not_ready().error->text};
  // An answer that came after an earlier check gave up must not pass for this one's.
  current->ussd_answer.reset();
  current->ussd_wake.clear();
  at::command dial = make_command(dial_command(code), "", 10s);
  const at::response asked = co_await on(*current, std::move(dial));
  ussd_outcome outcome{std::nullopt, describe(asked, "AT+CUSD")};
  if (asked.success) {
    outcome = co_await await_ussd(*current, wait);
    if (!outcome.ok() || outcome.reply->status == 1) co_await end_ussd_session(*current);
  }
  // Even after a timeout: the supervisor's ask() counts it like any command's, and AT+CUSD is
  // no message that may be half sent, so there is no reason to initialise the modem again here.
  supervisor_.end_send(true);
  co_return outcome;
}

asio::awaitable<ussd_outcome> modem::await_ussd(session& current, std::chrono::milliseconds wait) {
  const bool arrived = co_await current.ussd_wake.wait(wait);
  if (current.ended) co_return ussd_outcome{std::nullopt, "the port closed before the answer came"};
  if (!arrived || !current.ussd_answer) {
    co_return ussd_outcome{std::nullopt, "no +CUSD answer within " + std::to_string(wait.count() / 1000) + " s"};
  }
  const std::string raw = std::move(*current.ussd_answer);
  current.ussd_answer.reset();
  const auto line = at::parse_cusd(raw);
  if (!line) co_return ussd_outcome{std::nullopt, "unreadable answer: " + common::log_text(raw)};
  ussd_reply reply{line->status, decode_ussd_text(line->text.value_or(""), line->dcs), raw, line->dcs};
  spdlog::debug("{}: USSD answer {} ({} characters)", options_.id, reply.status, reply.text.size());
  co_return ussd_outcome{std::move(reply), {}};
}

asio::awaitable<void> modem::end_ussd_session(session& current) {
  at::command cancel = make_command("AT+CUSD=2", "", 5s);
  const at::response ended = co_await on(current, std::move(cancel));
  if (!ended.success) spdlog::debug("{}: {}", options_.id, describe(ended, "AT+CUSD=2"));
}

}  // namespace siaran::modem
