// SPDX-License-Identifier: GPL-3.0-or-later
// The example configuration is the user's documentation of every key: it must load, and it
// must mention every key the loader accepts, so the documentation cannot fall behind.

#include <catch2/catch.hpp>

#include "config/loader.h"

using namespace siaran::config;

namespace {
const char* const example = SIARAN_SOURCE_DIR "/config/siaran.example.yaml";
}

TEST_CASE("the example configuration is valid") {
  daemon_config c = load_file(example);
  CHECK(c.modems.size() == 2);
}

TEST_CASE("the example configuration uses every key the loader accepts") {
  key_coverage coverage;
  load_file(example, &coverage);
  REQUIRE(coverage.declared.count("modems[].pin") == 1);  // the walk reached the lists
  std::set<std::string> missing;
  for (const std::string& key : coverage.declared) {
    if (coverage.used.count(key) == 0) missing.insert(key);
  }
  CHECK(missing == std::set<std::string>{});
}
