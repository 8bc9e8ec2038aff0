// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a benchmark reports, and how it is computed from what the daemon says and what the
// kernel counts. Pure functions: the run collects samples, these turn them into figures.

#include <cstddef>
#include <string>
#include <vector>

#include "tools/bench/daemon_api.h"

namespace siaran::tools::bench {

// Taken at the start and at the end of the sending phase (queueing done -> queue drained).
struct phase_sample {
  double wall_s = 0;  // steady clock
  double cpu_s = 0;   // the daemon's utime + stime
  double busy_ms = 0; // summed over the modems
  long long sent = 0; // parts, since the daemon started
  double write_bytes = 0;  // the daemon's, /proc/PID/io
  double write_calls = 0;
};

struct figures {
  unsigned modems = 0;
  std::string modem_kind;  // daemon_config::modem_kind: whose CPU the daemon's figures include
  double rate_per_second = 0;  // the throttle, 0 = unthrottled
  std::size_t messages = 0;
  std::size_t messages_sent = 0;  // in state `sent` at the end
  long long parts_queued = 0;
  long long parts_sent = 0;
  long long parts_failed = 0;
  double queueing_s = 0;
  double queueing_cpu_s = 0;  // the daemon's share of queueing_s; the rest is the bench and the wire
  double sending_s = 0;
  double achieved_parts_per_s = 0;
  double latency_p50_s = 0;  // queue-to-acknowledge (created_at -> last part's sent_at)
  double latency_p99_s = 0;
  double modem_utilisation = 0;  // busy time / (modems x sending time)
  double cpu_s_per_1000_parts = 0;
  double cpu_percent = 0;  // of one core, during sending
  double write_bytes_per_part = 0;  // the daemon's disk writes during sending, per part sent
  double write_calls_per_part = 0;
  double rss_after_queueing_mib = 0;
  double peak_rss_mib = 0;
  int exit_status = -1;
  std::vector<modem_status> per_modem;
};

// Parts / (last sent_at - first sent_at), as the throttle is specified over parts.
double achieved_rate(const std::vector<sent_message>& sent);

// The fraction-th latency (0.5, 0.99) in seconds, nearest rank; 0 when nothing was sent.
double latency_percentile(const std::vector<sent_message>& sent, double fraction);

// Utilisation and CPU figures between two samples.
void add_phase_figures(figures& result, const phase_sample& start, const phase_sample& end);

}  // namespace siaran::tools::bench
