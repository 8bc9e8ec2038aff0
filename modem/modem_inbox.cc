// Incoming messages and status reports: URCs, storage reads and polls, hand-up, deletion.
#include "modem/modem.h"

#include <algorithm>
#include <array>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "modem/answers.h"
#include "modem/at/response_parsers.h"
#include "modem/modem_session.h"
#include "modem/sms/codec_error.h"
#include "modem/stored_messages.h"

namespace siaran::modem {

using namespace std::chrono_literals;
using namespace answers;

void modem::poll_storage() {
  if (!session_) return;
  session_->scan_requested = true;
  session_->inbox_wake.wake();
}

void modem::on_urc(session& current, const at::urc& code) {
  if (code.prefix == "+CMTI:" || code.prefix == "+CDSI:") {
    if (const auto where = at::parse_storage_index(code.line)) {
      current.work.push_back({std::nullopt, code.prefix == "+CDSI:", where->memory, where->index});
      current.inbox_wake.wake();
    }
  } else if ((code.prefix == "+CMT:" || code.prefix == "+CDS:") && code.pdu) {
    current.work.push_back({code.pdu, code.prefix == "+CDS:", {}, -1});
    current.inbox_wake.wake();
  } else if (code.prefix == "+CREG:") {
    if (const auto registration = at::parse_registration(code.line, false)) status_.registration = registration->stat;
  }
}

asio::awaitable<void> modem::inbox_loop(std::shared_ptr<session> current) {
  while (!current->ended) {
    if (current->work.empty() && !current->scan_requested) {
      co_await current->inbox_wake.wait(forever);
      continue;
    }
    if (current->work.empty()) {
      current->scan_requested = false;
      co_await scan_storage(*current);
      continue;
    }
    inbox_work next = std::move(current->work.front());
    current->work.pop_front();
    if (next.pdu) {
      co_await handle_inline(*current, std::move(*next.pdu), next.report);
    } else {
      co_await read_stored(*current, std::move(next.memory), next.index);
    }
  }
}

asio::awaitable<void> modem::scan_storage(session& current) {
  // 4 = "ALL" in PDU mode (27.005 §3.4.2): read and unread alike, so a message handed up
  // before a crash but never confirmed is offered again.
  const at::response answer = co_await on(current, make_command("AT+CMGL=4", "+CMGL:", 30s));
  if (!answer.success) co_return;
  for (stored_pdu& found : parse_stored_pdus(answer.lines)) {
    if (current.ended) co_return;
    if (found.index && found.stat <= 1) co_await handle_stored(current, current.memory, *found.index, std::move(found.pdu));
  }
  co_await refresh_storage(current);
}

asio::awaitable<void> modem::read_stored(session& current, std::string memory, int index) {
  // AT+CMGR and AT+CMGD work on mem1 (27.005 §3.2.2). A +CMTI/+CDSI naming another storage
  // (Huawei puts status reports in "SR") is read there, then mem1 is put back.
  const bool elsewhere = !memory.empty() && memory != current.memory;
  if (elsewhere) {
    const at::response moved = co_await on(current, make_command("AT+CPMS=\"" + memory + "\"", "+CPMS:"));
    if (!moved.success) {
      spdlog::info("{}: {}; message {} left in {}", options_.id, describe(moved, "AT+CPMS"), index, memory);
      co_return;
    }
  }
  const at::response answer = co_await on(current, make_command("AT+CMGR=" + std::to_string(index), "+CMGR:", 10s));
  std::vector<stored_pdu> found = answer.success ? parse_stored_pdus(answer.lines) : std::vector<stored_pdu>{};
  if (!found.empty()) co_await handle_stored(current, elsewhere ? memory : current.memory, index, std::move(found.front().pdu));
  if (elsewhere) co_await on(current, make_command("AT+CPMS=\"" + current.memory + "\"", "+CPMS:"));
}

bool modem::hand_up_report(const std::string& pdu) {
  sms::decoded_pdu report;
  try {
    report = sms::decode_pdu_hex(pdu);
  } catch (const sms::codec_error&) {
    report = sms::decode_pdu_hex(pdu, false);  // a bare TPDU, as some +CDS send it
  }
  if (report.type != sms::message_type::status_report || !report.message_reference) return false;
  if (report_receiver_) report_receiver_(status_report{*report.message_reference, report, pdu});
  return true;
}

asio::awaitable<void> modem::handle_stored(session& current, std::string memory, int index, std::string pdu) {
  bool remove = false;
  try {
    sms::decoded_pdu decoded = sms::decode_pdu_hex(pdu);
    if (decoded.type == sms::message_type::status_report) {
      remove = hand_up_report(pdu);
    } else if (decoded.type == sms::message_type::deliver && message_receiver_) {
      // A named local: g++ 12 destroys an aggregate temporary in a co_await expression twice.
      const incoming_message message{std::move(decoded), pdu, index, memory};
      remove = co_await message_receiver_(message);
    }
  } catch (const sms::codec_error& error) {
    spdlog::warn("{}: message {} in {} cannot be decoded ({}); left on the SIM", options_.id, index, memory,
                 error.what());
  }
  if (!remove || current.ended) co_return;
  const at::response deleted = co_await on(current, make_command("AT+CMGD=" + std::to_string(index), "", 10s));
  if (!deleted.success) spdlog::warn("{}: {}", options_.id, describe(deleted, "AT+CMGD"));
}

asio::awaitable<void> modem::handle_inline(session& current, std::string pdu, bool report) {
  bool stored = false;
  try {
    if (report) {
      stored = hand_up_report(pdu);
    } else if (message_receiver_) {
      sms::decoded_pdu decoded = sms::decode_pdu_hex(pdu);
      const incoming_message message{std::move(decoded), pdu, std::nullopt, {}};
      stored = co_await message_receiver_(message);
    }
  } catch (const sms::codec_error& error) {
    spdlog::warn("{}: an unsolicited {} cannot be decoded ({})", options_.id, report ? "+CDS" : "+CMT",
                 error.what());
  }
  // Phase 2+ (AT+CSMS=1): the network resends what is not acknowledged (27.005 §3.4.4).
  if (stored && current.needs_ack && !current.ended) co_await on(current, make_command("AT+CNMA"));
}

}  // namespace siaran::modem
