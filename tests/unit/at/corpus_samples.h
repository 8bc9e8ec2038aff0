// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real modem responses in ../shared/corpus/at-responses (ModemManager, Gammu and
// python-gsmmodem test material, labelled by device), loaded once for the corpus tests.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "modem/at/framer.h"
#include "modem/at/text.h"

namespace siaran::at::test {

struct sample {
  std::string name;
  nlohmann::json meta;
  std::string bytes;
  std::string device() const { return meta["device"].is_string() ? meta["device"].get<std::string>() : "?"; }
};

inline std::filesystem::path corpus_dir() { return std::filesystem::path(SIARAN_CORPUS_DIR) / "at-responses"; }

inline std::vector<sample> load_corpus() {
  const auto dir = corpus_dir();
  REQUIRE(std::filesystem::is_directory(dir));
  std::vector<sample> samples;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    sample s;
    s.name = entry.path().stem().string();
    std::ifstream meta(entry.path());
    s.meta = nlohmann::json::parse(meta);
    std::ifstream raw(dir / s.meta["file"].get<std::string>(), std::ios::binary);
    std::ostringstream bytes;
    bytes << raw.rdbuf();
    s.bytes = bytes.str();
    samples.push_back(std::move(s));
  }
  std::sort(samples.begin(), samples.end(), [](const sample& a, const sample& b) { return a.name < b.name; });
  REQUIRE_FALSE(samples.empty());
  return samples;
}

inline const std::vector<sample>& corpus() {
  static const std::vector<sample> samples = load_corpus();
  return samples;
}

inline const nlohmann::json& expected(const sample& s) { return s.meta["expected"]; }
inline bool expects(const sample& s, const char* key) {
  return expected(s).is_object() && expected(s).contains(key);
}
inline std::string command_of(const sample& s) { return s.meta["command"].get<std::string>(); }
inline std::string content_of(const sample& s) { return s.meta["content"].get<std::string>(); }

// The sample's lines as the framer cuts them, blanks trimmed (the channel trims too).
inline std::vector<std::string> lines_of(std::string_view bytes) {
  std::vector<std::string> lines;
  for (const frame& f : framer().feed(std::string(bytes) + "\r\n")) {
    if (f.kind == frame_kind::line || f.kind == frame_kind::pdu) lines.push_back(std::string(trim(f.text)));
  }
  return lines;
}

}  // namespace siaran::at::test
