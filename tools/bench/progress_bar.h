// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A one-line progress bar on stderr, redrawn in place on a terminal; in a log (not a terminal)
// a plain line every few seconds instead, so CI output stays readable.

#include "tools/bench/bench_run.h"

namespace siaran::tools::bench {

class progress_bar {
 public:
  progress_bar();
  void update(const progress& now);
  void finish();  // ends the line

 private:
  bool terminal_;
  unsigned updates_ = 0;
  bool drawn_ = false;
};

}  // namespace siaran::tools::bench
