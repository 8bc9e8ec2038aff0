// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/report.h"

#include <fmt/format.h>

namespace siaran::tools::bench {
namespace {

void row(std::ostream& out, std::string_view label, const std::string& value) {
  out << fmt::format("  {:<34}{}\n", label, value);
}

}  // namespace

std::string throttle_text(double rate_per_second) {
  return rate_per_second == 0 ? "unthrottled" : fmt::format("{:g}/s", rate_per_second);
}

void print_table(std::ostream& out, const std::string& title, const figures& r) {
  out << title << '\n';
  row(out, "modems", fmt::format("{} {}", r.modems, r.modem_kind));
  row(out, "messages / parts queued", fmt::format("{} / {}", r.messages, r.parts_queued));
  row(out, "queueing", fmt::format("{:.2f} s, of which siarand CPU {:.2f} s", r.queueing_s, r.queueing_cpu_s));
  row(out, "RSS after queueing / peak", fmt::format("{:.1f} MiB / {:.1f} MiB", r.rss_after_queueing_mib, r.peak_rss_mib));
  if (r.sending_s > 0) {
    row(out, "parts sent / failed", fmt::format("{} / {}", r.parts_sent, r.parts_failed));
    if (r.messages_sent > 0) {
      row(out, "achieved", fmt::format("{:.2f} parts/s (throttle {})", r.achieved_parts_per_s, throttle_text(r.rate_per_second)));
      row(out, "queue-to-acknowledge p50 / p99", fmt::format("{:.2f} s / {:.2f} s", r.latency_p50_s, r.latency_p99_s));
    }
    row(out, "sending phase", fmt::format("{:.2f} s", r.sending_s));
    row(out, "modem utilisation", fmt::format("{:.1f} % of {} modems", 100 * r.modem_utilisation, r.modems));
    row(out, "daemon CPU", fmt::format("{:.4f} s per 1000 parts, {:.2f} % of a core", r.cpu_s_per_1000_parts, r.cpu_percent));
    row(out, "daemon disk writes per part sent",
        fmt::format("{:.1f} KB in {:.1f} write calls", r.write_bytes_per_part / 1000, r.write_calls_per_part));
  }
  row(out, "siarand exit status after SIGTERM", std::to_string(r.exit_status));
}

nlohmann::json to_json(const figures& r) {
  nlohmann::json modems = nlohmann::json::array();
  for (const auto& m : r.per_modem) modems.push_back({{"id", m.id}, {"sent", m.sent}, {"failed", m.failed}, {"busy_ms", m.busy_ms}});
  return {{"modems", r.modems},
          {"modem_kind", r.modem_kind},
          {"rate_per_second", r.rate_per_second},
          {"messages", r.messages},
          {"messages_sent", r.messages_sent},
          {"parts_queued", r.parts_queued},
          {"parts_sent", r.parts_sent},
          {"parts_failed", r.parts_failed},
          {"queueing_s", r.queueing_s},
          {"queueing_cpu_s", r.queueing_cpu_s},
          {"sending_s", r.sending_s},
          {"achieved_parts_per_s", r.achieved_parts_per_s},
          {"latency_p50_s", r.latency_p50_s},
          {"latency_p99_s", r.latency_p99_s},
          {"modem_utilisation", r.modem_utilisation},
          {"cpu_s_per_1000_parts", r.cpu_s_per_1000_parts},
          {"cpu_percent_of_core", r.cpu_percent},
          {"write_bytes_per_part", r.write_bytes_per_part},
          {"write_calls_per_part", r.write_calls_per_part},
          {"rss_after_queueing_mib", r.rss_after_queueing_mib},
          {"peak_rss_mib", r.peak_rss_mib},
          {"exit_status", r.exit_status},
          {"per_modem", std::move(modems)}};
}

}  // namespace siaran::tools::bench
