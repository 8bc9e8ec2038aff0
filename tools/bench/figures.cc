// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/figures.h"

#include <algorithm>
#include <cmath>

namespace siaran::tools::bench {

double achieved_rate(const std::vector<sent_message>& sent) {
  double first = INFINITY, last = -INFINITY;
  std::size_t parts = 0;
  for (const auto& message : sent) {
    for (double at : message.part_sent_ms) {
      first = std::min(first, at);
      last = std::max(last, at);
      ++parts;
    }
  }
  // Send times have millisecond resolution: below two parts or one millisecond there is no rate.
  if (parts < 2 || last - first < 1) return 0;
  return static_cast<double>(parts) / ((last - first) / 1000.0);
}

double latency_percentile(const std::vector<sent_message>& sent, double fraction) {
  std::vector<double> latencies;
  latencies.reserve(sent.size());
  for (const auto& message : sent) {
    if (message.part_sent_ms.empty()) continue;
    const double acknowledged = *std::max_element(message.part_sent_ms.begin(), message.part_sent_ms.end());
    latencies.push_back((acknowledged - message.created_ms) / 1000.0);
  }
  if (latencies.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(latencies.size())));
  const auto nth = latencies.begin() + static_cast<std::ptrdiff_t>(std::clamp<std::size_t>(rank, 1, latencies.size()) - 1);
  std::nth_element(latencies.begin(), nth, latencies.end());
  return *nth;
}

void add_phase_figures(figures& result, const phase_sample& start, const phase_sample& end) {
  result.sending_s = end.wall_s - start.wall_s;
  const double cpu = end.cpu_s - start.cpu_s;
  const auto parts = static_cast<double>(end.sent - start.sent);
  if (result.sending_s > 0) {
    result.cpu_percent = 100.0 * cpu / result.sending_s;
    if (result.modems > 0) result.modem_utilisation = (end.busy_ms - start.busy_ms) / 1000.0 / (result.modems * result.sending_s);
  }
  if (parts > 0) {
    result.cpu_s_per_1000_parts = cpu / (parts / 1000.0);
    result.write_bytes_per_part = (end.write_bytes - start.write_bytes) / parts;
    result.write_calls_per_part = (end.write_calls - start.write_calls) / parts;
  }
}

}  // namespace siaran::tools::bench
