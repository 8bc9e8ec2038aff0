// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A pseudo-terminal pair opened by the test (posix_openpt), and a minimal modem answering AT
// commands on its master side from a table, on a thread of the test, with poll() deadlines.

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace siaran::test {

class pty_pair {
 public:
  pty_pair();
  ~pty_pair();
  pty_pair(const pty_pair&) = delete;
  pty_pair& operator=(const pty_pair&) = delete;

  int master() const { return master_; }
  const std::string& slave_path() const { return slave_path_; }
  void close_master();

 private:
  int master_ = -1;
  std::string slave_path_;
};

// Answers each "\r"-terminated command with answers[command] ("OK" when the value is empty,
// "ERROR" when absent); `silent` answers nothing. Stops at destruction.
class mini_modem {
 public:
  explicit mini_modem(int master, std::map<std::string, std::string> answers, bool silent = false);
  ~mini_modem();

  std::vector<std::string> commands() const;

  // A Huawei E173 that is registered and has an empty SIM.
  static std::map<std::string, std::string> huawei_e173();

 private:
  void serve();

  int master_;
  std::map<std::string, std::string> answers_;
  bool silent_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> commands_;
  std::thread thread_;
};

}  // namespace siaran::test
