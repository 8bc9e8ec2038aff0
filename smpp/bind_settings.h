// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One SMPP account as the bind needs it: plain values, so smpp/ knows nothing of the config
// that names them (the daemon converts).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace siaran::smpp {

enum class bind_mode { transceiver, transmitter_receiver };

struct bind_settings {
  std::string id;  // the channel's id: logs, the store's parts, the API
  std::string host = "127.0.0.1";
  std::uint16_t port = 2775;
  std::string system_id;
  std::string password;  // secret: never logged
  std::string system_type;
  bind_mode mode = bind_mode::transceiver;
  unsigned window = 10;          // submits awaiting their submit_sm_resp
  double rate_per_second = 50;   // this bind's own cap; 0: none (the global throttle still holds)
  std::chrono::seconds enquire_link{30};
  std::chrono::seconds response_timeout{10};  // an answer not come by then: the link is dead
  std::chrono::seconds rebind_min{1};         // backoff between binds, doubled up to max
  std::chrono::seconds rebind_max{120};
};

}  // namespace siaran::smpp
