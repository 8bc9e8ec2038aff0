// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SMPP scenarios (issue 18): siarand with one bind to a siaran-smscsim process, a masked
// broadcast of personalised messages to imported contacts, and what it achieved: the rate
// against the global throttle, every delivery receipt matched, siarand's CPU per part. The mixed
// run adds modems (siaran-modemsim processes) on which cadres answer while the broadcast goes
// out, and checks that each answer went back over a modem and nothing masked did.

#include <cstddef>
#include <filesystem>

namespace siaran::tools::bench {

struct smpp_setup {
  double rate = 40;       // throttle.rate_per_second: the limit the run is measured against
  unsigned burst = 5;
  double bind_rate = 50;  // the bind's own rate_per_second, above the throttle
  unsigned window = 10;
  std::size_t messages = 1'000;
  unsigned receipt_delay_ms = 200;
  // The mixed run: modems beside the bind and `answers` replies injected into them while the
  // broadcast goes out, alternately "INFO" (an auto reply answers the cadre) and plain text
  // (forwarded to the officer's phone), each making one SMS over a modem.
  unsigned modems = 0;
  unsigned modem_latency_ms = 200;
  std::size_t answers = 0;
  double answers_per_second = 4;
};

struct smpp_figures {
  smpp_setup setup;
  long long recipients = 0;
  double broadcast_s = 0;  // from the POST to its last receipt (and, mixed, its last answer sent)
  double bind_parts_per_s = 0;  // parts over the bind / (last sent_at - first sent_at)
  long long delivered = 0, failed = 0, uncertain = 0;  // the broadcast's recipients
  long long bind_sent = 0, bind_receipts = 0, bind_throttled = 0, bind_uncertain = 0;  // GET /api/v1/channels
  long long smsc_accepted = 0;  // submits in the SMSC's send log
  double cpu_s = 0;  // siarand's, over broadcast_s
  double cpu_ms_per_part = 0;  // per part sent over the bind or a modem
  double cpu_percent = 0;  // of one core
  double peak_rss_mib = 0;
  // The mixed run.
  long long answers_injected = 0;
  long long modem_sent = 0;  // SMS in the modems' send logs
  double modem_parts_per_s = 0;  // modem SMS / (from the first answer injected to the last answer sent)
  long long masked_over_modem = 0;  // modem SMS carrying the broadcast's text
  long long answers_over_bind = 0;  // submits over the bind not carrying it
  int exit_status = -1;
};

struct smpp_run_options {
  std::filesystem::path siarand, modemsim, smscsim;
  bool keep_dir = false;
};

// Throws run_error (bench_run.h) naming the kept directory when the run fails.
smpp_figures run_smpp(const smpp_setup& setup, const smpp_run_options& options);

}  // namespace siaran::tools::bench
