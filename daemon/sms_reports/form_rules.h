// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A form's rules as text ("K <= S") and as a test on two values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/sms_reports/report_form.h"

namespace siaran::daemon::sms_reports {

// "K <= S", "K<=S", " n < d ": two names around one of <=, <, >=, >, =; names upper-cased but
// not checked against a form. nullopt when it is not that shape.
std::optional<form_rule> parse_rule(std::string_view text);
// "K <= S"
std::string rule_text(const form_rule& rule);

bool holds(comparison op, std::int64_t left, std::int64_t right);

}  // namespace siaran::daemon::sms_reports
