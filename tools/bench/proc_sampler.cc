// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/proc_sampler.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

namespace siaran::tools::bench {
namespace {

std::string read_proc(pid_t pid, const char* file) {
  const std::string path = "/proc/" + std::to_string(pid) + "/" + file;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path + " (has siarand exited?)");
  return {std::istreambuf_iterator<char>(in), {}};
}

// "VmHWM:\t   12345 kB" -> MiB.
double status_field_mib(const std::string& status, const std::string& key) {
  const auto at = status.find("\n" + key + ":");
  if (at == std::string::npos) throw std::runtime_error("no " + key + " in /proc/PID/status");
  std::istringstream value(status.substr(at + key.size() + 2));
  double kib = 0;
  value >> kib;
  return kib / 1024.0;
}

// "write_bytes: 12345" -> 12345.
double io_field(const std::string& io, const std::string& key) {
  const auto at = io.find("\n" + key + ":");
  if (at == std::string::npos) throw std::runtime_error("no " + key + " in /proc/PID/io");
  std::istringstream value(io.substr(at + key.size() + 2));
  double n = 0;
  value >> n;
  return n;
}

}  // namespace

double cpu_seconds(pid_t pid) {
  const std::string stat = read_proc(pid, "stat");
  // The command name (field 2) may hold spaces and ')' itself: fields are counted after the
  // last ')'; utime and stime are fields 14 and 15, i.e. the 12th and 13th after it.
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string skipped;
  for (int i = 0; i < 11; ++i) fields >> skipped;
  unsigned long long utime = 0, stime = 0;
  fields >> utime >> stime;
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

memory_use memory(pid_t pid) {
  const std::string status = "\n" + read_proc(pid, "status");
  const double rss = status_field_mib(status, "VmRSS");
  // The kernel folds its per-thread RSS counters into VmHWM lazily, so right after growth the
  // high-water mark can read below the current RSS.
  return {rss, std::max(rss, status_field_mib(status, "VmHWM"))};
}

write_counts writes(pid_t pid) {
  const std::string io = "\n" + read_proc(pid, "io");
  return {io_field(io, "write_bytes"), io_field(io, "syscw")};
}

}  // namespace siaran::tools::bench
