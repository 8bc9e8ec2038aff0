// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How an SMPP run's figures are shown: a table for a person, JSON for scripts and CI.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "tools/bench/smpp_run.h"

namespace siaran::tools::bench {

void print_table(std::ostream& out, const std::string& title, const smpp_figures& result);

nlohmann::json to_json(const smpp_figures& result);

}  // namespace siaran::tools::bench
