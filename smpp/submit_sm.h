// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One part as the submit_sm that carries it (§4.4.1): the sender TON 5 when a registered name,
// TON 1/NPI 1 for "+digits", else TON 0/NPI 1; the destination without its '+'; esm_class UDHI
// when the part starts with a header; short_message up to 254 octets, message_payload beyond.

#include "smpp/pdu.h"
#include "smpp/submission.h"

namespace siaran::smpp {

// Sequence number 0 (the connection assigns it). A pdu_error when a field does not fit (a sender
// over 20 characters).
pdu submit_sm_of(const submit_request& request);

}  // namespace siaran::smpp
