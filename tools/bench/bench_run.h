// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One benchmark run, start to finish: a fresh directory, the config's external sims and
// siarand started in it, readiness, queueing, sending, figures, SIGTERM (siarand, then the
// sims). The directory is removed afterwards unless asked to keep it, and always kept when the
// run fails, so the logs of siarand and the sims explain the failure.

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>

#include "tools/bench/daemon_config.h"
#include "tools/bench/external_modems.h"
#include "tools/bench/figures.h"
#include "tools/bench/messages.h"

namespace siaran::tools::bench {

class run_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct progress {
  long long sent = 0;  // parts, this run
  long long failed = 0;
  long long total = 0;
  double elapsed_s = 0;  // since queueing started
};

// What a scenario's on_ready may drive: the daemon (through config.endpoint), its process and
// the sims serving its modems.
struct running_daemon {
  const daemon_config& config;
  pid_t pid;
  external_modems& modems;
};

struct run_request {
  std::filesystem::path siarand;
  std::filesystem::path modemsim;  // runs the config's `sims`, if it has any
  std::function<daemon_config(const std::filesystem::path& dir)> make_config;
  std::size_t messages = 0;
  std::function<outgoing_message(std::size_t index)> message = bench_message;
  bool wait_for_sending = true;  // false: measure queueing only (the rest stays queued)
  // false: no achieved rate or latencies, which read every sent message back (a database with
  // history holds a hundred thousand of them, sent long ago).
  bool read_sent_messages = true;
  bool keep_dir = false;
  // Before siarand starts, e.g. to fill its database with history.
  std::function<void(const daemon_config&)> before_start = nullptr;
  // Once its modems are ready, before anything is queued.
  std::function<void(const running_daemon&)> on_ready = nullptr;
  std::function<void(const progress&)> on_progress;  // at every poll of the queue
};

// Throws run_error (or what the API layer throws) naming the kept directory.
figures run_benchmark(const run_request& request);

}  // namespace siaran::tools::bench
