// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/external_modems.h"

#include <nlohmann/json.hpp>

#include <string>

namespace siaran::tools::bench {
namespace {

using namespace std::chrono_literals;

// A sim serves within milliseconds of starting; this bounds 128 of them starting together on
// two busy cores with room to spare, and still fails a broken one quickly.
constexpr auto serve_timeout = 10s;

// Without a send log of its own a sim writes none, which would only cost disk writes: the bench
// counts what siarand says it sent.
child_spec sim_spec(const std::filesystem::path& modemsim, const external_sim& sim) {
  const std::string send_log = sim.send_log.empty() ? "/dev/null" : sim.send_log.string();
  return {.argv = {modemsim.string(), "--link", sim.link.string(), "--send-delay",
                   std::to_string(sim.send_delay_ms), "--log", send_log},
          .log = sim.link.string() + ".log",
          .pipe_stdout = true,
          .pipe_stdin = sim.controlled,
          .missing_hint = "build it, or give its path with --modemsim"};
}

std::string exit_text(child_process& process) {
  const auto status = process.exit_status();
  return status ? " (exited with status " + std::to_string(*status) + ")" : "";
}

}  // namespace

external_modems::external_modems(const std::filesystem::path& modemsim, const std::vector<external_sim>& sims)
    : sims_(sims) {
  for (const auto& sim : sims_) {
    std::filesystem::create_directories(sim.link.parent_path());
    processes_.push_back(std::make_unique<child_process>(sim_spec(modemsim, sim)));
  }
  // They all start at once: waiting for each in turn then costs the slowest, not the sum.
  const auto deadline = std::chrono::steady_clock::now() + serve_timeout;
  for (std::size_t i = 0; i < sims_.size(); ++i) wait_until_serving(i, deadline);
}

// Its first line, {"pty": ..., "link": ...}, comes once the link exists and the pty is open.
void external_modems::wait_until_serving(std::size_t index, std::chrono::steady_clock::time_point deadline) {
  child_process& process = *processes_[index];
  const external_sim& sim = sims_[index];
  try {
    const std::string text = process.read_line(deadline);
    const auto line = nlohmann::json::parse(text, nullptr, false);
    if (!line.is_object() || !line.contains("link") || line["link"] != sim.link.string()) {
      throw child_error("its first line is not {\"pty\": ..., \"link\": \"" + sim.link.string() + "\"}: " + text);
    }
  } catch (const child_error& e) {
    throw child_error("siaran-modemsim " + sim.id + " did not come up: " + e.what() + exit_text(process) +
                      " (see " + process.log().string() + ")");
  }
}

nlohmann::json external_modems::control(std::size_t index, const nlohmann::json& line) {
  child_process& process = *processes_.at(index);
  process.write_line(line.dump());
  const std::string text = process.read_line(std::chrono::steady_clock::now() + serve_timeout);
  auto answer = nlohmann::json::parse(text, nullptr, false);
  if (!answer.is_object() || answer.value("ok", false) != true) {
    throw child_error("siaran-modemsim " + sims_[index].id + " refused " + line.dump() + ": " + text);
  }
  return answer;
}

std::vector<std::string> external_modems::exited() {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < processes_.size(); ++i) {
    if (auto status = processes_[i]->exit_status()) result.push_back(sims_[i].id + " (status " + std::to_string(*status) + ")");
  }
  return result;
}

void external_modems::stop(std::chrono::milliseconds grace) {
  // All signalled first, so they wind down together and the waits below overlap.
  for (auto& process : processes_) process->request_stop();
  std::string failed;
  for (std::size_t i = 0; i < processes_.size(); ++i) {
    const int status = processes_[i]->terminate(grace);
    if (status != 0 && failed.empty()) failed = sims_[i].id + " stopped with status " + std::to_string(status);
  }
  if (!failed.empty()) throw child_error("siaran-modemsim " + failed + " after SIGTERM");
}

}  // namespace siaran::tools::bench
