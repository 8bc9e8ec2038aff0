// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The config's `smpp:` binds as the binds take them (smpp/bind_settings.h), with the names each
// may send from and the modem number cadres answer a masked SMS on: the daemon (and `siaran smpp
// test`) wire config/ to smpp/, which knows nothing of the config. Password files are read here,
// once, when siarand starts.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config.h"
#include "smpp/bind_settings.h"

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
  bool simulated = false;  // `host: sim`: its port is the built-in simulator's, chosen at start
  unsigned sim_receipt_delay_ms = 0;
};

// Throws smpp_setup_error.
smpp_entry smpp_entry_for(const config::smpp_config& bind);
// One entry per configured bind, in config order. Throws smpp_setup_error.
std::vector<smpp_entry> smpp_entries(const config::daemon_config& config);

}  // namespace siaran::daemon
