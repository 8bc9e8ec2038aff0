// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How figures are shown: a table for a person, JSON for scripts and CI.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "tools/bench/figures.h"

namespace siaran::tools::bench {

void print_table(std::ostream& out, const std::string& title, const figures& result);

nlohmann::json to_json(const figures& result);

// "40/s" or "unthrottled".
std::string throttle_text(double rate_per_second);

}  // namespace siaran::tools::bench
