// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// When two phone numbers are the same subscriber, whatever form they are written in.

#include <string>
#include <string_view>

namespace siaran::queue {

// The last 8 digits: enough to tell subscribers apart, and the same in 0812..., 62812... and
// +62812... (the forms an Indonesian number takes in reports, replies and spreadsheets).
std::string recipient_key(std::string_view number);

// The digits of a search text, without the 0 or 62 a number may start with, so "0812" finds
// "+62812...". Empty when the text holds too few digits to mean a number.
std::string search_digits(std::string_view text);

}  // namespace siaran::queue
