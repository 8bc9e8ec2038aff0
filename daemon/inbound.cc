// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbound.h"

#include <spdlog/spdlog.h>

#include "daemon/clock.h"
#include "sms/phone_number.h"

namespace siaran::daemon {
namespace {

using namespace std::chrono_literals;

// A service-centre time (local time with its offset) as UTC.
std::optional<queue::timestamp> utc(const std::optional<sms::timestamp>& t) {
  if (!t) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(t->year), std::chrono::month(static_cast<unsigned>(t->month)),
                                         std::chrono::day(static_cast<unsigned>(t->day))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(t->hour) + std::chrono::minutes(t->minute) +
         std::chrono::seconds(t->second) - std::chrono::minutes(t->offset_minutes);
}

// E.164 when the number parses (replies match contacts by it), else as the network gave it
// (an alphanumeric sender such as "TELKOMSEL").
std::string sender_number(const std::string& number, const std::string& region) {
  try {
    return normalize_phone_number(number, region);
  } catch (const phone_number_error&) {
    return number;
  }
}

// The TP-ST (TS 23.040 §9.2.3.15) that says what an SMPP receipt's state says, so that receipts
// and modems' status reports settle a part alike: 0x00 delivered, 0x20-0x3F still trying (an
// UNKNOWN state leaves the part to the report timeout), 0x40 and above given up.
int status_of_receipt(const smpp::receipt& receipt) {
  switch (receipt.outcome()) {
    case smpp::receipt_outcome::delivered: return 0x00;
    case smpp::receipt_outcome::pending: return 0x20;
    case smpp::receipt_outcome::unknown: return 0x30;
    case smpp::receipt_outcome::undelivered: break;
  }
  if (receipt.state == "EXPIRED") return 0x46;  // SM validity period expired
  if (receipt.state == "DELETED") return 0x48;  // SM deleted by SC administration
  if (receipt.state == "REJECTD") return 0x42;  // connection rejected by SME
  return 0x43;                                  // not obtainable
}

}  // namespace

inbound::inbound(asio::io_context& io, store_thread& writes, queue::inbound_book& book, queue::report_book& reports,
                 modem::pool& pool, inbound_settings settings, send_metrics& metrics, clock now)
    : io_(io),
      writes_(writes),
      book_(book),
      reports_(reports),
      pool_(pool),
      settings_(std::move(settings)),
      metrics_(metrics),
      now_(std::move(now)),
      flush_timer_(io) {}

void inbound::start() {
  const auto& modems = pool_.modems();
  for (std::size_t i = 0; i < modems.size(); ++i) {
    const std::string id = modems[i]->options().id;
    // The modem deletes the message from the SIM only once the writer thread says it is stored.
    modems[i]->on_message([this, id](const modem::incoming_message& message) -> asio::awaitable<bool> {
      const auto store = [this, id, message] { return store_message(id, message); };
      co_return co_await writes_.run(store);
    });
    modems[i]->on_report([this, i](const modem::status_report& report) {
      writes_.post("storing a status report", [this, i, report] { store_report(i, report); });
    });
  }
  asio::co_spawn(flush_timer_.get_executor(), flush_stale(), asio::detached);
}

asio::awaitable<bool> inbound::store_from_bind(const std::string& bind_id, const smpp::incoming_sms& sms) {
  const auto store = [this, bind_id, message = modem::incoming_message{sms.message, sms.raw_hex, {}, "", {}}] {
    return store_message(bind_id, message);
  };
  co_return co_await writes_.run(store);
}

asio::awaitable<bool> inbound::store_receipt(const std::string& bind_id, const smpp::receipt& receipt) {
  const auto store = [this, bind_id, receipt]() -> bool {
    const int status = status_of_receipt(receipt);
    std::string raw = "id:" + receipt.message_id + " stat:" + receipt.state;
    if (receipt.error_code) raw += " err:" + std::to_string(*receipt.error_code);
    std::optional<queue::timestamp> done;
    if (receipt.done_at) done = std::chrono::time_point_cast<std::chrono::milliseconds>(*receipt.done_at);
    try {
      const auto part = reports_.record_status_report(
          {bind_id, 0, receipt.recipient, status, std::nullopt, done, now_(), raw,
           smpp::message_id_candidates(receipt.message_id)});
      if (!part) spdlog::info("smpp {}: receipt for message id {} matches no part we sent", bind_id, receipt.message_id);
      return true;
    } catch (const std::exception& e) {
      // Not acknowledged: the SMSC delivers it again.
      spdlog::error("smpp {}: cannot store a receipt (message id {}): {}", bind_id, receipt.message_id, e.what());
      return false;
    }
  };
  co_return co_await writes_.run(store);
}

void inbound::stop() {
  stopped_ = true;
  flush_timer_.cancel();
}

// True once the message is on disk: only then may the modem delete it from the SIM.
bool inbound::store_message(const std::string& modem_id, const modem::incoming_message& message) {
  try {
    if (!message.decoded()) {
      const auto outcome = book_.record_incoming(
          {modem_id, "", "", now_(), {message.pdu}, message.decode_error, std::nullopt, std::nullopt, true});
      if (outcome.stored_already) return stored_already(modem_id, message);
      spdlog::warn("modem {}: stored an undecodable message as incoming {} ({})", modem_id, *outcome.message_id,
                   *message.decode_error);
      return true;
    }
    const sms::decoded_pdu& pdu = *message.message;
    const std::string sender = sender_number(pdu.number, settings_.region);
    const auto concat = pdu.concat();
    if (concat && concat->total > 1) {
      const auto outcome = book_.record_fragment({modem_id, sender, static_cast<int>(concat->reference),
                                                   static_cast<int>(concat->total), static_cast<int>(concat->part),
                                                   pdu.ud.text, message.pdu, now_()});
      if (outcome.stored_already) return stored_already(modem_id, message);
      if (outcome.message_id) spdlog::info("modem {}: received message {} ({} parts)", modem_id, *outcome.message_id,
                                           concat->total);
      if (outcome.message_id) stored(*outcome.message_id);
      return true;
    }
    const auto outcome = book_.record_incoming(
        {modem_id, sender, pdu.ud.text, now_(), {message.pdu}, std::nullopt, std::nullopt, std::nullopt, true});
    if (outcome.stored_already) return stored_already(modem_id, message);
    spdlog::info("modem {}: received message {}", modem_id, *outcome.message_id);
    stored(*outcome.message_id);
    return true;
  } catch (const std::exception& e) {
    // Left on the SIM: the modem offers it again at its next poll.
    spdlog::error("modem {}: cannot store an incoming message, leaving it on the SIM: {}", modem_id, e.what());
    return false;
  }
}

// The store has it (the modem stores before it deletes, and a delete can fail): it is neither
// stored nor routed again, and true lets the modem delete (or acknowledge) it this time.
bool inbound::stored_already(const std::string& modem_id, const modem::incoming_message& message) {
  if (message.index) {
    spdlog::info("{}: SMS at index {} was stored already (its delete failed before); deleting it again", modem_id,
                 *message.index);
  } else {
    spdlog::info("{}: SMS delivered again as +CMT was stored already; acknowledging it", modem_id);
  }
  return true;
}

void inbound::store_report(std::size_t modem_index, const modem::status_report& report) {
  const std::string& modem_id = pool_.modems()[modem_index]->options().id;  // fixed at start-up
  const int status = report.report.status.value_or(0);
  try {
    const auto part = reports_.record_status_report({modem_id, report.message_reference, report.report.number, status,
                                                   utc(report.report.service_centre_time),
                                                   utc(report.report.discharge_time), now_(), report.pdu, {}});
    // TP-ST below 0x20: the transaction completed (TS 23.040 §9.2.3.15).
    if (part && status < 0x20) asio::post(io_, [this, modem_index] { ++metrics_.modems[modem_index].delivered; });
    if (!part) spdlog::info("modem {}: status report for reference {} matches no part we sent", modem_id,
                            report.message_reference);
  } catch (const std::exception& e) {
    spdlog::error("modem {}: cannot store a status report (reference {}): {}", modem_id, report.message_reference,
                  e.what());
  }
}

void inbound::flush_fragments() {
  for (std::int64_t id : book_.flush_fragments(now_() - settings_.reassembly_timeout)) {
    spdlog::warn("stored incomplete long message {}: its missing parts did not arrive within {} s", id,
                 settings_.reassembly_timeout.count());
    stored(id);
  }
}

void inbound::stored(std::int64_t incoming_id) {
  if (on_stored_) on_stored_(incoming_id);
}

// A step at a time, each its own job of the writer: the parts of a district-wide broadcast that
// nobody reported would otherwise hold the writer (and every claim) for seconds.
void inbound::settle_unreported() {
  constexpr int step = 2000;
  const std::int64_t settled = reports_.settle_unreported(now_() - settings_.report_timeout, step);
  if (settled > 0) {
    spdlog::info("{} parts got no final status report within {} s: delivery unknown", settled,
                 settings_.report_timeout.count());
  }
  if (settled == step) writes_.post("marking more overdue status reports unknown", [this] { settle_unreported(); });
}

// Gives up on long messages whose missing parts have not come within the timeout, and on the
// status reports of parts sent longer ago than theirs.
asio::awaitable<void> inbound::flush_stale() {
  const auto shorter = std::min(settings_.reassembly_timeout, settings_.report_timeout);
  const auto check_every =
      settings_.check_every.value_or(std::min<std::chrono::milliseconds>(shorter / 4 + 1s, 60s));
  while (!stopped_) {
    writes_.post("giving up on incomplete long messages and overdue status reports", [this] {
      flush_fragments();
      settle_unreported();
      asio::post(io_, [this] { ++stale_checks_; });
    });
    flush_timer_.expires_after(check_every);
    boost::system::error_code ignored;
    co_await flush_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

}  // namespace siaran::daemon
