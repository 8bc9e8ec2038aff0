// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modem/at/identity_parsers.h"
#include "modem/at/network_parsers.h"
#include "modem/at/storage_parsers.h"
#include "modem/at/stored_message_header.h"

// One pure parser per answer the modem logic reads (STYLE.md, after ModemManager's
// mm_3gpp_parse_*). This header has the SMS service's own answers and includes the others:
// network (registration, signal, operator), storage (+CPMS), stored messages (+CMGL/+CMGR
// headers) and identity. Each takes a line as the channel hands it over (prefix included)
// and returns nullopt for a line it cannot read; none throws.
namespace siaran::at {

// "+CMGS: <mr>[,<scts>]" (27.005 §3.5.1): the message reference, 0-255.
std::optional<int> parse_message_reference(std::string_view line);
// The same from the lines of an AT+CMGS answer: the first "+CMGS:" line that reads.
std::optional<int> message_reference_in(const std::vector<std::string>& lines);

// "+CMTI: <mem>,<index>" / "+CDSI: <mem>,<index>" (27.005 §3.4.1).
struct storage_index {
  std::string memory;
  int index = 0;
};
std::optional<storage_index> parse_storage_index(std::string_view line);

// "+CPIN: <code>" (27.007 §8.3): "READY", "SIM PIN", "SIM PUK", "PH-SIM PIN"...
std::optional<std::string> parse_cpin(std::string_view line);

// "+CSMS: <service>,<mt>,<mo>,<bm>" answering AT+CSMS? (27.005 §3.2.1). Service 1 (phase 2+)
// means +CMT and +CDS must be acknowledged with AT+CNMA.
struct sms_service {
  int service = 0;
  bool mt = false;  // mobile terminated messages supported
  bool mo = false;  // mobile originated
  bool bm = false;  // broadcast
};
std::optional<sms_service> parse_csms(std::string_view line);

// "+CSCA: <sca>[,<tosca>]" answering AT+CSCA? (27.005 §3.3.1): the SMS centre. A modem left
// in the UCS2 character set gives the number as UCS2 hex ("002B0036..." is "+6..."): it comes
// back decoded. An empty number is no centre.
struct service_centre {
  std::string number;
  std::optional<int> type;  // 145 international, 129 unknown/national (24.008 §10.5.4.7)
};
std::optional<service_centre> parse_csca(std::string_view line);

}  // namespace siaran::at
