// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the simulated SMSC has done and how it stands now: for tests, the control protocol's
// {"status": true}, and the benchmark.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace siaran::smscsim {

struct smsc_counts {
  std::uint64_t connections = 0;    // TCP connections accepted
  std::uint64_t binds = 0;          // binds accepted
  std::uint64_t bind_refusals = 0;  // binds answered with an error
  std::uint64_t submits = 0;        // submit_sm accepted: each one is in the send log
  std::uint64_t refused = 0;        // submit_sm refused as invalid
  std::uint64_t throttled = 0;      // submit_sm answered with the throttling status
  std::uint64_t failed = 0;         // submit_sm answered with an error by fail_next
  std::uint64_t unanswered = 0;     // submit_sm read and never answered (silence, drop_after)
  std::uint64_t receipts = 0;       // receipts acknowledged by the ESME
  std::uint64_t messages = 0;       // incoming SMS (parts) acknowledged by the ESME
  std::uint64_t redeliveries = 0;   // deliver_sm refused or unanswered, to be delivered again
  std::uint64_t generic_nacks = 0;  // generic_nack sent
  std::uint64_t enquire_links = 0;  // enquire_link answered
  std::uint64_t drops = 0;          // connections dropped by a fault
};

struct smsc_status {
  smsc_counts counts;
  std::size_t bound = 0;      // sessions bound now
  std::size_t pending = 0;    // deliver_sm waiting for a receiving bind or for their time
  std::size_t in_flight = 0;  // deliver_sm written and awaiting their answer
  unsigned throttle = 0;      // submits per second; 0: none
  bool silent = false;
  bool refusing_binds = false;
  std::optional<unsigned> drop_after;  // submits still to read before every connection drops
  unsigned failing = 0;                // submits still to answer with the fail_next status
};

}  // namespace siaran::smscsim
