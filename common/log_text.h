// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text a user, a network peer or a modem chose, made safe for one log line: a login name with
// a newline must not forge a second line, an escape sequence must not repaint the terminal
// that shows the log, and a 64 kB "name" must not fill the journal. Every log call that prints
// such text passes it through log_text().

#include <cstddef>
#include <string>
#include <string_view>

namespace siaran::common {

inline constexpr std::size_t log_text_limit = 120;  // characters shown before the rest is counted

// `text` with "\n", "\r", "\t", "\\" written so, every other control character (C0, DEL, C1,
// the line and paragraph separators, bidirectional overrides) and every byte that is not part
// of valid UTF-8 as "\xNN"; at most `limit` characters of that (an escape is never cut), then
// "…(+N bytes)" naming how many bytes of `text` were left out. Valid UTF-8 letters stay as
// they are.
std::string log_text(std::string_view text, std::size_t limit = log_text_limit);

}  // namespace siaran::common
