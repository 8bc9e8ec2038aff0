// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace siaran::daemon::schedule {

// A schedule typed in words ("H-1 jam 08.00", "setiap Senin jam 07.00") that could not be read:
// what() in English for the API's "error", indonesian() for the person who typed it.
class phrase_error : public std::invalid_argument {
 public:
  phrase_error(const std::string& english, std::string indonesian)
      : std::invalid_argument(english), indonesian_(std::move(indonesian)) {}

  const std::string& indonesian() const { return indonesian_; }

 private:
  std::string indonesian_;
};

}  // namespace siaran::daemon::schedule
