// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the SMPP codec as the bind's reader meets them: the framing reads
// command_length, then the PDU decodes. Either may only answer with a value or a pdu_error;
// anything else (a crash, a sanitizer report, another exception) is a bug. A decoded PDU must
// encode again and decode to itself. A deliver_sm also goes through what the bind makes of it:
// a receipt or an incoming SMS, each of which may only fail with pdu_error.
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>

#include "smpp/incoming.h"
#include "smpp/pdu.h"
#include "smpp/receipt.h"

namespace {

void round_trip(const siaran::smpp::pdu& message) {
  try {
    if (siaran::smpp::decode(siaran::smpp::encode(message)) != message) __builtin_trap();
  } catch (const siaran::smpp::pdu_error&) {
    __builtin_trap();  // what decoded must encode
  }
}

void convert(const siaran::smpp::pdu& message) {
  const auto* deliver = std::get_if<siaran::smpp::short_message_body>(&message.body);
  if (deliver == nullptr) return;
  try {
    if (siaran::smpp::is_receipt(deliver->esm_class)) {
      siaran::smpp::receipt_of(*deliver).outcome();
    } else {
      siaran::smpp::incoming_of(*deliver);
    }
  } catch (const siaran::smpp::pdu_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> octets(data, size);
  try {
    auto length = siaran::smpp::pdu_length(octets);
    if (length > octets.size()) return 0;
    auto message = siaran::smpp::decode(octets.first(length));
    round_trip(message);
    convert(message);
  } catch (const siaran::smpp::pdu_error&) {
  }
  return 0;
}
