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

// What the process wrote (/proc/PID/io): bytes is write_bytes, the file pages it dirtied, i.e.
// what goes to the disk (its WAL and database; a page written again before the kernel flushed
// it counts once); calls is syscw, every write(2)-like call, sockets and terminals included.
struct write_counts {
  double bytes = 0;
  double calls = 0;
};

write_counts writes(pid_t pid);

}  // namespace siaran::tools::bench
