#include "modem/answers.h"

#include "modem/at/text.h"

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

std::optional<std::string> value_after(const at::response& answer, std::string_view prefix) {
  for (const std::string& line : answer.lines) {
    if (line.starts_with(prefix)) return std::string(at::trim(std::string_view(line).substr(prefix.size())));
  }
  return std::nullopt;
}

std::string unquote(std::string_view text) {
  text = at::trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  return std::string(text);
}

std::string field(std::string_view text, std::size_t n) {
  std::size_t start = 0;
  bool quoted = false;
  std::size_t index = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '"') quoted = !quoted;
    if (i == text.size() || (text[i] == ',' && !quoted)) {
      if (index == n) return unquote(text.substr(start, i - start));
      ++index;
      start = i + 1;
    }
  }
  return "";
}

std::string describe(const at::response& answer, std::string_view command) {
  switch (answer.error) {
    case at::channel_error::none:
      return std::string(command) + " answered " + (answer.final ? answer.final->line : "?");
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
