// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The configuration a benchmark's siarand runs with: generated for a scenario, or a person's
// file (the demo) with the keys that must not collide rewritten. Either way the daemon gets a
// fresh database in the run's directory, a free port on 127.0.0.1 and a token of its own, so
// runs never see each other's data or an already running siarand.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tools/api_client.h"

namespace siaran::tools::bench {

struct scenario_setup {
  unsigned modems = 16;
  unsigned latency_ms = 200;  // the simulated network's AT+CMGS latency (sim_send_delay_ms)
  double rate = 40;           // parts per second, 0 = unthrottled
  unsigned burst = 5;
  // `port: sim` modems simulated inside siarand, whose CPU figures then include theirs; by
  // default each modem is a siaran-modemsim process of its own, as real modems are apart.
  bool builtin_sims = false;
};

// A modem the bench serves itself before siarand starts: siaran-modemsim linked at `link`.
struct external_sim {
  std::string id;
  std::filesystem::path link;
  unsigned send_delay_ms = 0;
  std::filesystem::path send_log{};  // what it sent, as JSON lines; empty: nowhere
  bool controlled = false;  // the bench writes control lines to it (modem/sim/control.h)
};

inline constexpr const char* external_sims_kind = "external siaran-modemsim";
inline constexpr const char* builtin_sims_kind = "built-in";

struct daemon_config {
  std::filesystem::path file;  // written into the run's directory
  std::filesystem::path database;  // in the run's directory, created by siarand unless filled before
  unsigned modems = 0;
  double rate_per_second = 0;  // 0 = unthrottled
  api_endpoint endpoint;       // where the daemon listens, with the token it accepts
  std::string modem_kind;      // for the report: external_sims_kind, builtin_sims_kind, ...
  std::vector<external_sim> sims;  // to start before siarand; empty when it has its modems
};

// Writes DIR/siarand.yaml for the scenario, log_level warn, modems m1..mN: `port: DIR/modems/mN`
// served by the external sims it lists, or `port: sim` with builtin_sims.
daemon_config scenario_config(const scenario_setup& setup, const std::filesystem::path& dir);

// scenario_config() in two steps, for a scenario that adds keys of its own (the SMPP binds):
// the YAML and the sims, then the file written with the localised keys.
struct scenario_yaml {
  YAML::Node config;
  std::vector<external_sim> sims;
};
scenario_yaml scenario_node(const scenario_setup& setup, const std::filesystem::path& dir);
daemon_config written_config(const scenario_setup& setup, scenario_yaml yaml, const std::filesystem::path& dir);

// Copies `file` to DIR/siarand.yaml, rewriting database, http.listen and http.tokens; its
// modems stay as they are (no external sims).
// Throws std::runtime_error naming the file when it cannot be read.
daemon_config copied_config(const std::filesystem::path& file, const std::filesystem::path& dir);

// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel picks it).
unsigned short free_port();

}  // namespace siaran::tools::bench
