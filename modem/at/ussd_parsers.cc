// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/ussd_parsers.h"

#include <algorithm>

#include "modem/at/fields.h"

namespace siaran::at {

std::optional<ussd_answer_line> parse_cusd(std::string_view line) {
  const auto fields = fields_after(line, "+CUSD:");
  if (!fields || fields->empty() || !complete(*fields)) return std::nullopt;
  const std::optional<int> status = decimal((*fields)[0]);
  if (!status || *status < 0 || *status > 5) return std::nullopt;
  ussd_answer_line answer;
  answer.status = *status;
  if (fields->size() > 1) answer.text = std::string((*fields)[1].text);
  if (fields->size() > 2) answer.dcs = decimal((*fields)[2]);
  return answer;
}

namespace {

// A USSD string is at most 160 octets (182 GSM characters, 320 hex digits as UCS2): an answer
// still open after this many bytes lost its closing quote, and the lines after it are not its.
constexpr std::size_t most_answer_bytes = 2048;

bool quotes_balanced(std::string_view text) { return std::count(text.begin(), text.end(), '"') % 2 == 0; }

}  // namespace

std::optional<std::string> cusd_lines::feed(std::string_view line, bool starts) {
  if (starts) {
    text_ = std::string(line);
    open_ = true;
  } else if (open_) {
    text_ += '\n';
    text_ += line;
  } else {
    return std::nullopt;
  }
  if (text_.size() > most_answer_bytes) open_ = false;
  if (!open_ || !quotes_balanced(text_)) return std::nullopt;
  open_ = false;
  return std::move(text_);
}

}  // namespace siaran::at
