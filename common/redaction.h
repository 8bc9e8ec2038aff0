// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Phone numbers are personal data (STYLE.md): logs at info and debug show only their last
// digits, enough to tell two recipients apart in one log without naming either; --trace shows
// everything, on purpose.

#include <string>
#include <string_view>

namespace siaran::common {

// "...7890" for "+6281234567890"; a number of at most redacted_digits digits (a short code
// such as 3636) is not personal and is shown whole.
inline constexpr std::size_t redacted_digits = 4;
std::string redacted_number(std::string_view number);

}  // namespace siaran::common
