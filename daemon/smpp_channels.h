// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SMPP binds of the config (DESIGN.md "Channels", smpp_entries.h). A `host: sim` bind talks
// to a simulated SMSC that the daemon runs itself on a loopback port (smpp/sim), as `port: sim`
// modems do.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "daemon/dispatcher.h"
#include "daemon/smpp_entries.h"
#include "smpp/bind.h"

namespace siaran::smscsim {
class smsc;
}

namespace siaran::daemon {

class smpp_channels {
 public:
  using handlers_for = std::function<smpp::bind_handlers(const std::string& bind_id)>;

  // Starts the simulated SMSCs at once (they choose their ports); binds start with start().
  smpp_channels(asio::io_context& io, std::vector<smpp_entry> entries, const handlers_for& handlers);
  ~smpp_channels();
  smpp_channels(const smpp_channels&) = delete;
  smpp_channels& operator=(const smpp_channels&) = delete;

  void start();
  // Unbinds every bind; run the io_context until running() is false, then stop the simulators
  // (a bind that unbinds from a stopped SMSC waits for an answer that never comes).
  void stop();
  bool running() const;
  void stop_simulators();

  const std::vector<smpp_entry>& entries() const { return entries_; }
  const std::vector<std::unique_ptr<smpp::bind>>& binds() const { return binds_; }
  std::vector<bind_channel> for_dispatcher() const;

 private:
  std::vector<smpp_entry> entries_;
  std::vector<std::unique_ptr<smscsim::smsc>> simulators_;
  std::vector<std::unique_ptr<smpp::bind>> binds_;
};

}  // namespace siaran::daemon
