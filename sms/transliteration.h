// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace siaran::sms {

// Optional (off by default) replacement of look-alike characters that would otherwise force
// a whole message into UCS2 (70 instead of 160 characters per part): curly quotes, dashes,
// non-breaking and other spaces, ellipsis, bullet, primes. Word processors and phone
// keyboards insert them silently. Characters already in the GSM 7-bit alphabet and characters
// without a look-alike are left alone.
std::u32string transliterate_to_gsm7(std::u32string_view text);

}  // namespace siaran::sms
