// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/smpp_report.h"

#include <fmt/format.h>

namespace siaran::tools::bench {
namespace {

void row(std::ostream& out, std::string_view label, const std::string& value) {
  out << fmt::format("  {:<34}{}\n", label, value);
}

}  // namespace

void print_table(std::ostream& out, const std::string& title, const smpp_figures& r) {
  const smpp_setup& s = r.setup;
  out << title << '\n';
  row(out, "bind", fmt::format("siaran-smscsim process, bind rate {:g}/s, window {}, receipts after {} ms", s.bind_rate,
                               s.window, s.receipt_delay_ms));
  if (s.modems > 0) {
    row(out, "modems", fmt::format("{} external siaran-modemsim at {} ms", s.modems, s.modem_latency_ms));
  }
  row(out, "broadcast via smpp", fmt::format("{} recipients, settled in {:.2f} s", r.recipients, r.broadcast_s));
  row(out, "achieved over the bind",
      fmt::format("{:.2f} parts/s (throttle {:g}/s, {:.1f} %)", r.bind_parts_per_s, s.rate,
                  s.rate > 0 ? 100 * r.bind_parts_per_s / s.rate : 0));
  row(out, "delivered / failed / uncertain", fmt::format("{} / {} / {}", r.delivered, r.failed, r.uncertain));
  row(out, "bind sent / receipts",
      fmt::format("{} / {} (SMSC accepted {})", r.bind_sent, r.bind_receipts, r.smsc_accepted));
  row(out, "bind throttled / uncertain", fmt::format("{} / {}", r.bind_throttled, r.bind_uncertain));
  if (s.modems > 0) {
    row(out, "answers injected / sent by modem", fmt::format("{} / {}", r.answers_injected, r.modem_sent));
    row(out, "achieved over the modems", fmt::format("{:.2f} parts/s (with the bind's {:.2f}/s)", r.modem_parts_per_s,
                                                     r.bind_parts_per_s + r.modem_parts_per_s));
    row(out, "masked by modem / answers by bind",
        fmt::format("{} / {}", r.masked_over_modem, r.answers_over_bind));
  }
  row(out, "daemon CPU",
      fmt::format("{:.3f} ms per part, {:.2f} % of a core ({:.2f} s)", r.cpu_ms_per_part, r.cpu_percent, r.cpu_s));
  row(out, "peak RSS", fmt::format("{:.1f} MiB", r.peak_rss_mib));
  row(out, "siarand exit status after SIGTERM", std::to_string(r.exit_status));
}

nlohmann::json to_json(const smpp_figures& r) {
  const smpp_setup& s = r.setup;
  return {{"rate_per_second", s.rate},
          {"bind_rate_per_second", s.bind_rate},
          {"window", s.window},
          {"receipt_delay_ms", s.receipt_delay_ms},
          {"modems", s.modems},
          {"recipients", r.recipients},
          {"broadcast_s", r.broadcast_s},
          {"bind_parts_per_s", r.bind_parts_per_s},
          {"delivered", r.delivered},
          {"failed", r.failed},
          {"uncertain", r.uncertain},
          {"bind_sent", r.bind_sent},
          {"bind_receipts", r.bind_receipts},
          {"bind_throttled", r.bind_throttled},
          {"bind_uncertain", r.bind_uncertain},
          {"smsc_accepted", r.smsc_accepted},
          {"answers_injected", r.answers_injected},
          {"modem_sent", r.modem_sent},
          {"modem_parts_per_s", r.modem_parts_per_s},
          {"masked_over_modem", r.masked_over_modem},
          {"answers_over_bind", r.answers_over_bind},
          {"cpu_s", r.cpu_s},
          {"cpu_ms_per_part", r.cpu_ms_per_part},
          {"cpu_percent_of_core", r.cpu_percent},
          {"peak_rss_mib", r.peak_rss_mib},
          {"exit_status", r.exit_status}};
}

}  // namespace siaran::tools::bench
