// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/smsc.h"

#include "smpp/sim/esme_listener.h"
#include "smpp/sim/smsc_core.h"

namespace siaran::smscsim {

smsc::smsc(asio::io_context& io, smsc_settings settings)
    : core_(std::make_shared<smsc_core>(io, std::move(settings))) {}

smsc::~smsc() { stop(); }

void smsc::start() {
  listener_ = std::make_unique<esme_listener>(core_, core_->settings().listen_address,
                                              core_->settings().port);
  core_->start();
}

std::uint16_t smsc::port() const { return listener_ ? listener_->port() : 0; }

void smsc::stop() {
  if (listener_) listener_->close();
  core_->stop();
}

smsc_status smsc::status() const { return core_->status(); }

std::size_t smsc::inject(const mo_message& message) { return core_->inject(message); }

void smsc::drop_connections() { core_->drop_connections(); }

void smsc::drop_after(unsigned submits) { core_->drop_after(submits); }

void smsc::set_silent(bool silent) { core_->set_silent(silent); }

void smsc::fail_next(unsigned count, std::uint32_t command_status) {
  core_->fail_next(count, command_status);
}

void smsc::set_throttle(unsigned per_second) { core_->set_throttle(per_second); }

void smsc::set_throttle_status(std::uint32_t command_status) {
  core_->set_throttle_status(command_status);
}

void smsc::set_receipt_rules(std::vector<receipt_rule> rules) {
  core_->set_receipt_rules(std::move(rules));
}

void smsc::refuse_binds(bool refuse) { core_->refuse_binds(refuse); }

}  // namespace siaran::smscsim
