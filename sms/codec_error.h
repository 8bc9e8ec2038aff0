// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace siaran::sms {

// The one error every codec function throws. The message names what was being decoded or
// encoded, where (octet offset into the PDU when there is one) and what was wrong.
class codec_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace siaran::sms
