// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "modem/modem.h"
#include "modem/port_list.h"

namespace siaran::tools {

// The JSON shapes `siaran modem` prints. Field names are an interface: add, never rename.
nlohmann::json port_json(const modem::port_info& port);
nlohmann::json status_json(const modem::modem_status& status);
nlohmann::json report_json(const modem::status_report& report);
// One whole message (all its parts reassembled).
nlohmann::json message_json(const sms::decoded_pdu& first_part, const std::string& text, std::size_t parts);
// The network's answer to a USSD code, with the balance read from it (null when it says none).
nlohmann::json ussd_json(const std::string& code, const modem::ussd_reply& reply);

}  // namespace siaran::tools
