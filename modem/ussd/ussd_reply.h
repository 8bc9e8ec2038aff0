// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace siaran::modem {

// What the network answered to a USSD code (modem::ussd).
struct ussd_reply {
  int status = 0;           // +CUSD <m>: 0 done, 1 the network waits for a choice, 2 ended...
  std::string text;         // decoded, UTF-8
  std::string raw;          // the +CUSD answer as the modem gave it, kept for what we cannot read
  std::optional<int> dcs;
};

struct ussd_outcome {
  std::optional<ussd_reply> reply;
  std::string error;  // when there is no reply: what failed, for the log and the API
  bool ok() const { return reply.has_value(); }
};

}  // namespace siaran::modem
