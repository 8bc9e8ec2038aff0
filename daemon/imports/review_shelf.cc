// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/imports/review_shelf.h"

#include <algorithm>
#include <utility>

namespace siaran::daemon::imports {

void review_shelf::forget_expired(queue::timestamp now) {
  std::erase_if(kept_, [now](const kept& k) { return now - k.at >= kept_for; });
}

std::int64_t review_shelf::keep(const std::string& owner, import_review review, queue::timestamp now) {
  const std::lock_guard lock(mutex_);
  forget_expired(now);
  std::erase_if(kept_, [&owner](const kept& k) { return k.owner == owner; });
  if (kept_.size() >= capacity) kept_.pop_front();
  const auto id = next_id_++;
  kept_.push_back({id, owner, now, std::move(review)});
  return id;
}

std::optional<import_review> review_shelf::take(std::int64_t id, const std::string& owner, queue::timestamp now) {
  const std::lock_guard lock(mutex_);
  forget_expired(now);
  const auto found = std::find_if(kept_.begin(), kept_.end(), [&](const kept& k) { return k.id == id; });
  if (found == kept_.end() || found->owner != owner) return std::nullopt;
  auto review = std::move(found->review);
  kept_.erase(found);
  return review;
}

}  // namespace siaran::daemon::imports
