// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/smpp_channels.h"

#include <algorithm>
#include <fstream>

#include "smpp/sim/smsc.h"

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

smpp_entry entry_for(const config::smpp_config& c) {
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

}  // namespace

std::vector<smpp_entry> smpp_entries(const config::daemon_config& config) {
  std::vector<smpp_entry> entries;
  for (const config::smpp_config& c : config.smpp) entries.push_back(entry_for(c));
  return entries;
}

smpp_channels::smpp_channels(asio::io_context& io, std::vector<smpp_entry> entries, const handlers_for& handlers)
    : entries_(std::move(entries)) {
  for (smpp_entry& entry : entries_) {
    if (entry.simulated) {
      smscsim::smsc_settings sim;
      sim.accounts.push_back({entry.settings.system_id, entry.settings.password});
      sim.receipt_delay = std::chrono::milliseconds(entry.sim_receipt_delay_ms);
      auto smsc = std::make_unique<smscsim::smsc>(io, std::move(sim));
      smsc->start();
      entry.settings.port = smsc->port();
      simulators_.push_back(std::move(smsc));
    }
    binds_.push_back(std::make_unique<smpp::bind>(io, entry.settings, handlers(entry.settings.id)));
  }
}

smpp_channels::~smpp_channels() = default;

std::vector<bind_channel> smpp_channels::for_dispatcher() const {
  std::vector<bind_channel> channels;
  for (std::size_t i = 0; i < binds_.size(); ++i) channels.push_back({binds_[i].get(), entries_[i].senders});
  return channels;
}

const smpp_entry* smpp_channels::bind_for_sender(const std::string& sender) const {
  for (const smpp_entry& entry : entries_) {
    if (std::ranges::find(entry.senders, sender) != entry.senders.end()) return &entry;
  }
  return nullptr;
}

void smpp_channels::start() {
  for (const auto& bind : binds_) bind->start();
}

void smpp_channels::stop() {
  for (const auto& bind : binds_) bind->stop();
}

void smpp_channels::stop_simulators() {
  for (const auto& smsc : simulators_) smsc->stop();
}

bool smpp_channels::running() const {
  return std::ranges::any_of(binds_, [](const auto& bind) { return bind->running(); });
}

}  // namespace siaran::daemon
