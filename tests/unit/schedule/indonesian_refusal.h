// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "daemon/schedule/phrase_error.h"

// The Indonesian sentence `read()` refuses its words with; "" when it reads them.
template <typename Read>
std::string indonesian_refusal(Read read) {
  try {
    read();
  } catch (const siaran::daemon::schedule::phrase_error& e) {
    return e.indonesian();
  }
  return "";
}
