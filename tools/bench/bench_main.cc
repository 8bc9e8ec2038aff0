// SPDX-License-Identifier: GPL-3.0-or-later
// siaran-bench: runs the real siarand over simulated modems and measures it (DESIGN.md
// "Throughput"). This file only reads the command line and picks the mode.

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tools/bench/bench_run.h"
#include "tools/bench/demo.h"
#include "tools/bench/history.h"
#include "tools/bench/report.h"
#include "tools/bench/targets.h"
#include "tools/exit_codes.h"

namespace {

using namespace siaran::tools::bench;

constexpr std::string_view usage_text =
    "usage: siaran-bench [--modems N] [--latency-ms L] [--rate R] [--burst B] [--messages M]\n"
    "                    [--builtin-sims] [--json] [--siarand PATH] [--modemsim PATH] [--keep-dir]\n"
    "       siaran-bench --targets [--only LETTERS] [--builtin-sims] [--json] [--siarand PATH]\n"
    "                    [--modemsim PATH] [--smscsim PATH] [--keep-dir]\n"
    "       siaran-bench --smpp [--json] [--siarand PATH] [--modemsim PATH] [--smscsim PATH] [--keep-dir]\n"
    "       siaran-bench --demo CONFIG [--messages M] [--json] [--siarand PATH] [--keep-dir]\n"
    "       siaran-bench --history [--requests N] [--messages M] [--json] [--siarand PATH] [--keep-dir]\n"
    "Starts siarand over simulated modems in a temporary directory, queues M messages through\n"
    "its HTTP API, waits until they are sent and prints the figures. Each modem is a\n"
    "siaran-modemsim process, so siarand's CPU figures are its own; --builtin-sims simulates\n"
    "them inside siarand (port: sim) instead. --demo keeps CONFIG's modems: other simulators'\n"
    "or real modems' ports in CONFIG measure those (a fresh database, port and token).\n"
    "--rate 0 is unthrottled. --targets runs the throughput targets and exits 1 if one fails;\n"
    "--only ce runs only scenarios c) and e). f) to h) are the SMPP scenarios, each over one bind\n"
    "to a siaran-smscsim process with delivery receipts: f) a masked broadcast at the throttle of\n"
    "40/s, g) at 200/s, each within 2 % of it and every receipt matched; h) at 40/s while cadres\n"
    "answer on two siaran-modemsim modems (always external), every answer going back by modem and\n"
    "nothing masked by one. --smpp is --targets --only fgh.\n"
    "--history fills a database like two years of use (1M parts), times N requests to each\n"
    "endpoint the web page polls (each must answer within 20 ms), then sends M messages and\n"
    "reports siarand's disk writes per part; it exits 1 if an endpoint is too slow.\n";

class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct options {
  scenario_setup setup;
  std::size_t messages = 4'000;
  bool messages_given = false;  // --history sends fewer by default
  bool json = false;
  bool keep_dir = false;
  bool targets = false;
  bool history = false;
  std::string only;  // --targets: scenario letters
  std::optional<std::size_t> requests;
  std::optional<std::filesystem::path> demo_config;
  std::filesystem::path siarand;
  std::filesystem::path modemsim;
  std::filesystem::path smscsim;
};

template <typename T>
T number(std::string_view option, std::string_view text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < T{}) {
    throw usage_error(std::string(option) + " wants a non-negative number, not \"" + std::string(text) + "\"");
  }
  return value;
}

// The build tree puts siaran-bench in tools/bench/, siaran-modemsim and siaran-smscsim in
// tools/ and siarand in daemon/.
std::filesystem::path beside_bench(const char* relative) {
  return std::filesystem::read_symlink("/proc/self/exe").parent_path() / relative;
}

void apply(options& o, std::string_view option, std::string_view value) {
  if (option == "--modems") o.setup.modems = number<unsigned>(option, value);
  else if (option == "--latency-ms") o.setup.latency_ms = number<unsigned>(option, value);
  else if (option == "--rate") o.setup.rate = number<double>(option, value);
  else if (option == "--burst") o.setup.burst = number<unsigned>(option, value);
  else if (option == "--messages") o.messages = number<std::size_t>(option, value), o.messages_given = true;
  else if (option == "--requests") o.requests = number<std::size_t>(option, value);
  else if (option == "--siarand") o.siarand = value;
  else if (option == "--modemsim") o.modemsim = value;
  else if (option == "--smscsim") o.smscsim = value;
  else if (option == "--demo") o.demo_config = value;
  else if (option == "--only") o.only = value;
  else throw usage_error("unknown option " + std::string(option));
}

options parse(const std::vector<std::string_view>& args) {
  options o;
  o.siarand = beside_bench("../../daemon/siarand");
  o.modemsim = beside_bench("../siaran-modemsim");
  o.smscsim = beside_bench("../siaran-smscsim");
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") o.json = true;
    else if (args[i] == "--keep-dir") o.keep_dir = true;
    else if (args[i] == "--targets") o.targets = true;
    else if (args[i] == "--smpp") o.targets = true, o.only = "fgh";
    else if (args[i] == "--history") o.history = true;
    else if (args[i] == "--builtin-sims") o.setup.builtin_sims = true;
    else if (i + 1 < args.size()) apply(o, args[i], args[i + 1]), ++i;
    else throw usage_error("unknown option or missing value: " + std::string(args[i]));
  }
  if (o.setup.modems == 0 && !o.demo_config) throw usage_error("--modems must be at least 1");
  return o;
}

std::string title(const options& o) {
  return "siaran-bench: " + std::to_string(o.setup.modems) + " modems at " + std::to_string(o.setup.latency_ms) +
         " ms, throttle " + throttle_text(o.setup.rate) + " burst " + std::to_string(o.setup.burst) + ", " +
         std::to_string(o.messages) + " messages";
}

int run_one(const options& o) {
  const scenario_setup setup = o.setup;
  const figures result = run_benchmark({.siarand = o.siarand,
                                        .modemsim = o.modemsim,
                                        .make_config = [setup](const auto& dir) { return scenario_config(setup, dir); },
                                        .messages = o.messages,
                                        .keep_dir = o.keep_dir,
                                        .on_progress = nullptr});
  print_table(o.json ? std::cerr : std::cout, title(o), result);
  if (o.json) std::cout << to_json(result).dump(2) << '\n';
  return result.exit_status == 0 && result.parts_failed == 0 ? 0 : 1;
}

int run(const options& o) {
  if (o.targets) {
    return run_targets({o.siarand, o.modemsim, o.smscsim, o.setup.builtin_sims, o.json, o.keep_dir, o.only});
  }
  if (o.demo_config) return run_demo({o.siarand, *o.demo_config, o.messages, o.json, o.keep_dir});
  if (o.history) {
    history_options h{.siarand = o.siarand, .modemsim = o.modemsim, .json = o.json, .keep_dir = o.keep_dir};
    if (o.requests) h.requests = *o.requests;
    if (o.messages_given) h.messages = o.messages;
    return run_history(h);
  }
  return run_one(o);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (std::ranges::any_of(args, [](std::string_view a) { return a == "--help" || a == "-h"; })) {
    std::cout << usage_text;
    return 0;
  }
  try {
    return run(parse(args));
  } catch (const usage_error& e) {
    std::cerr << "siaran-bench: " << e.what() << '\n' << usage_text;
    return siaran::tools::exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "\nsiaran-bench: " << e.what() << '\n';
    return 1;
  }
}
