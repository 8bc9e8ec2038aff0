// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace siaran::sms {

// Strict UTF-8 (RFC 3629): overlong forms, surrogates, code points above U+10FFFF and
// truncated sequences are a codec_error naming the byte offset. Text reaches us from users and
// the HTTP API; guessing at broken input would send something nobody wrote.
std::u32string utf8_decode(std::string_view utf8);

std::string utf8_encode(std::u32string_view code_points);

void append_utf8(std::string& out, char32_t code_point);

// "U+20AC", for error messages.
std::string describe_code_point(char32_t code_point);

}  // namespace siaran::sms
