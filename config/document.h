// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parses the text of a configuration into its one YAML document, turning every yaml-cpp
// failure into a config_error with file, line and column. Internal to config/.

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace siaran::config {

// Throws config_error for syntax errors, for more than one document, and for input that
// yaml-cpp 0.7 cannot make progress on (see document.cc).
YAML::Node parse_document(std::string_view text, const std::string& file);

}  // namespace siaran::config
