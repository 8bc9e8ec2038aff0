// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the simulated SMSC starts: where it listens, whom it lets bind, how fast it accepts, when
// its receipts come. Plain values; the faults and the rules can change later (smsc.h).

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "smpp/pdu.h"
#include "smpp/sim/receipt_rules.h"

namespace siaran::smscsim {

struct account {
  std::string system_id;
  std::string password;
};

struct smsc_settings {
  std::string listen_address = "127.0.0.1";
  std::uint16_t port = 0;               // 0: an ephemeral port, see smsc::port()
  std::string system_id = "SIARANSIM";  // in every bind_*_resp
  std::vector<account> accounts;        // empty: every system_id and password may bind
  unsigned throttle = 0;  // submits accepted per sliding second over all binds; 0: no limit
  std::uint32_t throttle_status = smpp::status::throttled;  // or message_queue_full
  std::chrono::milliseconds receipt_delay{1000};            // for numbers no rule names
  std::vector<receipt_rule> receipt_rules;
  // A deliver_sm answered with an error (or not within the timeout) is delivered again this
  // much later, to whichever receiving bind of the account is up then.
  std::chrono::milliseconds redelivery_delay{2000};
  std::chrono::milliseconds response_timeout{10000};
  unsigned delivery_window = 10;  // deliver_sm awaiting their answer, per bind
  // Each accepted submit_sm as a JSON line (send_log.h), before its submit_sm_resp is written.
  std::function<void(std::string_view line)> send_log;
};

}  // namespace siaran::smscsim
