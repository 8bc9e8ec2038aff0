// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulated SMSC's TCP side: the listening socket, and one session per ESME connection
// that reads PDUs, answers them as the core decides, and writes deliver_sm the core hands it.

#include <cstdint>
#include <memory>
#include <string>

#include "smpp/sim/smsc_core.h"

namespace siaran::smscsim {

class esme_listener {
 public:
  // Listens at once; std::system_error when the address cannot be bound.
  esme_listener(std::shared_ptr<smsc_core> core, const std::string& address, std::uint16_t port);
  ~esme_listener();
  esme_listener(const esme_listener&) = delete;
  esme_listener& operator=(const esme_listener&) = delete;

  std::uint16_t port() const;
  void close();  // stops accepting; the sessions are the core's to close

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace siaran::smscsim
