// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What one SMS part costs, in rupiah: the price a broadcast's preview estimates with and the one
// the dispatcher records for each part sent. The sending SIM's operator charges: its on-net
// price when the recipient's number is on the SIM's own network (operator_prefixes.h), its
// off-net price otherwise.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::daemon {

struct part_price {
  unsigned on_net = 0;
  unsigned off_net = 0;
};

// A channel that sends parts: a modem, with its SIM's operator ("" when the config gives none)
// and its own price, if the config gives one (an SMS package).
struct priced_channel {
  std::string id;
  std::string operator_name;
  std::optional<part_price> own;
};

using operator_prices = std::map<std::string, part_price, std::less<>>;

class price_list {
 public:
  price_list() = default;  // prices nothing: every part costs 0
  price_list(unsigned fallback, operator_prices by_operator, std::vector<priced_channel> channels);

  // A part sent on `channel_id` to `e164`: the channel's own price, else its operator's, else
  // the fallback (also for a channel not in the list).
  unsigned price(std::string_view channel_id, std::string_view e164) const;
  // What a part to `e164` will likely cost: the mean price over the channels the dispatcher
  // would choose among (those on-net to it when there are any, which channel_choice.h prefers,
  // else every channel, each as likely as the next); the fallback without channels.
  double likely_price(std::string_view e164) const;

 private:
  unsigned price_on(const priced_channel& channel, std::string_view e164) const;

  unsigned fallback_ = 0;
  operator_prices by_operator_;
  std::vector<priced_channel> channels_;
};

}  // namespace siaran::daemon
