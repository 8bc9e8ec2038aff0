// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/urc_registry.h"

#include <utility>

#include "modem/at/text.h"

namespace siaran::at {
namespace {

bool matches(const urc_spec& spec, std::string_view line) {
  if (spec.prefix.ends_with(':')) return line.starts_with(spec.prefix);
  return line == spec.prefix;
}

}  // namespace

urc_registry urc_registry::standard() {
  urc_registry registry;
  for (const char* prefix : {
           // 27.005 §3.4.1 new-message indications (AT+CNMI=2,1,2,1,0 and fallbacks).
           "+CMTI:", "+CDSI:",
           // 27.007 §7.2, §10.1.20, §10.1.22 registration; the solicited answer to AT+CREG?
           // has the same prefix and goes to the command that expects it.
           "+CREG:", "+CGREG:", "+CEREG:", "+C5GREG:",
           // Calls and USSD: a gateway ignores them but must not mistake them for answers.
           "RING", "+CLIP:", "+CRING:", "+CUSD:",
           // Huawei (E173, E3131, K3715...): signal, mode, boot and service noise.
           "^RSSI:", "^MODE:", "^BOOT:", "^HCSQ:", "^SRVST:", "^SIMST:", "^DSFLOWRPT:",
           "^CEND:", "^ORIG:", "^CONF:", "^CONN:", "^STIN:",
           // SIMCom SIM800/SIM7600 and Quectel start-up announcements; Huawei E3372's.
           "+PBREADY", "RDY", "SMS Ready", "Call Ready", "+CPIN:", "+CFUN: 1", "+QIND:", "^SYSSTART",
           // ZTE (K3565-Z, MF series) network noise, seen between a PDU and its +CMGS.
           "+ZDONR:", "+ZPASR:", "+ZUSIMR:", "+ZEND",
       }) {
    registry.add({prefix, false});
  }
  // 27.005 §3.4.1: in PDU mode the SMS-DELIVER / SMS-STATUS-REPORT follows on the next line.
  registry.add({"+CMT:", true});
  registry.add({"+CDS:", true});
  return registry;
}

void urc_registry::add(urc_spec spec) { specs_.push_back(std::move(spec)); }

const urc_spec* urc_registry::match(std::string_view line) const {
  line = trim(line);
  for (const urc_spec& spec : specs_) {
    if (matches(spec, line)) return &spec;
  }
  return nullptr;
}

std::vector<std::string> urc_registry::pdu_prefixes() const {
  std::vector<std::string> prefixes;
  for (const urc_spec& spec : specs_) {
    if (spec.pdu_follows) prefixes.push_back(spec.prefix);
  }
  return prefixes;
}

}  // namespace siaran::at
