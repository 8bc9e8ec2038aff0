// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/api_client.h"
#include "tools/bench/bench_run.h"
#include "tools/bench/history_fill.h"
#include "tools/bench/report.h"

namespace siaran::tools::bench {
namespace {

using clock_type = std::chrono::steady_clock;

// What a page polling every few seconds may cost the daemon's one I/O thread.
constexpr double target_ms = 20;
// The web page's own page sizes (web/js/pages/): Riwayat's list and a broadcast's recipients.
constexpr int broadcasts_page = 50;
constexpr int recipients_page = 200;

struct endpoint {
  std::string label;
  std::string target;
};

struct timing {
  std::string label;
  double median_ms = 0;
  double worst_ms = 0;
  std::size_t bytes = 0;  // of the last answer
  bool pass() const { return median_ms <= target_ms && worst_ms <= target_ms; }
};

// The polls of web/js/pages/*.js and app.js, with the history's ids in them.
std::vector<endpoint> polled_endpoints(const filled_history& h, std::int64_t newest_incoming) {
  const std::string big = std::to_string(h.big_broadcast_id);
  return {
      {"modems (Beranda, Modem)", "/api/v1/modems"},
      {"queue (Beranda)", "/api/v1/queue"},
      {"stats/daily?days=7 (Beranda)", "/api/v1/stats/daily?days=7"},
      {"broadcasts?limit=50 (Beranda, Riwayat)", fmt::format("/api/v1/broadcasts?limit={}", broadcasts_page)},
      {"broadcasts/{50k} (Riwayat detail)", "/api/v1/broadcasts/" + big},
      {"broadcasts/{50k}/recipients, first page", fmt::format("/api/v1/broadcasts/{}/recipients?limit={}", big, recipients_page)},
      {"inbox/unread (every page)", "/api/v1/inbox/unread"},
      {"inbox?after= (Kotak masuk)", fmt::format("/api/v1/inbox?after={}&limit=500", newest_incoming)},
      {"events (Agenda)", "/api/v1/events"},
      {"contacts/facets (Kirim, Kontak, Agenda)", "/api/v1/contacts/facets"},
  };
}

timing measure(api_client& client, const endpoint& e, std::size_t requests) {
  std::vector<double> ms;
  timing t{e.label};
  for (std::size_t i = 0; i < requests; ++i) {
    const auto start = clock_type::now();
    const api_reply reply = client.get(e.target);
    ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
    if (reply.status != 200) throw run_error("GET " + e.target + ": HTTP " + std::to_string(reply.status) + " " + reply.body);
    t.bytes = reply.body.size();
  }
  std::ranges::sort(ms);
  t.median_ms = ms[ms.size() / 2];
  t.worst_ms = ms.back();
  return t;
}

void print_timings(std::ostream& out, const std::vector<timing>& timings, std::size_t requests) {
  out << fmt::format("Polled endpoints, {} requests each (target: median and worst <= {:g} ms)\n", requests, target_ms);
  out << fmt::format("  {:<44}{:>10}{:>10}{:>12}  {}\n", "endpoint", "median ms", "worst ms", "answer", "");
  for (const timing& t : timings) {
    out << fmt::format("  {:<44}{:>10.2f}{:>10.2f}{:>10.1f}kB  {}\n", t.label, t.median_ms, t.worst_ms,
                       static_cast<double>(t.bytes) / 1000, t.pass() ? "PASS" : "FAIL");
  }
}

nlohmann::json timings_json(const std::vector<timing>& timings) {
  nlohmann::json out = nlohmann::json::array();
  for (const timing& t : timings) {
    out.push_back({{"endpoint", t.label}, {"median_ms", t.median_ms}, {"worst_ms", t.worst_ms}, {"bytes", t.bytes}, {"pass", t.pass()}});
  }
  return out;
}

}  // namespace

int run_history(const history_options& options) {
  std::ostream& out = options.json ? std::cerr : std::cout;
  const history_size size;
  filled_history filled;
  std::vector<timing> timings;
  const scenario_setup setup{.modems = 4, .latency_ms = 200, .rate = 40, .burst = 5, .builtin_sims = true};
  run_request request{
      .siarand = options.siarand,
      .modemsim = options.modemsim,
      .make_config = [&setup](const auto& dir) { return scenario_config(setup, dir); },
      .messages = options.messages,
      .read_sent_messages = false,
      .keep_dir = options.keep_dir,
      .before_start =
          [&](const daemon_config& config) {
            std::cerr << "siaran-bench: filling the database with two years of history...\n";
            filled = fill_history(config.database, size, std::chrono::system_clock::now());
            out << fmt::format("History: {} contacts, {} broadcasts (one of {} recipients), {} messages, {} parts, "
                               "{} incoming; filled in {:.1f} s, {:.0f} MB\n",
                               size.contacts, size.broadcasts, size.big_broadcast, filled.messages, filled.parts,
                               size.incoming, filled.seconds,
                               static_cast<double>(std::filesystem::file_size(config.database)) / 1e6);
          },
      .on_ready =
          [&](const running_daemon& daemon) {
            api_client client(daemon.config.endpoint);
            for (const endpoint& e : polled_endpoints(filled, size.incoming)) timings.push_back(measure(client, e, options.requests));
          },
      .on_progress = nullptr,
  };
  const figures result = run_benchmark(request);
  print_timings(out, timings, options.requests);
  out << '\n';
  print_table(out, fmt::format("Then {} messages over {} built-in simulated modems at {:g}/s", options.messages, setup.modems, setup.rate),
              result);
  if (options.json) {
    std::cout << nlohmann::json{{"endpoints", timings_json(timings)}, {"sending", to_json(result)}}.dump(2) << '\n';
  }
  const bool fast = std::ranges::all_of(timings, &timing::pass);
  return fast && result.exit_status == 0 && result.parts_failed == 0 ? 0 : 1;
}

}  // namespace siaran::tools::bench
