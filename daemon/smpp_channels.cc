// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/smpp_channels.h"

#include <algorithm>

#include "smpp/sim/smsc.h"

namespace siaran::daemon {

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
  for (std::size_t i = 0; i < binds_.size(); ++i) channels.push_back({binds_[i].get(), entries_[i].senders, entries_[i].settings.window});
  return channels;
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
