// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/price_list.h"

#include <algorithm>

#include "daemon/dispatch/operator_prefixes.h"

namespace siaran::daemon {

price_list::price_list(unsigned fallback, operator_prices by_operator, std::vector<priced_channel> channels)
    : fallback_(fallback), by_operator_(std::move(by_operator)), channels_(std::move(channels)) {}

unsigned price_list::price(std::string_view channel_id, std::string_view e164) const {
  const auto channel = std::ranges::find(channels_, channel_id, &priced_channel::id);
  return channel == channels_.end() ? fallback_ : price_on(*channel, e164);
}

double price_list::likely_price(std::string_view e164) const {
  const bool any_on_net = std::ranges::any_of(
      channels_, [&](const priced_channel& c) { return on_net(c.operator_name, e164); });
  double sum = 0;
  int count = 0;
  for (const priced_channel& channel : channels_) {
    if (any_on_net && !on_net(channel.operator_name, e164)) continue;
    sum += price_on(channel, e164);
    ++count;
  }
  return count == 0 ? fallback_ : sum / count;
}

unsigned price_list::price_on(const priced_channel& channel, std::string_view e164) const {
  std::optional<part_price> price = channel.own;
  if (!price) {
    const auto listed = by_operator_.find(channel.operator_name);
    if (listed != by_operator_.end()) price = listed->second;
  }
  if (!price) return fallback_;
  return on_net(channel.operator_name, e164) ? price->on_net : price->off_net;
}

}  // namespace siaran::daemon
