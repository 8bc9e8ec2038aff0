// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/demo.h"

#include <fmt/format.h>

#include <iostream>

#include "tools/bench/bench_run.h"
#include "tools/bench/progress_bar.h"
#include "tools/bench/report.h"

namespace siaran::tools::bench {
namespace {

constexpr std::size_t modems_per_row = 8;

void print_per_modem(std::ostream& out, const figures& result) {
  out << "  sent per modem:\n";
  for (std::size_t i = 0; i < result.per_modem.size(); ++i) {
    const auto& modem = result.per_modem[i];
    out << (i % modems_per_row == 0 ? "    " : "  ") << fmt::format("{} {:>3}", modem.id, modem.sent);
    if (modem.failed > 0) out << fmt::format(" ({} failed)", modem.failed);
    if (i % modems_per_row == modems_per_row - 1 || i + 1 == result.per_modem.size()) out << '\n';
  }
}

void print_result(std::ostream& out, const figures& r) {
  out << fmt::format("Broadcast of {} messages ({} parts) over {} simulated modems\n", r.messages, r.parts_queued, r.modems);
  out << fmt::format("  sent:   {} messages, {} parts\n", r.messages_sent, r.parts_sent);
  out << fmt::format("  failed: {} parts\n", r.parts_failed);
  out << fmt::format("  rate:   {:.1f} parts/s achieved, throttle {}\n", r.achieved_parts_per_s, throttle_text(r.rate_per_second));
  out << fmt::format("  queue-to-acknowledge: p50 {:.1f} s, p99 {:.1f} s; siarand CPU {:.2f} % of a core\n",
                     r.latency_p50_s, r.latency_p99_s, r.cpu_percent);
  print_per_modem(out, r);
  out << fmt::format("  siarand exit status after SIGTERM: {}\n", r.exit_status);
}

bool all_sent(const figures& r) {
  return r.messages_sent == r.messages && r.parts_sent == r.parts_queued && r.parts_failed == 0 && r.exit_status == 0;
}

}  // namespace

int run_demo(const demo_options& options) {
  progress_bar bar;
  run_request request{.siarand = options.siarand,
                      .modemsim = {},  // the config's modems, as they are
                      .make_config = [&options](const auto& dir) { return copied_config(options.config, dir); },
                      .messages = options.messages,
                      .message = demo_message,
                      .keep_dir = options.keep_dir,
                      .on_progress = [&bar](const progress& now) { bar.update(now); }};
  std::cerr << fmt::format("siaran-bench: siarand with {}, {} personalised messages\n", options.config.string(), options.messages);
  const figures result = run_benchmark(request);
  bar.finish();
  print_result(options.json ? std::cerr : std::cout, result);
  if (options.json) std::cout << to_json(result).dump(2) << '\n';
  return all_sent(result) ? 0 : 1;
}

}  // namespace siaran::tools::bench
