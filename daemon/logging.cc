// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstdio>
#include <memory>

namespace siaran::daemon {

spdlog::level::level_enum to_spdlog(config::log_severity level) {
  switch (level) {
    case config::log_severity::trace: return spdlog::level::trace;
    case config::log_severity::debug: return spdlog::level::debug;
    case config::log_severity::info: return spdlog::level::info;
    case config::log_severity::warn: return spdlog::level::warn;
    case config::log_severity::error: return spdlog::level::err;
  }
  return spdlog::level::info;
}

bool stderr_is_journal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (stream == nullptr) return false;
  unsigned long long device = 0;
  unsigned long long inode = 0;
  if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
  struct stat st {};
  if (fstat(STDERR_FILENO, &st) != 0) return false;
  return st.st_dev == device && st.st_ino == inode;
}

void setup_logging(config::log_severity level) {
  std::shared_ptr<spdlog::logger> logger;
  if (stderr_is_journal()) {
    // The journal adds time, priority and unit itself.
    logger = std::make_shared<spdlog::logger>(
        "siarand", std::make_shared<spdlog::sinks::systemd_sink_mt>("siarand"));
  } else {
    logger = std::make_shared<spdlog::logger>(
        "siarand", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
  }
  logger->set_level(to_spdlog(level));
  logger->flush_on(spdlog::level::trace);  // a daemon's log is read as it happens
  spdlog::set_default_logger(std::move(logger));
}

void apply_log_level(config::log_severity from, config::log_severity to) {
  if (from == to) {
    spdlog::info("log level unchanged ({})", config::to_string(to));
    return;
  }
  auto announce = [&] {
    spdlog::info("log level changed from {} to {}", config::to_string(from), config::to_string(to));
  };
  if (to <= config::log_severity::info) {
    spdlog::set_level(to_spdlog(to));
    announce();
  } else {
    announce();
    spdlog::set_level(to_spdlog(to));
  }
}

}  // namespace siaran::daemon
