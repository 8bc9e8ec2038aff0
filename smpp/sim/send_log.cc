// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/send_log.h"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace siaran::smscsim {
namespace {

std::string iso_time(std::chrono::system_clock::time_point at) {
  const auto milliseconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count() % 1000;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(milliseconds));
  return text;
}

}  // namespace

std::string send_log_line(const accepted_submit& submit) {
  const smpp::short_message_body& pdu = submit.pdu;
  nlohmann::json concat = nullptr;
  if (const auto& info = submit.message.concat)
    concat = {{"reference", info->reference}, {"part", info->part}, {"total", info->total}};
  const nlohmann::json line{
      {"time", iso_time(submit.at)},
      {"system_id", submit.system_id},
      {"source", pdu.source_addr},
      {"source_ton", pdu.source_addr_ton},
      {"source_npi", pdu.source_addr_npi},
      {"destination", pdu.destination_addr},
      {"destination_ton", pdu.dest_addr_ton},
      {"destination_npi", pdu.dest_addr_npi},
      {"data_coding", pdu.data_coding},
      {"esm_class", pdu.esm_class},
      {"text", submit.message.text},
      {"concat", concat},
      {"octets", submit.message.octets},
      {"payload", submit.message.from_payload},
      {"message_id", submit.message_id},
      {"registered_delivery", pdu.registered_delivery},
  };
  // Replace, not throw, on text that is not UTF-8: a log line must never stop the SMSC.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace siaran::smscsim
