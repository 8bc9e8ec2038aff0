// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

// USSD as the AT layer carries it (27.007 §7.15): the +CUSD answer, and the lines it may span.
namespace siaran::at {

// "+CUSD: <m>[,<str>,<dcs>]". <m>: 0 no further action, 1 further action required (the
// network shows a menu and waits), 2 terminated by the network, 3 answered by another local
// client, 4 not supported, 5 network timeout. <str> as the modem gave it: plain text, or hex
// (packed or unpacked septets, UCS2) depending on the modem and <dcs>.
struct ussd_answer_line {
  int status = 0;
  std::optional<std::string> text;
  std::optional<int> dcs;
};
std::optional<ussd_answer_line> parse_cusd(std::string_view line);

// Operators' answers hold line breaks inside <str>, so one +CUSD arrives as several lines,
// the later ones without a prefix. Fed the +CUSD line, then every line that follows it, it
// returns the whole answer (lines joined with '\n') once its quotes are closed.
class cusd_lines {
 public:
  // `starts`: the line has the +CUSD: prefix. Lines fed while no answer is open are ignored.
  std::optional<std::string> feed(std::string_view line, bool starts);
  bool open() const { return open_; }

 private:
  std::string text_;
  bool open_ = false;
};

}  // namespace siaran::at
