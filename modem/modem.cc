// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/modem.h"

#include <utility>

#include <spdlog/spdlog.h>

#include "modem/answers.h"
#include "modem/modem_session.h"

namespace siaran::modem {

using namespace answers;

modem::modem(asio::io_context& io, modem_options options, stream_opener open, at::timer_factory timers)
    : io_(io),
      options_(std::move(options)),
      supervisor_(io, options_, std::move(open), std::move(timers), status_, inbox_hooks()) {
  status_.id = options_.id;
  status_.port = options_.port;
}

modem::~modem() = default;

// The supervisor hands the inbox each port it made ready and every unsolicited code.
supervisor::hooks modem::inbox_hooks() {
  supervisor::hooks told;
  told.ready = [this](const std::shared_ptr<session>& current) { start_inbox(current); };
  told.poll_storage = [this] { poll_storage(); };
  told.urc = [this](session& current, const at::urc& code) { on_urc(current, code); };
  return told;
}

asio::awaitable<at::response> modem::execute(at::command cmd) {
  std::shared_ptr<session> current = supervisor_.current();
  if (!current) {
    at::response none;
    none.error = at::channel_error::device_gone;
    none.detail = "modem " + options_.id + " is not open";
    co_return none;
  }
  co_return co_await on(*current, std::move(cmd));
}

send_result modem::not_ready() const {
  return send_result{std::nullopt,
                     send_error{at::failure_class::temporary, std::nullopt,
                                "modem " + options_.id + " is not ready (" + std::string(to_string(status_.state)) +
                                    (status_.reason.empty() ? "" : ": " + status_.reason) + ")"}};
}

asio::awaitable<send_result> modem::send(const sms::encoded_part& part) {
  std::shared_ptr<session> current = supervisor_.current();
  if (!current || !supervisor_.begin_send()) co_return not_ready();
  at::command cmd = make_command("AT+CMGS=" + std::to_string(part.tpdu_length), "+CMGS:", options_.send_timeout);
  cmd.pdu = part.pdu;
  cmd.probe_after = options_.send_probe_after;
  const at::response answer = co_await on(*current, std::move(cmd));
  supervisor_.end_send(answer.error != at::channel_error::timeout &&
                       answer.error != at::channel_error::prompt_timeout &&
                       answer.error != at::channel_error::interrupted);
  const send_result result = classify_send(answer);
  if (result.ok()) {
    if (!answer.success) spdlog::warn("{}: {} after +CMGS: {}; the part is sent", options_.id,
                                      describe(answer, "AT+CMGS"), *result.reference);
    ++status_.sent;
  } else {
    ++status_.failed;
  }
  co_return result;
}

}  // namespace siaran::modem
