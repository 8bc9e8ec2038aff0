// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/result_code.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <span>

#include "common/ascii.h"
#include "modem/at/text.h"

namespace siaran::at {
namespace {

struct terminator {
  std::string_view text;  // whole line, or prefix when `has_code`
  final_kind kind;
  bool success;
  bool has_code;
};

// The table of final result codes (ofono's gatchat keeps the same list as data).
constexpr std::array terminators{
    terminator{"OK", final_kind::ok, true, false},
    terminator{"ERROR", final_kind::error, false, false},
    terminator{"+CME ERROR:", final_kind::cme_error, false, true},
    terminator{"+CMS ERROR:", final_kind::cms_error, false, true},
    terminator{"NO CARRIER", final_kind::no_carrier, false, false},
    terminator{"NO DIALTONE", final_kind::no_dialtone, false, false},
    terminator{"BUSY", final_kind::busy, false, false},
    terminator{"NO ANSWER", final_kind::no_answer, false, false},
    terminator{"COMMAND NOT SUPPORT", final_kind::command_not_support, false, false},
    terminator{"TOO MANY PARAMETERS", final_kind::too_many_parameters, false, false},
};

struct coded_meaning {
  int code;
  std::string_view meaning;
  failure_class retry;
  failure_source source = failure_source::modem;
};

constexpr auto temporary = failure_class::temporary;
constexpr auto permanent = failure_class::permanent;
constexpr auto of_message = failure_source::message;

// +CMS ERROR codes. 0-127 are RP-Cause values (24.011 §8.2.5.4, 27.005 §3.2.5 refers to
// them), 128-255 TP-FCS values (23.040 §9.2.3.22), 300-500 the ME/TA's own (27.005 §3.2.5).
// Temporary: the network or the recipient is busy, congested, out of order or unreachable
// right now, or the modem/SIM is busy; a later attempt can succeed. Permanent: the number or
// the subscription is wrong or barred, the PDU or the configuration is wrong, or the SIM needs
// a person; resending the same PDU would fail the same way. Of the message: the recipient or
// the PDU, whichever modem sends it; every other code speaks of the sending modem, its SIM or
// its subscription (a prepaid SIM without credit answers 21, 8, 50 or 500, by operator).
constexpr std::array cms_codes{
    coded_meaning{1, "unassigned (unallocated) number", permanent, of_message},
    coded_meaning{8, "operator determined barring", permanent},
    coded_meaning{10, "call barred", permanent},
    coded_meaning{21, "short message transfer rejected", permanent},
    coded_meaning{22, "memory capacity exceeded", temporary, of_message},      // recipient's memory
    coded_meaning{27, "destination out of order", temporary, of_message},      // recipient's phone off
    coded_meaning{28, "unidentified subscriber", permanent, of_message},
    coded_meaning{29, "facility rejected", permanent},
    coded_meaning{30, "unknown subscriber", permanent, of_message},
    coded_meaning{38, "network out of order", temporary},
    coded_meaning{41, "temporary failure", temporary},
    coded_meaning{42, "congestion", temporary},
    coded_meaning{47, "resources unavailable, unspecified", temporary},
    coded_meaning{50, "requested facility not subscribed", permanent},
    coded_meaning{69, "requested facility not implemented", permanent},
    coded_meaning{81, "invalid short message transfer reference value", temporary},
    coded_meaning{95, "invalid message, unspecified", permanent, of_message},
    coded_meaning{96, "invalid mandatory information", permanent, of_message},
    coded_meaning{97, "message type non-existent or not implemented", permanent, of_message},
    coded_meaning{98, "message not compatible with short message protocol state", temporary},
    coded_meaning{99, "information element non-existent or not implemented", permanent, of_message},
    coded_meaning{111, "protocol error, unspecified", temporary},
    coded_meaning{127, "interworking, unspecified", temporary},
    coded_meaning{0x80, "telematic interworking not supported", permanent, of_message},
    coded_meaning{0x81, "short message type 0 not supported", permanent, of_message},
    coded_meaning{0x82, "cannot replace short message", permanent, of_message},
    coded_meaning{0x8F, "unspecified TP-PID error", permanent, of_message},
    coded_meaning{0x90, "data coding scheme (alphabet) not supported", permanent, of_message},
    coded_meaning{0x91, "message class not supported", permanent, of_message},
    coded_meaning{0x9F, "unspecified TP-DCS error", permanent, of_message},
    coded_meaning{0xA0, "command cannot be actioned", permanent, of_message},
    coded_meaning{0xA1, "command unsupported", permanent, of_message},
    coded_meaning{0xAF, "unspecified TP-Command error", permanent, of_message},
    coded_meaning{0xB0, "TPDU not supported", permanent, of_message},
    coded_meaning{0xC0, "SC busy", temporary},
    coded_meaning{0xC1, "no SC subscription", permanent},
    coded_meaning{0xC2, "SC system failure", temporary},
    coded_meaning{0xC3, "invalid SME address", permanent, of_message},
    coded_meaning{0xC4, "destination SME barred", permanent, of_message},
    coded_meaning{0xC5, "SM rejected - duplicate SM", permanent, of_message},
    coded_meaning{0xC6, "TP-VPF not supported", permanent, of_message},
    coded_meaning{0xC7, "TP-VP not supported", permanent, of_message},
    coded_meaning{0xD0, "SIM SMS storage full", temporary},
    coded_meaning{0xD1, "no SMS storage capability in SIM", permanent},
    coded_meaning{0xD2, "error in MS", temporary},
    coded_meaning{0xD3, "memory capacity exceeded", temporary},
    coded_meaning{0xD4, "SIM application toolkit busy", temporary},
    coded_meaning{0xD5, "SIM data download error", temporary},
    coded_meaning{0xFF, "unspecified error cause", temporary},
    coded_meaning{300, "ME failure", temporary},
    coded_meaning{301, "SMS service of ME reserved", permanent},
    coded_meaning{302, "operation not allowed", permanent},
    coded_meaning{303, "operation not supported", permanent},
    coded_meaning{304, "invalid PDU mode parameter", permanent, of_message},
    coded_meaning{305, "invalid text mode parameter", permanent, of_message},
    coded_meaning{310, "SIM not inserted", permanent},
    coded_meaning{311, "SIM PIN required", permanent},
    coded_meaning{312, "PH-SIM PIN required", permanent},
    coded_meaning{313, "SIM failure", permanent},
    coded_meaning{314, "SIM busy", temporary},
    coded_meaning{315, "SIM wrong", permanent},
    coded_meaning{316, "SIM PUK required", permanent},
    coded_meaning{317, "SIM PIN2 required", permanent},
    coded_meaning{318, "SIM PUK2 required", permanent},
    coded_meaning{320, "memory failure", temporary},
    coded_meaning{321, "invalid memory index", permanent},
    coded_meaning{322, "memory full", temporary},
    coded_meaning{330, "SMSC address unknown", permanent},
    coded_meaning{331, "no network service", temporary},
    coded_meaning{332, "network timeout", temporary},
    coded_meaning{340, "no +CNMA acknowledgement expected", permanent},
    // Many modems answer 500 for radio-level failures that pass on their own.
    coded_meaning{500, "unknown error", temporary},
};

// +CME ERROR codes (27.007 §9.2.1 general, §9.2.2 GPRS), same split as above.
constexpr std::array cme_codes{
    coded_meaning{0, "phone failure", temporary},
    coded_meaning{1, "no connection to phone", temporary},
    coded_meaning{2, "phone-adaptor link reserved", temporary},
    coded_meaning{3, "operation not allowed", permanent},
    coded_meaning{4, "operation not supported", permanent},
    coded_meaning{5, "PH-SIM PIN required", permanent},
    coded_meaning{6, "PH-FSIM PIN required", permanent},
    coded_meaning{7, "PH-FSIM PUK required", permanent},
    coded_meaning{10, "SIM not inserted", permanent},
    coded_meaning{11, "SIM PIN required", permanent},
    coded_meaning{12, "SIM PUK required", permanent},
    coded_meaning{13, "SIM failure", permanent},
    coded_meaning{14, "SIM busy", temporary},
    coded_meaning{15, "SIM wrong", permanent},
    coded_meaning{16, "incorrect password", permanent},
    coded_meaning{17, "SIM PIN2 required", permanent},
    coded_meaning{18, "SIM PUK2 required", permanent},
    coded_meaning{20, "memory full", temporary},
    coded_meaning{21, "invalid index", permanent},
    coded_meaning{22, "not found", permanent},
    coded_meaning{23, "memory failure", temporary},
    coded_meaning{24, "text string too long", permanent, of_message},
    coded_meaning{25, "invalid characters in text string", permanent, of_message},
    coded_meaning{26, "dial string too long", permanent, of_message},
    coded_meaning{27, "invalid characters in dial string", permanent, of_message},
    coded_meaning{30, "no network service", temporary},
    coded_meaning{31, "network timeout", temporary},
    coded_meaning{32, "network not allowed - emergency calls only", temporary},
    coded_meaning{40, "network personalization PIN required", permanent},
    coded_meaning{41, "network personalization PUK required", permanent},
    coded_meaning{100, "unknown", temporary},
    coded_meaning{103, "illegal MS", permanent},
    coded_meaning{106, "illegal ME", permanent},
    coded_meaning{107, "GPRS services not allowed", permanent},
    coded_meaning{111, "PLMN not allowed", permanent},
    coded_meaning{112, "location area not allowed", permanent},
    coded_meaning{113, "roaming not allowed in this location area", permanent},
    coded_meaning{134, "service option temporarily out of order", temporary},
    coded_meaning{148, "unspecified GPRS error", temporary},
    // Vendor-specific, but the same on Wavecom/Sierra and SIMCom: "please wait, init or
    // command processing in progress" right after AT+CFUN=1 or power-up.
    coded_meaning{515, "device busy (vendor-specific)", temporary},
};

const coded_meaning* find_code(std::span<const coded_meaning> table, int code) {
  const auto it = std::find_if(table.begin(), table.end(),
                               [&](const coded_meaning& entry) { return entry.code == code; });
  return it == table.end() ? nullptr : &*it;
}

// Verbose mode (AT+CMEE=2) prints the meaning instead of the number; some modems prefix it
// with "(U)" or differ in case, so compare ignoring case and a leading "(U)".
const coded_meaning* find_text(std::span<const coded_meaning> table, std::string_view text) {
  if (text.starts_with("(U)")) text.remove_prefix(3);
  const auto it = std::find_if(table.begin(), table.end(), [&](const coded_meaning& entry) {
    return common::iequals(entry.meaning, text);
  });
  return it == table.end() ? nullptr : &*it;
}

void fill_code(final_result& result, std::string_view detail, std::span<const coded_meaning> table) {
  int code = 0;
  const auto [end, error] = std::from_chars(detail.data(), detail.data() + detail.size(), code);
  if (error == std::errc{} && end == detail.data() + detail.size()) {
    result.code = code;
    const coded_meaning* known = find_code(table, code);
    result.meaning = known ? known->meaning : "";
    return;
  }
  if (const coded_meaning* known = find_text(table, detail)) {
    result.code = known->code;
    result.meaning = known->meaning;
    return;
  }
  result.meaning = detail;  // a vendor's text we do not know: keep it for the log
}

}  // namespace

std::string_view to_string(final_kind kind) {
  for (const terminator& entry : terminators) {
    if (entry.kind == kind) return entry.text;
  }
  return "?";
}

std::optional<final_result> parse_final_result(std::string_view line) {
  line = trim(line);
  for (const terminator& entry : terminators) {
    const bool matches = entry.has_code ? line.starts_with(entry.text) : line == entry.text;
    if (!matches) continue;
    final_result result;
    result.kind = entry.kind;
    result.success = entry.success;
    result.line = line;
    if (entry.has_code) {
      fill_code(result, trim(line.substr(entry.text.size())),
                entry.kind == final_kind::cms_error ? std::span<const coded_meaning>(cms_codes)
                                                    : std::span<const coded_meaning>(cme_codes));
    }
    return result;
  }
  return std::nullopt;
}

std::string_view cms_error_meaning(int code) {
  const coded_meaning* known = find_code(cms_codes, code);
  return known ? known->meaning : "";
}

std::string_view cme_error_meaning(int code) {
  const coded_meaning* known = find_code(cme_codes, code);
  return known ? known->meaning : "";
}

namespace {

// Unknown codes count as temporary: attempts are bounded, so a wrong "temporary" costs a few
// retries, while a wrong "permanent" would drop a message that could have been sent. And they
// speak of the modem: another modem then tries, rather than the message failing.
const coded_meaning& known_or_unknown(std::span<const coded_meaning> table, int code) {
  static constexpr coded_meaning unknown{0, "", failure_class::temporary, failure_source::modem};
  const coded_meaning* known = find_code(table, code);
  return known ? *known : unknown;
}

}  // namespace

failure_class classify_cms_error(int code) { return known_or_unknown(cms_codes, code).retry; }

failure_class classify_cme_error(int code) { return known_or_unknown(cme_codes, code).retry; }

failure_source cms_error_source(int code) { return known_or_unknown(cms_codes, code).source; }

failure_source cme_error_source(int code) { return known_or_unknown(cme_codes, code).source; }

}  // namespace siaran::at
