// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One ESME's TCP connection as the SMSC core sees it: what it is bound as, and a way to hand it
// a deliver_sm. The connection itself (reading, answering, the write queue) is in
// esme_listener.cc, beside the socket it owns.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "smpp/sim/delivery.h"

namespace siaran::smscsim {

enum class bind_kind { transmitter, receiver, transceiver };

class esme_session {
 public:
  virtual ~esme_session() = default;

  virtual std::optional<bind_kind> kind() const = 0;  // none until a bind is accepted
  virtual const std::string& system_id() const = 0;   // the bound account's
  virtual std::size_t deliveries_in_flight() const = 0;

  // Writes it as a deliver_sm; the core hears of its answer (delivery_answered) or of its loss.
  virtual void deliver(delivery item) = 0;
  // deliver_sm unanswered since before `sent_before` are given back to the core as lost.
  virtual void expire_deliveries(std::chrono::steady_clock::time_point sent_before) = 0;
  // Closes the socket now; its deliveries in flight go back to the core.
  virtual void close() = 0;

  // True when bound as a receiver or transceiver of `account` ("" any account).
  bool receives_for(std::string_view account) const {
    const auto bound = kind();
    return bound && *bound != bind_kind::transmitter && (account.empty() || account == system_id());
  }
};

}  // namespace siaran::smscsim
