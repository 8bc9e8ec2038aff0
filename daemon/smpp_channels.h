// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The config's `smpp:` binds (DESIGN.md "Channels"), each with the names it may send from and
// the modem number cadres answer a masked SMS on. A `host: sim` bind talks to a simulated SMSC
// that the daemon runs itself on a loopback port (smpp/sim), as `port: sim` modems do.
// Password files are read here, once, when siarand starts.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config.h"
#include "daemon/dispatcher.h"
#include "smpp/bind.h"
#include "smpp/bind_settings.h"

namespace siaran::smscsim {
class smsc;
}

namespace siaran::daemon {

// A password file that cannot be read: siarand refuses to start, naming the file.
class smpp_setup_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct smpp_entry {
  smpp::bind_settings settings;
  std::vector<std::string> senders;
  std::optional<std::string> reply_number;
  bool simulated = false;
  unsigned sim_receipt_delay_ms = 0;
};

// One entry per configured bind, in config order. Throws smpp_setup_error.
std::vector<smpp_entry> smpp_entries(const config::daemon_config& config);

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
  // The entry of the first bind registered for `sender`, if any.
  const smpp_entry* bind_for_sender(const std::string& sender) const;

 private:
  std::vector<smpp_entry> entries_;
  std::vector<std::unique_ptr<smscsim::smsc>> simulators_;
  std::vector<std::unique_ptr<smpp::bind>> binds_;
};

}  // namespace siaran::daemon
