// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/price_list_of.h"

#include "daemon/modem_entries.h"

namespace siaran::daemon {
namespace {

part_price price_of(const config::part_price& price) { return {price.on_net, price.off_net}; }

}  // namespace

price_list price_list_of(const config::daemon_config& config) {
  operator_prices by_operator;
  for (const auto& [op, price] : config.prices.operators) by_operator.emplace(config::to_string(op), price_of(price));
  std::vector<priced_channel> channels;
  for (const config::modem_config& modem : config.modems) {
    std::optional<part_price> own;
    if (modem.price) own = price_of(*modem.price);
    channels.push_back({modem.id, modem_entry_for(modem).operator_name, own});
  }
  for (const config::smpp_config& bind : config.smpp) {
    std::optional<part_price> own;
    if (bind.price) own = price_of(*bind.price);
    channels.push_back({bind.id, "", own});
  }
  return {config.prices.default_price, std::move(by_operator), std::move(channels)};
}

}  // namespace siaran::daemon
