// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/answers.h"

#include "common/log_text.h"
#include "modem/at/response_parsers.h"

namespace siaran::modem::answers {

at::command make_command(std::string text, std::string prefix, std::chrono::milliseconds timeout) {
  at::command cmd;
  cmd.text = std::move(text);
  if (!prefix.empty()) cmd.expected_prefixes.push_back(std::move(prefix));
  cmd.timeout = timeout;
  return cmd;
}

bool has_code(const at::response& answer, at::final_kind kind, int code) {
  return answer.final && answer.final->kind == kind && answer.final->code == code;
}

std::optional<std::vector<storage_slot>> storage_in(const at::response& answer) {
  const auto use = first_parsed(answer, at::parse_cpms_current);
  if (!use) return std::nullopt;
  std::vector<storage_slot> slots;
  for (const at::storage_use& slot : *use) slots.push_back({slot.memory, slot.used, slot.total});
  return slots;
}

std::string describe(const at::response& answer, std::string_view command) {
  switch (answer.error) {
    case at::channel_error::none:
      return std::string(command) + " answered " + (answer.final ? common::log_text(answer.final->line) : "?");
    case at::channel_error::timeout:
    case at::channel_error::prompt_timeout:
      return "no answer to " + std::string(command) + " (" + answer.detail + ")";
    case at::channel_error::device_gone:
      return answer.detail;
    case at::channel_error::interrupted:
      return std::string(command) + " interrupted: " + answer.detail;
  }
  return answer.detail;
}

}  // namespace siaran::modem::answers
