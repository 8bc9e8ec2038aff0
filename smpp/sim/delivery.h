// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A deliver_sm the SMSC owes an ESME: a receipt or an incoming SMS part. It waits in the core
// until it is due and a receiving bind of its account is up, and goes back there until the ESME
// acknowledges it.

#include <chrono>
#include <cstdint>
#include <string>

#include "smpp/pdu.h"

namespace siaran::smscsim {

struct delivery {
  std::string system_id;  // the account it is for; "" any receiving bind
  bool receipt = false;
  smpp::short_message_body body;
  std::chrono::steady_clock::time_point due;
};

}  // namespace siaran::smscsim
