// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the PDU decoder, with and without the SMSC field. The decoder may
// only answer with a decoded PDU or a codec_error; anything else (a crash, a sanitizer report,
// another exception) is a bug. Decoded text is pushed back through the encoder, which must
// accept it: the decoder only ever produces valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <span>

#include "sms/codec_error.h"
#include "sms/pdu_decoder.h"
#include "sms/submit_encoder.h"

namespace {

void round_trip(const siaran::sms::decoded_pdu& pdu) {
  siaran::sms::submit_request request;
  request.to = "+6281234567890";
  request.text = pdu.ud.text;
  request.concat_reference = 1;
  try {
    siaran::sms::encode_submit(request);
  } catch (const siaran::sms::codec_error&) {
    // Only "more than 255 parts" may be refused, and decoded text is far shorter.
    __builtin_trap();
  }
}

void decode(std::span<const std::uint8_t> octets, bool with_smsc) {
  try {
    round_trip(siaran::sms::decode_pdu(octets, with_smsc));
  } catch (const siaran::sms::codec_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> octets(data, size);
  decode(octets, true);
  decode(octets, false);
  return 0;
}
