// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/login_limiter.h"

#include <algorithm>

namespace siaran::daemon::accounts {
namespace {

constexpr std::size_t entries_per_attempt = 3;  // the pair's, the address's and the name's

}  // namespace

login_limiter::login_limiter(queue::login_window_book& store, clock wall, steady_time now, limiter_policy policy)
    : store_(store), wall_(std::move(wall)), policy_(policy) {
  const queue::timestamp wall_now = wall_();
  std::vector<key> gone;
  for (const queue::login_window& stored : store_.all()) {
    // A wall clock set back while the daemon was down reads as no time passed (the wait is one
    // window at most), one set forward as the window having passed.
    const auto passed = std::clamp<std::chrono::milliseconds>(wall_now - stored.started_at,
                                                              std::chrono::milliseconds::zero(), policy_.window);
    if (passed >= policy_.window || windows_.size() >= policy_.max_entries) {
      gone.push_back(stored.key);
    } else {
      windows_[stored.key] = {now - passed, stored.failures};
    }
  }
  store_.save({}, gone);
}

std::vector<login_limiter::key> login_limiter::keys_of(std::string_view address, std::string_view name) {
  return {{queue::login_scope::pair, std::string(address), std::string(name)},
          {queue::login_scope::address, std::string(address), {}},
          {queue::login_scope::name, {}, std::string(name)}};
}

int login_limiter::budget(const key& k) const {
  switch (k.scope) {
    case queue::login_scope::pair: return policy_.per_name_at_address;
    case queue::login_scope::address: return policy_.per_address;
    case queue::login_scope::name: return policy_.per_name;
  }
  return policy_.per_name_at_address;
}

std::optional<std::chrono::seconds> login_limiter::refused(const key& k, const window& w, steady_time now) const {
  if (w.failures < budget(k)) return std::nullopt;
  // Rounded up, so a client that waits exactly this long is let in.
  return std::chrono::ceil<std::chrono::seconds>(w.start + policy_.window - now);
}

login_limiter::window& login_limiter::counted(const key& k, steady_time now) {
  window& w = windows_[k];
  if (w.failures == 0 || now - w.start >= policy_.window) w = {now, 0};
  return w;
}

std::optional<std::chrono::seconds> login_limiter::refusal_wait(std::string_view address, std::string_view name,
                                                                 steady_time now) {
  std::vector<key> gone;
  if (windows_.size() + entries_per_attempt > policy_.max_entries) gone = forget_old(now);
  const std::vector<key> keys = keys_of(address, name);
  std::optional<std::chrono::seconds> wait;
  for (const key& k : keys) wait = std::max(wait, refused(k, counted(k, now), now));
  if (wait) {
    save({}, gone, now);
    return wait;
  }
  for (const key& k : keys) ++windows_[k].failures;
  save(keys, gone, now);
  return std::nullopt;
}

void login_limiter::succeeded(std::string_view address, std::string_view name, steady_time now) {
  const std::vector<key> keys = keys_of(address, name);
  windows_.erase(keys.front());
  std::vector<key> changed;
  for (auto k = keys.begin() + 1; k != keys.end(); ++k) {
    const auto found = windows_.find(*k);
    if (found == windows_.end() || found->second.failures == 0) continue;
    --found->second.failures;
    changed.push_back(*k);
  }
  save(changed, {keys.front()}, now);
}

// Windows that have passed count nothing. If that is not enough (a flood from many addresses
// inside one window), the oldest go: they are the closest to being forgotten anyway.
std::vector<login_limiter::key> login_limiter::forget_old(steady_time now) {
  std::vector<key> gone;
  for (auto w = windows_.begin(); w != windows_.end();) {
    if (now - w->second.start < policy_.window) {
      ++w;
      continue;
    }
    gone.push_back(w->first);
    w = windows_.erase(w);
  }
  while (!windows_.empty() && windows_.size() + entries_per_attempt > policy_.max_entries) {
    const auto oldest = std::min_element(windows_.begin(), windows_.end(), [](const auto& a, const auto& b) {
      return a.second.start < b.second.start;
    });
    gone.push_back(oldest->first);
    windows_.erase(oldest);
  }
  return gone;
}

// Stored with the wall-clock time each window began, as far as the monotonic clock says.
void login_limiter::save(const std::vector<key>& changed, const std::vector<key>& gone, steady_time now) {
  const queue::timestamp wall_now = wall_();
  std::vector<queue::login_window> rows;
  for (const key& k : changed) {
    const window& w = windows_.at(k);
    rows.push_back({k, w.failures, wall_now - std::chrono::duration_cast<std::chrono::milliseconds>(now - w.start)});
  }
  store_.save(rows, gone);
}

}  // namespace siaran::daemon::accounts
