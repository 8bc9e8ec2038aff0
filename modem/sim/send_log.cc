// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/send_log.h"

#include <nlohmann/json.hpp>

namespace siaran::modemsim {

std::string send_log_line(const accepted_submit& submit, std::string_view modem_name) {
  const sms::decoded_pdu& pdu = submit.decoded;
  nlohmann::json concat = nullptr;
  if (const auto info = pdu.concat())
    concat = {{"reference", info->reference}, {"part", info->part}, {"total", info->total}};
  const nlohmann::json line{
      {"modem", modem_name},
      {"mr", submit.message_reference},
      {"to", pdu.number},
      {"text", pdu.ud.text},
      {"encoding", sms::encoding_name(pdu.coding.alphabet)},
      {"concat", concat},
      {"status_report", pdu.status_report_requested},
      {"pdu", submit.pdu},
      {"tpdu_length", submit.tpdu_length},
  };
  // Replace, not throw, on text that is not UTF-8: a log line must never stop the modem.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace siaran::modemsim
