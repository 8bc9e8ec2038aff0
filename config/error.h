// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Errors found while loading a configuration. All of a file's errors are collected and
// thrown together, each naming file, line, column and key path:
//   /etc/siaran/siaran.yaml:12:5: modems[1].baud: 115201 is not a standard baud rate (...)

#include <stdexcept>
#include <string>
#include <vector>

namespace siaran::config {

struct diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the error concerns the whole file (unreadable, too big)
  int column = 0;  // 1-based
  std::string path;  // key path such as "modems[1].baud"; empty for syntax errors
  std::string message;

  // "file:line:column: path: message", leaving out what is unknown.
  std::string to_string() const;
};

class config_error : public std::runtime_error {
 public:
  explicit config_error(std::vector<diagnostic> diagnostics);

  const std::vector<diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<diagnostic> diagnostics_;
};

}  // namespace siaran::config
