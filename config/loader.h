// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading a YAML configuration into a validated daemon_config. Both functions either return a
// complete daemon_config or throw config_error with every problem of the document; no other
// exception type leaves them (yaml-cpp's are translated).

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "config/config.h"
#include "config/error.h"

namespace siaran::config {

// Keys the schema declares and keys a document used, as generic paths ("modems[].baud").
// Lets a test prove that the example configuration documents every key.
struct key_coverage {
  std::set<std::string> declared;  // in every mapping the document reached
  std::set<std::string> used;
};

// Larger documents are refused before parsing: a configuration is a few kilobytes, and
// the limit bounds what a fuzzer or a wrong file can make the YAML parser do.
inline constexpr std::size_t max_document_bytes = 1 << 20;

daemon_config load_file(const std::filesystem::path& file, key_coverage* coverage = nullptr);

// `source_name` stands for the file name in error messages.
daemon_config load_string(std::string_view text, std::string_view source_name = "<string>",
                   key_coverage* coverage = nullptr);

}  // namespace siaran::config
