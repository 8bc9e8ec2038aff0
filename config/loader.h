#pragma once

// Reading a YAML configuration into a validated Config. Both functions either return a
// complete Config or throw ConfigError with every problem of the document; no other
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
struct KeyCoverage {
  std::set<std::string> declared;  // in every mapping the document reached
  std::set<std::string> used;
};

// Larger documents are refused before parsing: a configuration is a few kilobytes, and
// the limit bounds what a fuzzer or a wrong file can make the YAML parser do.
inline constexpr std::size_t max_document_bytes = 1 << 20;

Config load_file(const std::filesystem::path& file, KeyCoverage* coverage = nullptr);

// `source_name` stands for the file name in error messages.
Config load_string(std::string_view text, std::string_view source_name = "<string>",
                   KeyCoverage* coverage = nullptr);

}  // namespace siaran::config
