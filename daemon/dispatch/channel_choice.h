// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which queued part goes to which idle channel (a modem, or an SMPP bind) in one dispatch round.
// Pure: the dispatcher passes the claimed parts and a snapshot of the channels and sends what
// comes back.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "queue/states.h"

namespace siaran::daemon {

// A due, queued part, in claim order (priority descending, then oldest).
struct candidate {
  std::int64_t part_id = 0;
  std::string recipient;  // E.164
  int priority = 0;
  std::optional<std::string> pinned_modem;  // later parts of a multipart message follow the first
  // Sent again after this modem did not reach the recipient (a follow-up broadcast): another
  // modem, on another network when known, while another can send; the sticky modem gives way.
  std::optional<std::string> avoid_modem;
  queue::send_via via = queue::send_via::modem;  // which kinds of channel may send it
  std::optional<std::string> sender;  // the registered name a bind must be able to send it from
};

struct channel_slot {
  std::string id;
  std::string operator_name;  // "" when the config gives none
  bool idle = false;          // ready, nothing in flight, under its per-minute cap
  bool healthy = false;       // not failed nor resting (one busy or initialising may be waited for)
  // An SMPP bind: takes only parts that may go by SMPP from a name it is registered for, up to
  // `room` in one round (its window less what it has in flight); never a sticky choice.
  bool bind = false;
  std::size_t room = 0;
  std::vector<std::string> senders;
};

// Indexes into the candidates and the modems passed to choose_channels.
struct assignment {
  std::size_t candidate = 0;
  std::size_t modem = 0;
};

// Recipient -> the modem it last received from (replies come back to that SIM, DESIGN.md
// "Replies find their officer").
using sticky_modems = std::unordered_map<std::string, std::string>;

// Assigns at most `max_assignments` (the throttle's tokens) candidates, each to a distinct idle
// modem or to a bind with room, in candidate order, so a lower-priority candidate is never
// assigned while a higher-priority one that could go now is left waiting. A candidate goes only
// to the kind its `via` allows; `auto` to a bind while one registered for its sender is healthy
// and to modems otherwise, or the reverse when `auto_prefers_modems`. Per candidate:
// - pinned to a healthy modem: only that modem; skipped while it is busy. A pinned modem that is
//   unhealthy or unknown is ignored (the part goes elsewhere rather than never);
// - else sticky to a healthy modem (not the one it avoids): the same, waiting for it while busy;
// - else, avoiding a modem while another is healthy: a free other one, on another network than
//   the avoided one's first, then on the recipient's; waiting while the others are busy;
// - else the first idle modem on the recipient's network (on_net), else the first idle modem.
// "First" counts from modem `start` and wraps: the caller advances `start` each round so that at
// low rates the work spreads over the pool instead of all landing on modem 0.
std::vector<assignment> choose_channels(const std::vector<candidate>& candidates,
                                        const std::vector<channel_slot>& modems, const sticky_modems& sticky,
                                        std::size_t max_assignments, std::size_t start,
                                        bool auto_prefers_modems = false);

}  // namespace siaran::daemon
