// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/login_limiter.h"

#include <algorithm>

namespace siaran::daemon::accounts {
namespace {

constexpr std::size_t entries_per_attempt = 2;  // the address's, and the (address, name) one

}  // namespace

login_limiter::login_limiter(limiter_policy policy) : policy_(policy) {}

std::optional<std::chrono::seconds> login_limiter::refused(const window& w, queue::timestamp now) const {
  if (w.count < policy_.attempts) return std::nullopt;
  // Rounded up, so a client that waits exactly this long is let in.
  return std::chrono::ceil<std::chrono::seconds>(w.start + policy_.window - now);
}

login_limiter::window& login_limiter::counted(const key& k, queue::timestamp now) {
  window& w = windows_[k];
  if (w.count == 0 || now - w.start >= policy_.window) w = {now, 0};
  return w;
}

std::optional<std::chrono::seconds> login_limiter::refusal_wait(std::string_view address, std::string_view name,
                                                                 queue::timestamp now) {
  if (windows_.size() + entries_per_attempt > policy_.max_entries) forget_old(now);
  window& by_address = counted({std::string(address), std::nullopt}, now);
  window& by_name = counted({std::string(address), std::string(name)}, now);
  const auto wait = std::max(refused(by_address, now), refused(by_name, now));
  if (wait) return wait;
  ++by_address.count;
  ++by_name.count;
  return std::nullopt;
}

void login_limiter::succeeded(std::string_view address, std::string_view name) {
  windows_.erase({std::string(address), std::string(name)});
  const auto by_address = windows_.find({std::string(address), std::nullopt});
  if (by_address != windows_.end() && by_address->second.count > 0) --by_address->second.count;
}

// Windows that have passed count nothing. If that is not enough (a flood from many addresses
// inside one window), the oldest go: they are the closest to being forgotten anyway.
void login_limiter::forget_old(queue::timestamp now) {
  std::erase_if(windows_, [&](const auto& entry) { return now - entry.second.start >= policy_.window; });
  while (!windows_.empty() && windows_.size() + entries_per_attempt > policy_.max_entries) {
    windows_.erase(std::min_element(windows_.begin(), windows_.end(), [](const auto& a, const auto& b) {
      return a.second.start < b.second.start;
    }));
  }
}

}  // namespace siaran::daemon::accounts
