// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/smsc_sim.h"

#include <fstream>

namespace siaran::tools::bench {
namespace {

using namespace std::chrono_literals;

constexpr auto listen_timeout = 10s;

child_spec smsc_spec(const std::filesystem::path& smscsim, const std::filesystem::path& dir,
                     const smsc_account& account, unsigned receipt_delay_ms, const std::filesystem::path& send_log) {
  return {.argv = {smscsim.string(), "--listen", "127.0.0.1:0", "--account", account.system_id + ":" + account.password,
                   "--receipt-delay", std::to_string(receipt_delay_ms), "--send-log", send_log.string()},
          .log = dir / "smscsim.log",
          .pipe_stdout = true,
          .missing_hint = "build it, or give its path with --smscsim"};
}

}  // namespace

smsc_sim::smsc_sim(const std::filesystem::path& smscsim, const std::filesystem::path& dir, const smsc_account& account,
                   unsigned receipt_delay_ms)
    : send_log_(dir / "smsc-sends.jsonl"), process_(smsc_spec(smscsim, dir, account, receipt_delay_ms, send_log_)) {
  // Its first line, {"listening": "127.0.0.1:40123", "port": 40123}, comes once it listens.
  const std::string text = process_.read_line(std::chrono::steady_clock::now() + listen_timeout);
  const auto line = nlohmann::json::parse(text, nullptr, false);
  if (!line.is_object() || !line.contains("port") || !line["port"].is_number_unsigned()) {
    throw child_error("siaran-smscsim's first line is not {\"listening\": ..., \"port\": N}: " + text + " (see " +
                      process_.log().string() + ")");
  }
  port_ = line["port"].get<unsigned short>();
}

std::vector<nlohmann::json> smsc_sim::sends() const {
  std::vector<nlohmann::json> lines;
  std::ifstream in(send_log_);
  // A line still being written has no closing brace yet; the next look reads it whole.
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '}') lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

}  // namespace siaran::tools::bench
