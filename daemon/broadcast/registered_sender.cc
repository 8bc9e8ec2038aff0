// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/broadcast/registered_sender.h"

#include <stdexcept>

namespace siaran::daemon::broadcast {

std::string reply_line(const std::string& e164) {
  if (e164.rfind("+62", 0) != 0) return "Balas ke " + e164;
  const std::string national = "0" + e164.substr(3);
  std::string grouped = national.substr(0, 4);
  // Groups of four; a last group of one or two joins the one before it.
  std::size_t at = 4;
  while (at < national.size()) {
    const std::size_t left = national.size() - at;
    const std::size_t take = left <= 6 && left > 4 ? left : 4;
    grouped += "-" + national.substr(at, take);
    at += take;
  }
  return "Balas ke " + grouped;
}

registered_sender choose_sender(const std::vector<registered_sender>& registered,
                                const std::optional<std::string>& wanted) {
  if (registered.empty()) throw std::invalid_argument("no SMPP bind is configured (smpp: in the configuration)");
  if (!wanted) return registered.front();
  for (const registered_sender& sender : registered) {
    if (sender.name == *wanted) return sender;
  }
  std::string names;
  for (const registered_sender& sender : registered) names += (names.empty() ? "" : ", ") + sender.name;
  throw std::invalid_argument("sender '" + *wanted + "' is not a registered name of any SMPP bind (registered: " +
                              names + ")");
}

}  // namespace siaran::daemon::broadcast
