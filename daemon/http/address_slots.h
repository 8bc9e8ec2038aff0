// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cap per client address on something the server holds for it (open connections, requests
// in progress), so that one PC on the office LAN, or a virus on it, cannot take every place and
// starve the others. Used on the I/O thread only.

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace siaran::daemon::http {

class address_slots {
 public:
  // One place held for an address, given back when destroyed.
  class ticket {
   public:
    ticket(ticket&& other) noexcept;
    ticket& operator=(ticket&&) = delete;
    ~ticket();

   private:
    friend class address_slots;
    ticket(address_slots& owner, std::string address);
    address_slots* owner_;
    std::string address_;
  };

  explicit address_slots(std::size_t per_address) : per_address_(per_address) {}
  address_slots(const address_slots&) = delete;
  address_slots& operator=(const address_slots&) = delete;

  // A place for `address`, or nothing when it already holds per_address of them.
  std::optional<ticket> take(const std::string& address);
  std::size_t held(const std::string& address) const;
  std::size_t limit() const { return per_address_; }

 private:
  void give_back(const std::string& address);

  std::size_t per_address_;
  std::map<std::string, std::size_t> held_;  // only addresses holding at least one place
};

}  // namespace siaran::daemon::http
