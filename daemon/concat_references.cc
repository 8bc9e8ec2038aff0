// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/concat_references.h"

#include <algorithm>
#include <bitset>
#include <iterator>

namespace siaran::daemon {
namespace {

// Recipients with nothing held any more are forgotten every this many allocations: often enough
// to bound memory after a 50,000-recipient broadcast expires, rarely enough to cost nothing.
constexpr std::size_t sweep_every = 4096;

}  // namespace

concat_reference_allocator::concat_reference_allocator(std::uint32_t seed) : random_(seed) {}

std::uint8_t concat_reference_allocator::allocate(std::string_view recipient, time_point now, time_point expires_at) {
  const std::lock_guard lock(mutex_);
  if (++allocations_since_sweep_ >= sweep_every) forget_expired(now);
  auto [it, first] = recipients_.try_emplace(std::string(recipient));
  recipient_references& r = it->second;
  if (first) r.last = static_cast<std::uint8_t>(random_());
  const std::uint8_t reference = choose(r, now);
  r.last = reference;
  r.held.push_back({reference, expires_at});
  return reference;
}

std::uint8_t concat_reference_allocator::choose(recipient_references& r, time_point now) {
  drop_expired(r, now);
  std::bitset<256> in_use;
  for (const held_reference& h : r.held) in_use.set(h.reference);
  if (in_use.all()) {
    const auto soonest = std::ranges::min_element(r.held, {}, &held_reference::expires_at);
    const std::uint8_t reference = soonest->reference;
    r.held.erase(soonest);
    return reference;
  }
  std::uint8_t reference = r.last;
  do {
    ++reference;
  } while (in_use.test(reference));
  return reference;
}

void concat_reference_allocator::forget_expired(time_point now) {
  allocations_since_sweep_ = 0;
  for (auto it = recipients_.begin(); it != recipients_.end();) {
    drop_expired(it->second, now);
    it = it->second.held.empty() ? recipients_.erase(it) : std::next(it);
  }
}

void concat_reference_allocator::drop_expired(recipient_references& r, time_point now) {
  std::erase_if(r.held, [now](const held_reference& h) { return h.expires_at <= now; });
}

}  // namespace siaran::daemon
