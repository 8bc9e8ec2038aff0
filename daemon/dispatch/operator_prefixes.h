// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which Indonesian mobile network a number belongs to, for operator-aware routing: an SMS sent
// from a SIM on the recipient's own network (on-net) is cheaper (DESIGN.md "Throughput").

#include <string_view>

namespace siaran::daemon {

// The network of an E.164 number ("+62812..."), "" when unknown or not Indonesian. Names are
// the config's operator names: telkomsel, indosat, xl, axis, tri, smartfren.
std::string_view operator_of(std::string_view e164);

// Whether a modem whose SIM is on `modem_operator` sends on-net to `e164`. XL and Axis are one
// network (XL Axiata): each matches the other. Empty modem_operator never matches.
bool on_net(std::string_view modem_operator, std::string_view e164);

}  // namespace siaran::daemon
