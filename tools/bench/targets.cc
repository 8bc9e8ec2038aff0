// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "tools/bench/bench_run.h"
#include "tools/bench/report.h"

namespace siaran::tools::bench {
namespace {

struct target {
  std::string text;  // what is required, for the reader
  std::function<double(const figures&)> measure;
  std::function<bool(double)> met;
  std::string unit;
};

struct scenario {
  std::string name;
  scenario_setup setup;
  std::size_t messages;
  bool wait_for_sending;
  std::vector<target> targets;
};

double achieved(const figures& f) { return f.achieved_parts_per_s; }
double cpu(const figures& f) { return f.cpu_percent; }
double queueing(const figures& f) { return f.queueing_s; }
double peak_rss(const figures& f) { return f.peak_rss_mib; }

target at_least(std::string text, std::function<double(const figures&)> measure, double minimum, std::string unit) {
  return {std::move(text), std::move(measure), [minimum](double v) { return v >= minimum; }, std::move(unit)};
}

target at_most(std::string text, std::function<double(const figures&)> measure, double maximum, std::string unit) {
  return {std::move(text), std::move(measure), [maximum](double v) { return v <= maximum; }, std::move(unit)};
}

// The scenarios a) to e). Its CPU target ("daemon CPU <= 2 % of a core at 40/s") is
// written with c): c)'s pool throttled to 40/s. Every run prints its CPU figure, a)'s included.
std::vector<scenario> scenarios() {
  const double b_limit = std::min(40.0, 64 / 1.5), d_limit = 128 / 1.5;
  return {
      {"a) rate 40, 16 modems at 200 ms", {16, 200, 40, 5}, 4'000, true,
       {{"achieved within +-2 % of 40/s", achieved, [](double v) { return std::abs(v - 40) <= 0.8; }, "parts/s"}}},
      {"b) rate 40, 64 modems at 1,500 ms", {64, 1500, 40, 5}, 4'000, true,
       {at_least(fmt::format(">= 97 % of min(40, 64/1.5) = {:.2f}/s", 0.97 * b_limit), achieved, 0.97 * b_limit, "parts/s")}},
      {"c) unthrottled, 8 modems at 0 ms", {8, 0, 0, 5}, 10'000, true,
       {at_least(">= 1,000 parts/s", achieved, 1000, "parts/s")}},
      {"c) 8 modems at 0 ms, rate 40", {8, 0, 40, 5}, 4'000, true,
       {at_most("daemon CPU <= 2 % of a core", cpu, 2, "% of a core")}},
      {"d) unthrottled, 128 modems at 1,500 ms", {128, 1500, 0, 5}, 3'000, true,
       {at_least(fmt::format(">= 95 % of 128/1.5 = {:.2f}/s", 0.95 * d_limit), achieved, 0.95 * d_limit, "parts/s")}},
      {"e) queueing 100,000 messages (1 modem, rate 0.1)", {1, 200, 0.1, 1}, 100'000, false,
       {at_most("queueing <= 3 s", queueing, 3, "s"), at_most("peak RSS <= 64 MiB", peak_rss, 64, "MiB")}},
  };
}

struct verdict {
  std::string scenario, target, measured;
  bool pass;
};

// Runs one scenario; a run that fails outright fails each of its targets.
std::vector<verdict> run_scenario(const scenario& s, const targets_options& options, nlohmann::json& json) {
  std::ostream& table = options.json ? std::cerr : std::cout;
  std::vector<verdict> verdicts;
  try {
    scenario_setup setup = s.setup;
    setup.builtin_sims = options.builtin_sims;
    const figures f = run_benchmark({.siarand = options.siarand,
                                     .modemsim = options.modemsim,
                                     .make_config = [&setup](const auto& dir) { return scenario_config(setup, dir); },
                                     .messages = s.messages,
                                     .wait_for_sending = s.wait_for_sending,
                                     .keep_dir = options.keep_dir,
                                     .on_progress = nullptr});
    print_table(table, s.name, f);
    json.push_back({{"scenario", s.name}, {"figures", to_json(f)}});
    for (const auto& t : s.targets) {
      const double value = t.measure(f);
      verdicts.push_back({s.name, t.text, fmt::format("{:.2f} {}", value, t.unit), t.met(value)});
    }
    verdicts.push_back({s.name, "siarand exits 0 on SIGTERM", fmt::format("status {}", f.exit_status), f.exit_status == 0});
  } catch (const std::exception& e) {
    table << s.name << "\n  failed: " << e.what() << '\n';
    json.push_back({{"scenario", s.name}, {"error", e.what()}});
    for (const auto& t : s.targets) verdicts.push_back({s.name, t.text, "no figures", false});
  }
  table << std::flush;
  return verdicts;
}

void print_verdicts(std::ostream& out, const std::vector<verdict>& verdicts) {
  out << "\nTargets\n";
  for (const auto& v : verdicts) {
    out << fmt::format("  {:<4} {:<48} {:<46} {}\n", v.pass ? "PASS" : "FAIL", v.scenario, v.target, v.measured);
  }
}

}  // namespace

int run_targets(const targets_options& options) {
  std::vector<verdict> verdicts;
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& s : scenarios()) {
    if (!options.only.empty() && options.only.find(s.name.front()) == std::string::npos) continue;
    for (auto& v : run_scenario(s, options, runs)) verdicts.push_back(std::move(v));
  }
  const bool all_pass = std::all_of(verdicts.begin(), verdicts.end(), [](const verdict& v) { return v.pass; });
  print_verdicts(options.json ? std::cerr : std::cout, verdicts);
  if (options.json) {
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& v : verdicts) checks.push_back({{"scenario", v.scenario}, {"target", v.target}, {"measured", v.measured}, {"pass", v.pass}});
    std::cout << nlohmann::json{{"runs", runs}, {"targets", checks}, {"pass", all_pass}}.dump(2) << '\n';
  }
  return all_pass ? 0 : 1;
}

}  // namespace siaran::tools::bench
