// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks send: distinct, valid Indonesian mobile numbers from a deterministic
// generator (a run can be repeated exactly), and texts shaped like the secretariat's own.

#include <cstddef>
#include <string>

namespace siaran::tools::bench {

struct outgoing_message {
  std::string to;  // E.164
  std::string text;
};

// Distinct for every index below 40 * 10^8, spread over the operators' prefixes 0811..0899.
std::string recipient(std::size_t index);

// One part: at most 160 characters of the GSM 7-bit default alphabet.
outgoing_message bench_message(std::size_t index);

// A personalised meeting invitation; every fourth is long enough for two parts and every
// tenth has typographic punctuation, so the codec goes through UCS2 as well.
outgoing_message demo_message(std::size_t index);

}  // namespace siaran::tools::bench
