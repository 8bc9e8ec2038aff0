// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/smsc_process.h"

#include <fstream>
#include <stdexcept>

namespace siaran::test {

using namespace std::chrono_literals;
using nlohmann::json;

smsc_process::smsc_process(std::vector<std::string> args) {
  args.insert(args.begin(),
              {SIARAN_BINARY_DIR "/tools/siaran-smscsim", "--listen", "127.0.0.1:0", "--account", "siaran:rahasia"});
  child_ = std::make_unique<child_process>(args);
  const auto line = child_->wait_for_stdout_line("\"listening\"", deadline_in(10s));
  if (!line) throw std::runtime_error("siaran-smscsim did not say where it listens: " + child_->err());
  port_ = json::parse(*line).at("port").get<std::uint16_t>();
}

json smsc_process::control(const std::string& line) {
  const std::size_t from = child_->out().size();
  child_->write_stdin(line + "\n");
  const auto answer = child_->wait_for_stdout_line("\"ok\":", deadline_in(10s), from);
  if (!answer) throw std::runtime_error("siaran-smscsim did not answer " + line + ": " + child_->err());
  return json::parse(*answer);
}

json smsc_process::counts() { return control(R"({"status": true})").at("status").at("counts"); }

bool smsc_process::count_reaches(const std::string& name, std::uint64_t value, std::chrono::milliseconds timeout) {
  const deadline_time deadline = deadline_in(timeout);
  while (counts()[name] != value) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
  }
  return true;
}

std::vector<json> send_log_lines(const std::filesystem::path& file) {
  std::vector<json> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '}') lines.push_back(json::parse(line));
  }
  return lines;
}

}  // namespace siaran::test
