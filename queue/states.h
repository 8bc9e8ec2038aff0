// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace siaran::queue {

// A part's state (DESIGN.md "Messages and their states"); a message's state is one of the same
// names, derived from its parts. The names are the API's and the database's.
enum class part_state { queued, sending, sent, delivered, failed, uncertain, cancelled };

std::string_view to_string(part_state state);
// Throws store_error for a name that is not a state.
part_state part_state_from(std::string_view name);

// Which channels may send a message (DESIGN.md "Channels"): modems only (answerable), SMPP binds
// only (a registered name), or a bind while one is up and modems otherwise (or the reverse,
// dispatch.auto_prefers). The names are the API's and the database's.
enum class send_via { modem, smpp, automatic };

std::string_view to_string(send_via via);
// Throws store_error for a name that is not one of "modem", "smpp", "auto".
send_via send_via_from(std::string_view name);

// What to do at start-up with parts left in `sending` (config `on_uncertain`).
enum class uncertain_policy { resend, hold };

}  // namespace siaran::queue
