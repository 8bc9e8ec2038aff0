// SPDX-License-Identifier: GPL-3.0-or-later
// The USSD half of the interpreter (27.007 §7.15): the SIM's balance code answered as each
// Indonesian operator words it, the answer arriving as +CUSD some time after OK.
#include <algorithm>
#include <array>
#include <string>

#include "modem/sim/interpreter.h"
#include "sms/hex.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::modemsim {
namespace {

using form = extended_command::form;

// "12345" -> "12.345", as the operators write rupiah.
std::string with_thousands_dots(std::int64_t rupiah) {
  std::string digits = std::to_string(rupiah);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ".");
  return digits;
}

struct operator_style {
  std::string_view name;  // as AT+COPS? shows it
  std::string_view balance_code;
  int status;  // Telkomsel and XL show a menu under the balance and wait for a choice
  std::string (*words)(std::int64_t rupiah);
};

// Worded after answers captured from real SIMs (tests/unit/modem/ussd_answers_test.cc).
constexpr std::array<operator_style, 6> styles{{
    {"TELKOMSEL", "*888#", 1,
     [](std::int64_t r) { return "Sisa pulsa Rp." + std::to_string(r) + ".Aktif sd 31/12/2026.\n1.Paket\n2.Info Kartu"; }},
    {"INDOSAT", "*555#", 0,
     [](std::int64_t r) { return "PulsaUTAMA Rp." + std::to_string(r) + ". Aktif 31.12.26, Tenggang 30.01.27."; }},
    {"XL", "*123#", 1,
     [](std::int64_t r) { return "Pulsa " + std::to_string(r) + " s.d 31Dec26. Pilih 1 Paket 2 Info"; }},
    {"AXIS", "*123#", 1,
     [](std::int64_t r) { return "Pulsa " + std::to_string(r) + " s.d 31Dec26. Pilih 1 Paket 2 Info"; }},
    {"TRI", "*111#", 0,
     [](std::int64_t r) { return "Sisa Pulsa Rp" + with_thousands_dots(r) + ". Aktif s.d 31/12/2026"; }},
    {"SMARTFREN", "*999#", 0,
     [](std::int64_t r) { return "Pulsa Anda Rp " + with_thousands_dots(r) + ". Aktif s/d 31-12-2026"; }},
}};

const operator_style* style_of(std::string_view operator_name) {
  const auto found = std::find_if(styles.begin(), styles.end(),
                                  [&](const operator_style& s) { return s.name == operator_name; });
  return found == styles.end() ? nullptr : &*found;
}

// dcs 15: GSM 7-bit, language unspecified; 72 (0x48): UCS2 (TS 23.038 §5).
// A GSM text keeps its line breaks as the serial line carries them, so the answer spans lines.
std::string cusd_line(int status, const std::string& text, bool ucs2) {
  if (!ucs2) {
    std::string crlf;
    for (const char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return "+CUSD: " + std::to_string(status) + ",\"" + crlf + "\",15";
  }
  return "+CUSD: " + std::to_string(status) + ",\"" + sms::hex_encode(sms::ucs2_encode(sms::utf8_decode(text))) +
         "\",72";
}

}  // namespace

void interpreter::do_cusd(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CUSD: (0-2)"});
  if (command.kind == form::query) return answer({"+CUSD: 0"});
  if (!require_sim()) return;
  const std::optional<int> n = int_arg(command.args, 0);
  if (n == 2 || command.args.size() < 2) return answer({});  // cancel, or presentation only
  if (registration_status() != 1) return cme_error(30);       // no network service
  answer({});
  const operator_style* style = style_of(settings_.operator_name);
  std::string line;
  if (!style || style->balance_code != command.args[1]) {
    line = "+CUSD: 4";  // 27.007 §7.15: operation not supported
  } else {
    line = cusd_line(style->status, style->words(settings_.balance), settings_.ussd_ucs2);
  }
  events_.push_back({now_ + settings_.ussd_delay, [this, line](sim_time at) { emit_line(line, at); }});
}

}  // namespace siaran::modemsim
