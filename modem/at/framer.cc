// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/framer.h"

#include <algorithm>
#include <utility>

#include "common/ascii.h"

namespace siaran::at {
namespace {

// A PDU line is hex digits, possibly with trailing spaces (some modems pad it).
bool looks_like_pdu(std::string_view line) {
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  return !line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return common::hex_digit_value(c) >= 0; });
}

}  // namespace

framer::framer(std::vector<std::string> pdu_prefixes) : pdu_prefixes_(std::move(pdu_prefixes)) {}

std::vector<frame> framer::feed(std::string_view bytes) {
  std::vector<frame> out;
  feed(bytes, out);
  return out;
}

void framer::feed(std::string_view bytes, std::vector<frame>& out) {
  for (const char c : bytes) {
    if (after_prompt_) {
      after_prompt_ = false;
      if (c == ' ') continue;
    }
    if (c == '\r' || c == '\n') {
      end_line(out);
      continue;
    }
    if (discarding_) continue;
    // The prompt is a '>' at the start of a line; it comes without a line end (27.005
    // §3.5.1), usually followed by one space, sometimes not.
    if (c == '>' && line_.empty()) {
      out.push_back({frame_kind::prompt, "> "});
      after_prompt_ = true;
      continue;
    }
    if (line_.size() == max_line_bytes) {
      out.push_back({frame_kind::garbage, line_.substr(0, garbage_sample_bytes)});
      line_.clear();
      discarding_ = true;
      pdu_follows_ = false;
      continue;
    }
    line_.push_back(c);
  }
}

void framer::end_line(std::vector<frame>& out) {
  if (discarding_) {
    discarding_ = false;
    return;
  }
  if (line_.empty()) return;
  if (pdu_follows_ && looks_like_pdu(line_)) {
    pdu_follows_ = false;
    out.push_back({frame_kind::pdu, std::exchange(line_, {})});
    return;
  }
  // A header whose PDU line never came (the modem sent something else) does not turn a
  // later hex line into a PDU.
  pdu_follows_ = starts_pdu(line_);
  out.push_back({frame_kind::line, std::exchange(line_, {})});
}

bool framer::starts_pdu(std::string_view line) const {
  return std::any_of(pdu_prefixes_.begin(), pdu_prefixes_.end(),
                     [&](const std::string& prefix) { return line.starts_with(prefix); });
}

void framer::reset() {
  line_.clear();
  discarding_ = false;
  after_prompt_ = false;
  pdu_follows_ = false;
}

}  // namespace siaran::at
