// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/address_slots.h"

#include <utility>

namespace siaran::daemon::http {

address_slots::ticket::ticket(address_slots& owner, std::string address)
    : owner_(&owner), address_(std::move(address)) {}

address_slots::ticket::ticket(ticket&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), address_(std::move(other.address_)) {}

address_slots::ticket::~ticket() {
  if (owner_ != nullptr) owner_->give_back(address_);
}

std::optional<address_slots::ticket> address_slots::take(const std::string& address) {
  if (per_address_ == 0) return std::nullopt;
  std::size_t& count = held_[address];
  if (count >= per_address_) return std::nullopt;
  ++count;
  return ticket(*this, address);
}

std::size_t address_slots::held(const std::string& address) const {
  const auto found = held_.find(address);
  return found == held_.end() ? 0 : found->second;
}

void address_slots::give_back(const std::string& address) {
  const auto found = held_.find(address);
  if (found == held_.end()) return;
  // Forgotten at zero: a scan from many addresses leaves nothing behind.
  if (--found->second == 0) held_.erase(found);
}

}  // namespace siaran::daemon::http
