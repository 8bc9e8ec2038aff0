// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/error.h"

namespace siaran::config {
namespace {

std::string joined(const std::vector<diagnostic>& diagnostics) {
  std::string out;
  for (const diagnostic& d : diagnostics) out += (out.empty() ? "" : "\n") + d.to_string();
  return out;
}

}  // namespace

std::string diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

config_error::config_error(std::vector<diagnostic> diagnostics)
    : std::runtime_error(joined(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace siaran::config
