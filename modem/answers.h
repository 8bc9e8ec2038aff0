// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "modem/at/command.h"

// Small helpers the modem logic uses to ask and read answers (not a parser per answer: those
// are in modem/at/response_parsers.h).
namespace siaran::modem::answers {

// One expected prefix at most: g++ 12 cannot keep a braced list alive across co_await.
at::command make_command(std::string text, std::string prefix = "",
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

bool has_code(const at::response& answer, at::final_kind kind, int code);

// The first line starting with `prefix`, without it and its blanks.
std::optional<std::string> value_after(const at::response& answer, std::string_view prefix);

std::string unquote(std::string_view text);

// Field `n` (0-based) of a comma-separated answer, quotes removed.
std::string field(std::string_view text, std::size_t n);

// "AT+X answered +CME ERROR: 3", "no answer to AT+X (...)", "device gone: ...".
std::string describe(const at::response& answer, std::string_view command);

}  // namespace siaran::modem::answers
