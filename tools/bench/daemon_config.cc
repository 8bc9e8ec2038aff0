#include "tools/bench/daemon_config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "daemon/http/api_token.h"

namespace siaran::tools::bench {
namespace {

YAML::Node modem_entry(unsigned number, unsigned latency_ms) {
  YAML::Node modem;
  modem["id"] = "m" + std::to_string(number);
  modem["port"] = "sim";
  modem["sim_send_delay_ms"] = latency_ms;
  return modem;
}

// The keys that tie a daemon to one place: its database, its port, who may call it.
daemon_config localise(YAML::Node config, const std::filesystem::path& dir) {
  daemon_config result;
  result.endpoint.port = std::to_string(free_port());
  result.endpoint.token = daemon::http::new_token();
  config["database"] = (dir / "siaran.db").string();
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
  return result;
}

}  // namespace

daemon_config scenario_config(const scenario_setup& setup, const std::filesystem::path& dir) {
  YAML::Node config;
  config["log_level"] = "warn";
  config["throttle"]["rate_per_second"] = setup.rate;
  config["throttle"]["burst"] = setup.burst;
  for (unsigned i = 1; i <= setup.modems; ++i) config["modems"].push_back(modem_entry(i, setup.latency_ms));
  return localise(config, dir);
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
