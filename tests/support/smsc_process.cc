// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/smsc_process.h"

#include <fstream>
#include <stdexcept>

namespace siaran::test {

using namespace std::chrono_literals;
using nlohmann::json;

smsc_process::smsc_process(const std::filesystem::path& send_log, std::vector<std::string> args)
    : send_log_(send_log) {
  args.insert(args.begin(), {SIARAN_BINARY_DIR "/tools/siaran-smscsim", "--listen", "127.0.0.1:0", "--account",
                             "siaran:rahasia", "--send-log", send_log.string()});
  child_ = std::make_unique<child_process>(args);
  const auto line = child_->wait_for_stdout_line("\"listening\"", deadline_in(10s));
  if (!line) throw std::runtime_error("siaran-smscsim did not say where it listens: " + child_->err());
  port_ = json::parse(*line).at("port").get<std::uint16_t>();
}

json smsc_process::control(const json& request) {
  const std::size_t from = child_->out().size();
  child_->write_stdin(request.dump() + "\n");
  const auto answer = child_->wait_for_stdout_line("\"ok\":", deadline_in(10s), from);
  if (!answer) throw std::runtime_error("siaran-smscsim did not answer " + request.dump());
  json parsed = json::parse(*answer);
  if (parsed.at("ok") != true) throw std::runtime_error("siaran-smscsim refused " + request.dump() + ": " + *answer);
  return parsed;
}

json smsc_process::counts() { return control({{"status", true}}).at("status").at("counts"); }

std::vector<json> smsc_process::sends() const {
  std::vector<json> lines;
  std::ifstream in(send_log_);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '}') lines.push_back(json::parse(line));
  }
  return lines;
}

}  // namespace siaran::test
