// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "modem/sim/interpreter.h"

namespace siaran::modemsim {

// One accepted SUBMIT as a JSON line (no newline), so tests can check exactly what was sent:
// {"modem", "mr", "to", "text", "encoding", "concat": {"reference","part","total"} or null,
//  "status_report", "pdu", "tpdu_length"}.
std::string send_log_line(const accepted_submit& submit, std::string_view modem_name);

}  // namespace siaran::modemsim
