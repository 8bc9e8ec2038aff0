// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/daemon_config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "daemon/http/api_token.h"

namespace siaran::tools::bench {
namespace {

YAML::Node builtin_modem(const std::string& id, unsigned latency_ms) {
  YAML::Node modem;
  modem["id"] = id;
  modem["port"] = "sim";
  modem["sim_send_delay_ms"] = latency_ms;
  return modem;
}

// The latency is the external sim's to play, and siarand rejects sim_send_delay_ms on a port.
YAML::Node external_modem(const external_sim& sim) {
  YAML::Node modem;
  modem["id"] = sim.id;
  modem["port"] = sim.link.string();
  return modem;
}

// What kind of modems a person's config has, for the report.
std::string modem_kind(const YAML::Node& modems) {
  if (!modems || !modems.IsSequence()) return "none";  // a config of SMPP binds only
  std::size_t simulated = 0;
  for (const auto& modem : modems) simulated += modem["port"] && modem["port"].Scalar() == "sim" ? 1 : 0;
  if (simulated == modems.size()) return builtin_sims_kind;
  return simulated == 0 ? "the config's ports" : "built-in and the config's ports";
}

// The keys that tie a daemon to one place: its database, its port, who may call it.
daemon_config localise(YAML::Node config, const std::filesystem::path& dir) {
  daemon_config result;
  result.endpoint.port = std::to_string(free_port());
  result.endpoint.token = daemon::http::new_token();
  result.database = dir / "siaran.db";
  config["database"] = result.database.string();
  YAML::Node token;
  token["name"] = "bench";
  token["sha256"] = daemon::http::sha256_hex(result.endpoint.token);
  config["http"]["listen"] = result.endpoint.host + ":" + result.endpoint.port;
  config["http"]["tokens"] = YAML::Node(YAML::NodeType::Sequence);
  config["http"]["tokens"].push_back(token);

  result.file = dir / "siarand.yaml";
  std::ofstream out(result.file);
  out << YAML::Dump(config) << '\n';
  if (!out) throw std::runtime_error("cannot write " + result.file.string());
  // Read through a const node: yaml-cpp's non-const operator[] would add the keys it looks up.
  const YAML::Node& written = config;
  result.modems = written["modems"] ? static_cast<unsigned>(written["modems"].size()) : 0;
  // The daemon's own default when the file leaves the throttle out (DESIGN.md).
  result.rate_per_second = written["throttle"] ? written["throttle"]["rate_per_second"].as<double>(35.0) : 35.0;
  result.modem_kind = modem_kind(written["modems"]);
  return result;
}

}  // namespace

scenario_yaml scenario_node(const scenario_setup& setup, const std::filesystem::path& dir) {
  scenario_yaml result;
  YAML::Node& config = result.config;
  config["log_level"] = "warn";
  config["throttle"]["rate_per_second"] = setup.rate;
  config["throttle"]["burst"] = setup.burst;
  for (unsigned i = 1; i <= setup.modems; ++i) {
    const std::string id = "m" + std::to_string(i);
    if (setup.builtin_sims) {
      config["modems"].push_back(builtin_modem(id, setup.latency_ms));
    } else {
      result.sims.push_back({id, dir / "modems" / id, setup.latency_ms});
      config["modems"].push_back(external_modem(result.sims.back()));
    }
  }
  return result;
}

daemon_config written_config(const scenario_setup& setup, scenario_yaml yaml, const std::filesystem::path& dir) {
  daemon_config result = localise(yaml.config, dir);
  if (!setup.builtin_sims) result.modem_kind = external_sims_kind;
  result.sims = std::move(yaml.sims);
  return result;
}

daemon_config scenario_config(const scenario_setup& setup, const std::filesystem::path& dir) {
  return written_config(setup, scenario_node(setup, dir), dir);
}

daemon_config copied_config(const std::filesystem::path& file, const std::filesystem::path& dir) {
  try {
    return localise(YAML::LoadFile(file.string()), dir);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket(): ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  const std::string why = std::strerror(errno);
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot find a free port on 127.0.0.1: " + why);
  return ntohs(address.sin_port);
}

}  // namespace siaran::tools::bench
