// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The reference that ties the parts of one long SMS together (3GPP TS 23.040 9.2.3.24.1, eight
// bits). A phone joins parts by sender and reference, so two long messages to one phone that are
// in flight at once must carry different references, whichever part of the daemon queued them:
// the API, a broadcast or the inbox's answers all take theirs from the one allocator the daemon
// owns.
//
// "In flight" is taken as "not yet expired": a message not sent by its expiry is never sent, so
// a reference stays held for its recipient until the message's expiry (send_at + valid_for).
// That holds a reference longer than a message sent at once needs, but it needs no word from the
// store or the channels, and a phone would need 256 long messages within one validity to run
// out. References are held per recipient rather than per (channel, recipient): the dispatcher
// picks the channel after the message is queued, and a reference unique per recipient is unique
// per channel and recipient too. The allocator knows what this process allocated, no more: after
// a restart each recipient's first reference is drawn at random, so a clash with a message queued
// before the restart is unlikely (1 in 256) rather than certain.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace siaran::daemon {

class concat_reference_allocator {
 public:
  using time_point = std::chrono::sys_time<std::chrono::milliseconds>;

  // `seed` draws each recipient's first reference; tests fix it.
  explicit concat_reference_allocator(std::uint32_t seed = std::random_device{}());

  // A reference no message to `recipient` in flight at `now` holds, held from now until
  // `expires_at`. When all 256 are held, the one whose message expires first is reused.
  // Safe to call from any thread: broadcasts may be prepared off the I/O thread.
  std::uint8_t allocate(std::string_view recipient, time_point now, time_point expires_at);

 private:
  struct held_reference {
    std::uint8_t reference = 0;
    time_point expires_at;
  };
  struct recipient_references {
    std::uint8_t last = 0;  // the next one tried is last + 1, so references go round in turn
    std::vector<held_reference> held;
  };

  std::uint8_t choose(recipient_references& r, time_point now);
  void forget_expired(time_point now);
  static void drop_expired(recipient_references& r, time_point now);

  std::mutex mutex_;
  std::minstd_rand random_;
  std::unordered_map<std::string, recipient_references> recipients_;
  std::size_t allocations_since_sweep_ = 0;
};

}  // namespace siaran::daemon
