// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The registered names SMPP binds send masked SMS from (DESIGN.md "Channels"), and the line
// that tells a cadre which number to answer, since nobody can reply to a name.

#include <optional>
#include <string>
#include <vector>

namespace siaran::daemon::broadcast {

struct registered_sender {
  std::string name;                         // "POKJANALKBB"
  std::optional<std::string> reply_number;  // E.164: the modem that takes the answers
  std::string bind_id;                      // the first bind registered for it: its price
};

// "Balas ke 0812-3456-7890": an Indonesian number as cadres write it, in groups of four; any
// other number as given.
std::string reply_line(const std::string& e164);

// The sender a masked broadcast goes from: `wanted` (the request's, else the officer's default)
// when it is registered, else the first registered one. Throws std::invalid_argument saying what
// is wrong: no bind configured, or a name no bind is registered for.
registered_sender choose_sender(const std::vector<registered_sender>& registered,
                                const std::optional<std::string>& wanted);

}  // namespace siaran::daemon::broadcast
