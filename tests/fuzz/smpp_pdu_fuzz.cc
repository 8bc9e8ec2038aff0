// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the SMPP codec as the bind's reader meets them: the framing reads
// command_length, then the PDU decodes. Either may only answer with a value or a pdu_error;
// anything else (a crash, a sanitizer report, another exception) is a bug. A decoded PDU must
// encode again and decode to itself.
#include <cstddef>
#include <cstdint>
#include <span>

#include "smpp/pdu.h"

namespace {

void round_trip(const siaran::smpp::pdu& message) {
  try {
    if (siaran::smpp::decode(siaran::smpp::encode(message)) != message) __builtin_trap();
  } catch (const siaran::smpp::pdu_error&) {
    __builtin_trap();  // what decoded must encode
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> octets(data, size);
  try {
    auto length = siaran::smpp::pdu_length(octets);
    if (length > octets.size()) return 0;
    round_trip(siaran::smpp::decode(octets.first(length)));
  } catch (const siaran::smpp::pdu_error&) {
  }
  return 0;
}
