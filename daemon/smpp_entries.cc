// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/smpp_entries.h"

#include <fstream>

namespace siaran::daemon {
namespace {

// The password is the file's first line (a trailing newline or CR is not part of it).
std::string read_password(const std::string& file, const std::string& bind_id) {
  std::ifstream in(file);
  std::string password;
  if (!in || !std::getline(in, password)) {
    throw smpp_setup_error("smpp " + bind_id + ": cannot read password_file " + file +
                           " (it must exist, be readable by siarand and hold the password on its first line)");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

smpp_entry smpp_entry_for(const config::smpp_config& c) {
  smpp_entry entry;
  entry.settings.id = c.id;
  entry.settings.host = c.simulated() ? "127.0.0.1" : c.host;
  entry.settings.port = static_cast<std::uint16_t>(c.port);
  entry.settings.system_id = c.system_id;
  if (!c.password_file.empty()) entry.settings.password = read_password(c.password_file, c.id);
  entry.settings.system_type = c.system_type;
  entry.settings.mode = c.bind == config::smpp_config::bind_kind::transceiver ? smpp::bind_mode::transceiver
                                                                              : smpp::bind_mode::transmitter_receiver;
  entry.settings.window = c.window;
  entry.settings.rate_per_second = c.rate_per_second;
  entry.settings.enquire_link = c.enquire_link;
  entry.senders = c.senders;
  entry.reply_number = c.reply_number;
  entry.simulated = c.simulated();
  entry.sim_receipt_delay_ms = c.sim_receipt_delay_ms;
  return entry;
}

std::vector<smpp_entry> smpp_entries(const config::daemon_config& config) {
  std::vector<smpp_entry> entries;
  for (const config::smpp_config& c : config.smpp) entries.push_back(smpp_entry_for(c));
  return entries;
}

}  // namespace siaran::daemon
