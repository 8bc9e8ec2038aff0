// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran reports list|missing|remind|recap|forms`: the monthly reports cadres send by SMS, who
// has not reported, the reminder to them, the recap for the Dinas Kesehatan and the forms, over
// siarand's API (docs/api.md "Reports by SMS").
int run_reports_command(std::span<const std::string_view> args, std::ostream& out,
                        std::ostream& err);

}  // namespace siaran::tools
