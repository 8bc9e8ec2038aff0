// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modem/at/command.h"
#include "modem/at/network_parsers.h"
#include "modem/modem_status.h"

// Small helpers the modem logic uses to ask and to read answers. They read no answer's
// fields themselves: each answer has its parser in modem/at/response_parsers.h.
namespace siaran::modem::answers {

// One expected prefix at most: g++ 12 cannot keep a braced list alive across co_await.
at::command make_command(std::string text, std::string prefix = "",
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

bool has_code(const at::response& answer, at::final_kind kind, int code);

// The value of the first line of `answer` that `parse` reads (at::parse_csq, ...).
template <typename Parser>
auto first_parsed(const at::response& answer, Parser parse) -> decltype(parse(std::string_view{})) {
  for (const std::string& line : answer.lines) {
    if (auto value = parse(line)) return value;
  }
  return std::nullopt;
}

// AT+CREG?'s answer: the solicited form, with <n> first.
inline std::optional<at::registration> solicited_registration(std::string_view line) {
  return at::parse_registration(line, true);
}

// AT+CPMS?'s answer as the status shows it: mem1, mem2, mem3 with their use.
std::optional<std::vector<storage_slot>> storage_in(const at::response& answer);

// "AT+X answered +CME ERROR: 3", "no answer to AT+X (...)", "device gone: ...".
std::string describe(const at::response& answer, std::string_view command);

}  // namespace siaran::modem::answers
