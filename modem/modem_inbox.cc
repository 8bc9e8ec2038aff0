// SPDX-License-Identifier: GPL-3.0-or-later
// Incoming messages and status reports: URCs, storage reads and polls, hand-up, deletion.
#include "modem/modem.h"

#include <algorithm>
#include <array>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "common/log_text.h"
#include "modem/answers.h"
#include "modem/at/response_parsers.h"
#include "modem/modem_session.h"
#include "sms/codec_error.h"
#include "modem/stored_messages.h"

namespace siaran::modem {

using namespace std::chrono_literals;
using namespace answers;

void modem::poll_storage() {
  const std::shared_ptr<session> current = supervisor_.current();
  if (!current) return;
  current->scan_requested = true;
  current->inbox_wake.wake();
}

// Once per port: the loop ends with it.
void modem::start_inbox(const std::shared_ptr<session>& current) {
  if (current->inbox_running) return;
  current->inbox_running = true;
  asio::co_spawn(io_, inbox_loop(current), asio::detached);
}

void modem::on_urc(session& current, const at::urc& code) {
  if (code.prefix == "+CUSD:" || !code.known()) {
    on_ussd_line(current, code);
  } else if (code.prefix == "+CMTI:" || code.prefix == "+CDSI:") {
    if (const auto where = at::parse_storage_index(code.line)) {
      current.work.push_back({std::nullopt, code.prefix == "+CDSI:", where->memory, where->index});
      current.inbox_wake.wake();
    }
  } else if ((code.prefix == "+CMT:" || code.prefix == "+CDS:") && code.pdu) {
    current.work.push_back({code.pdu, code.prefix == "+CDS:", {}, -1});
    current.inbox_wake.wake();
  }
}

asio::awaitable<void> modem::inbox_loop(std::shared_ptr<session> current) {
  while (!current->ended) {
    if (current->work.empty() && !current->scan_requested) {
      co_await current->inbox_wake.wait(forever);
      continue;
    }
    const sequence_lock::guard alone = co_await current->sequence.acquire();
    if (current->ended) break;
    if (current->work.empty()) {
      if (std::exchange(current->scan_requested, false)) co_await scan_storage(*current);
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

namespace {

std::optional<std::string> decode_failure(const std::string& pdu) {
  try {
    sms::decode_pdu_hex(pdu);
    return std::nullopt;
  } catch (const sms::codec_error& error) {
    return error.what();
  }
}

}  // namespace

asio::awaitable<void> modem::scan_storage(session& current) {
  // 4 = "ALL" in PDU mode (27.005 §3.4.2): read and unread alike, so a message handed up
  // before a crash but never confirmed is offered again.
  const at::response answer = co_await on(current, make_command("AT+CMGL=4", "+CMGL:", 30s));
  if (!answer.success) co_return;
  for (stored_pdu& found : parse_stored_pdus(answer.lines)) {
    if (current.ended) co_return;
    if (!found.index || !found.stat || *found.stat > 1) continue;  // received ones only
    // A listing can be garbled where the message is not (seen with an empty PDU line in a
    // long +CMGL): read it alone before handing it up as undecodable.
    if (decode_failure(found.pdu)) {
      if (std::optional<std::string> again = co_await reread(current, *found.index)) found.pdu = std::move(*again);
    }
    co_await handle_stored(current, current.memory, *found.index, std::move(found.pdu));
  }
  co_await refresh_storage(current);
}

asio::awaitable<void> modem::refresh_storage(session& current) {
  const at::response answer = co_await on(current, make_command("AT+CPMS?", "+CPMS:"));
  if (std::optional<std::vector<storage_slot>> slots = storage_in(answer)) status_.storage = std::move(*slots);
}

asio::awaitable<std::optional<std::string>> modem::reread(session& current, int index) {
  const at::response answer = co_await on(current, make_command("AT+CMGR=" + std::to_string(index), "+CMGR:", 10s));
  std::vector<stored_pdu> found = answer.success ? parse_stored_pdus(answer.lines) : std::vector<stored_pdu>{};
  // An empty slot (a bare OK, or "+CMGR: 0,,0") holds no message, not an undecodable one.
  if (found.empty() || found.front().empty_slot()) co_return std::nullopt;
  co_return std::move(found.front().pdu);
}

asio::awaitable<void> modem::read_stored(session& current, std::string memory, int index) {
  // AT+CMGR and AT+CMGD work on mem1 (27.005 §3.2.2). A +CMTI/+CDSI naming another storage
  // (Huawei puts status reports in "SR", others announce "ME" or "MT") is read there, then
  // mem1 is put back.
  bool elsewhere = !memory.empty() && memory != current.memory;
  if (elsewhere) {
    const at::response moved = co_await on(current, make_command("AT+CPMS=\"" + memory + "\"", "+CPMS:"));
    if (moved.error == at::channel_error::device_gone) co_return;
    if (!moved.success) {
      // A modem with a single storage names it by another name than it accepts: the index
      // is its index in mem1. Whatever is there is ours to hand up anyway.
      spdlog::info("{}: {}; reading message {} from {} instead", options_.id, describe(moved, "AT+CPMS"), index,
                   common::log_text(current.memory));
      elsewhere = false;
    }
  }
  std::optional<std::string> pdu = co_await reread(current, index);
  if (pdu) co_await handle_stored(current, elsewhere ? memory : current.memory, index, std::move(*pdu));
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

asio::awaitable<bool> modem::offer(const incoming_message& message) {
  if (!message_receiver_) co_return false;
  if (message.decode_error) {
    spdlog::warn("{}: message {} in {} cannot be decoded ({}); handing it up raw", options_.id,
                 message.index ? std::to_string(*message.index) : "(inline)",
                 message.memory.empty() ? "+CMT" : common::log_text(message.memory), *message.decode_error);
  }
  const bool stored = co_await message_receiver_(message);
  note_answer(message, stored);
  co_return stored;
}

// A refused message stays on the SIM and is offered again at each slow poll: say so once.
void modem::note_answer(const incoming_message& message, bool stored) {
  if (!message.index) {
    if (!stored) spdlog::warn("{}: the receiver refused an inline message", options_.id);
    return;
  }
  const std::pair<std::string, int> where{message.memory, *message.index};
  if (stored) {
    refused_.erase(where);
    return;
  }
  const auto [known, added] = refused_.try_emplace(where, message.pdu);
  if (!added && known->second == message.pdu) {
    spdlog::debug("{}: message {} in {} refused again; kept on the SIM", options_.id, where.second,
                  common::log_text(where.first));
    return;
  }
  known->second = message.pdu;
  spdlog::warn("{}: the receiver did not store message {} in {}; kept on the SIM and offered again at each poll",
               options_.id, where.second, common::log_text(where.first));
}

asio::awaitable<void> modem::handle_stored(session& current, std::string memory, int index, std::string pdu) {
  bool remove = false;
  std::optional<sms::decoded_pdu> decoded;
  std::optional<std::string> error;
  try {
    decoded = sms::decode_pdu_hex(pdu);
  } catch (const sms::codec_error& failure) {
    error = failure.what();
  }
  if (decoded && decoded->type == sms::message_type::status_report) {
    remove = hand_up_report(pdu);
  } else if (!decoded || decoded->type == sms::message_type::deliver) {
    // A named local: g++ 12 destroys an aggregate temporary in a co_await expression twice.
    const incoming_message message{std::move(decoded), pdu, index, memory, std::move(error)};
    remove = co_await offer(message);
  }
  if (!remove || current.ended) co_return;
  const at::response deleted = co_await on(current, make_command("AT+CMGD=" + std::to_string(index), "", 10s));
  // The next storage poll lists it again (AT+CMGL=4 lists read messages too); the receiver
  // knows it is stored, so that pass only deletes it.
  if (!deleted.success) {
    spdlog::warn("{}: {}; message {} stays in {} until the next storage poll deletes it", options_.id,
                 describe(deleted, "AT+CMGD"), index, common::log_text(memory));
  }
}

asio::awaitable<void> modem::handle_inline(session& current, std::string pdu, bool report) {
  bool stored = false;
  std::optional<sms::decoded_pdu> decoded;
  std::optional<std::string> error;
  try {
    if (report) {
      hand_up_report(pdu);
      stored = true;  // the report receiver cannot refuse; acknowledging it ends the resends
    } else {
      decoded = sms::decode_pdu_hex(pdu);
    }
  } catch (const sms::codec_error& failure) {
    error = failure.what();
  }
  if (!stored) {
    const incoming_message message{std::move(decoded), pdu, std::nullopt, {}, std::move(error)};
    stored = co_await offer(message);
  }
  // Phase 2+ (AT+CSMS=1): what is not acknowledged in time makes the modem turn its
  // indications off; RP-ERROR (AT+CNMA=2) asks the network to deliver it again later
  // (27.005 §3.4.4).
  if (current.needs_ack && !current.ended) co_await on(current, make_command(stored ? "AT+CNMA" : "AT+CNMA=2"));
}

}  // namespace siaran::modem
