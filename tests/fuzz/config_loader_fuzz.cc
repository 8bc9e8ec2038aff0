// SPDX-License-Identifier: GPL-3.0-or-later
// Arbitrary bytes as a configuration document. The loader may only ever answer with a daemon_config
// or a config_error: any other exception (yaml-cpp's included) escapes and fails the run.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    siaran::config::daemon_config config = siaran::config::load_string(text, "fuzz.yaml");
    (void)siaran::config::summary(config);
  } catch (const siaran::config::config_error& e) {
    for (const auto& diagnostic : e.diagnostics()) (void)diagnostic.to_string();
  }
  return 0;
}
