// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Example values for a form's integer fields that keep its limits and its rules, for the
// format a correction SMS shows ("contoh: SKDN 52 50 45 38"). A form whose rules and limits
// cannot all hold has none, which is how the API refuses it.

#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/sms_reports/report_form.h"

namespace siaran::daemon::sms_reports {

// One value per field of the form, in its order (a text field's is 0 and unused); nullopt when
// no values keep every limit and rule.
std::optional<std::vector<std::int64_t>> example_values(const report_form& form);

}  // namespace siaran::daemon::sms_reports
