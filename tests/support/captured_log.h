// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace siaran::test {

// spdlog's default logger captured while this lives (debug level and up), for tests of what
// is logged and how often.
class captured_log {
 public:
  captured_log() : previous_(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>("captured", std::make_shared<spdlog::sinks::ostream_sink_st>(text_));
    logger->set_level(spdlog::level::debug);
    logger->set_pattern("%l: %v");
    spdlog::set_default_logger(std::move(logger));
  }
  ~captured_log() { spdlog::set_default_logger(previous_); }
  captured_log(const captured_log&) = delete;
  captured_log& operator=(const captured_log&) = delete;

  std::string text() const { return text_.str(); }

  // Lines containing every one of `needles`.
  int count(std::initializer_list<std::string_view> needles) const {
    std::istringstream lines(text_.str());
    int found = 0;
    for (std::string line; std::getline(lines, line);) {
      bool all = true;
      for (const std::string_view needle : needles) all = all && line.find(needle) != std::string::npos;
      found += all ? 1 : 0;
    }
    return found;
  }

 private:
  std::ostringstream text_;
  std::shared_ptr<spdlog::logger> previous_;
};

}  // namespace siaran::test
