// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the kernel counts for the daemon (proc(5)): CPU time and memory, read from outside so
// the daemon needs no instrumentation of its own and the bench measures the real binary.

#include <sys/types.h>

namespace siaran::tools::bench {

// utime + stime of the whole process, in seconds.
double cpu_seconds(pid_t pid);

struct memory_use {
  double rss_mib = 0;   // VmRSS: resident now
  double peak_mib = 0;  // VmHWM: the resident high-water mark since start
};

memory_use memory(pid_t pid);

}  // namespace siaran::tools::bench
