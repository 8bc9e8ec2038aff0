// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string>

#include "sms/pdu_decoder.h"

namespace siaran::sms {

// Joins the decoded parts of one concatenated message (TS 23.040 §9.2.3.24.1) into its text,
// in part order whatever order they arrived in. The parts must form a complete set: the same
// reference, total and sender, every part number from 1 to the total exactly once. A single
// part without a concatenation header is its own message. Anything else is a codec_error
// (the caller waits for missing parts; this function only joins complete sets).
std::string reassemble(std::span<const decoded_pdu> parts);

}  // namespace siaran::sms
