#pragma once

// The configuration a benchmark's siarand runs with: generated for a scenario, or a person's
// file (the demo) with the keys that must not collide rewritten. Either way the daemon gets a
// fresh database in the run's directory, a free port on 127.0.0.1 and a token of its own, so
// runs never see each other's data or an already running siarand.

#include <filesystem>
#include <string>

#include "tools/api_client.h"

namespace siaran::tools::bench {

struct scenario_setup {
  unsigned modems = 16;
  unsigned latency_ms = 200;  // the simulated network's AT+CMGS latency (sim_send_delay_ms)
  double rate = 40;           // parts per second, 0 = unthrottled
  unsigned burst = 5;
};

struct daemon_config {
  std::filesystem::path file;  // written into the run's directory
  unsigned modems = 0;
  double rate_per_second = 0;  // 0 = unthrottled
  api_endpoint endpoint;       // where the daemon listens, with the token it accepts
};

// Writes DIR/siarand.yaml for the scenario: `port: sim` modems m1..mN, log_level warn.
daemon_config scenario_config(const scenario_setup& setup, const std::filesystem::path& dir);

// Copies `file` to DIR/siarand.yaml, rewriting database, http.listen and http.tokens.
// Throws std::runtime_error naming the file when it cannot be read.
daemon_config copied_config(const std::filesystem::path& file, const std::filesystem::path& dir);

// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel picks it).
unsigned short free_port();

}  // namespace siaran::tools::bench
