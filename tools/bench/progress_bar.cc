// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <string>

namespace siaran::tools::bench {
namespace {

constexpr int width = 30;
constexpr unsigned updates_per_log_line = 10;  // every 2 s at the bench's polling interval

std::string line(const progress& now) {
  const double done = now.total > 0 ? std::min(1.0, static_cast<double>(now.sent + now.failed) / now.total) : 0;
  const int filled = static_cast<int>(done * width);
  const double rate = now.elapsed_s > 0 ? now.sent / now.elapsed_s : 0;
  return fmt::format("[{}{}] {}/{} parts  {:.1f} parts/s  {:.1f} s{}", std::string(filled, '#'),
                     std::string(width - filled, '.'), now.sent, now.total, rate, now.elapsed_s,
                     now.failed > 0 ? fmt::format("  {} failed", now.failed) : "");
}

}  // namespace

progress_bar::progress_bar() : terminal_(::isatty(STDERR_FILENO) == 1) {}

void progress_bar::update(const progress& now) {
  const bool finished = now.sent + now.failed >= now.total;
  if (terminal_) {
    std::cerr << '\r' << line(now) << "\x1b[K" << std::flush;
    drawn_ = true;
  } else if (updates_++ % updates_per_log_line == 0 || finished) {
    std::cerr << line(now) << '\n';
  }
}

void progress_bar::finish() {
  if (drawn_) std::cerr << '\n';
  drawn_ = false;
}

}  // namespace siaran::tools::bench
