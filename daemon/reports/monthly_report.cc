// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/monthly_report.h"

#include <fmt/format.h>

#include <charconv>

#include "daemon/reports/report_words.h"

namespace siaran::daemon::reports {
namespace {

std::string month_text(const report_month& m) { return fmt::format("{:04}-{:02}", m.year, m.month); }

exports::spreadsheet_table broadcasts_table(const std::vector<broadcast_report_source>& broadcasts,
                                            const schedule::time_zone& zone) {
  exports::spreadsheet_table t{"broadcasts",
                               "Siaran",
                               {"siaran", "waktu_kirim", "asal", "isi_pesan", "penerima", "terkirim", "sampai",
                                "gagal", "balasan"},
                               {}};
  for (const auto& source : broadcasts) {
    const queue::broadcast_progress& b = source.broadcast;
    t.rows.push_back({b.id, local_minute(zone, b.send_at), b.origin, b.template_text, b.recipients,
                      b.sent + b.delivered, b.delivered, b.failed, b.replies});
  }
  return t;
}

exports::spreadsheet_table summary_table(const report_month& month, const std::vector<broadcast_report_source>& all) {
  delivery_counts total;
  std::int64_t replies = 0;
  for (const auto& source : all) {
    total.recipients += source.broadcast.recipients;
    total.sent += source.broadcast.sent + source.broadcast.delivered;
    total.delivered += source.broadcast.delivered;
    total.failed += source.broadcast.failed;
    replies += source.broadcast.replies;
  }
  const auto row = [](const char* what, exports::table_cell value) {
    return exports::table_row{std::string(what), value};
  };
  return {"summary",
          "Ringkasan",
          {"keterangan", "nilai"},
          {row("bulan", month_text(month)), row("siaran", static_cast<std::int64_t>(all.size())),
           row("penerima", total.recipients), row("terkirim", total.sent), row("sampai", total.delivered),
           row("gagal", total.failed), row("balasan", replies)}};
}

}  // namespace

std::optional<report_month> parse_report_month(std::string_view text) {
  report_month m;
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto year = std::from_chars(text.data(), text.data() + 4, m.year);
  const auto month = std::from_chars(text.data() + 5, text.data() + 7, m.month);
  const bool whole = year.ptr == text.data() + 4 && month.ptr == text.data() + 7;
  if (!whole || m.year < 2000 || m.month < 1 || m.month > 12) return std::nullopt;
  return m;
}

std::pair<queue::timestamp, queue::timestamp> month_span(const report_month& m, const schedule::time_zone& zone) {
  const schedule::local_date first{m.year, m.month, 1};
  const schedule::local_date next = m.month == 12 ? schedule::local_date{m.year + 1, 1, 1}
                                                  : schedule::local_date{m.year, m.month + 1, 1};
  return {zone.to_utc(first, 0, 0), zone.to_utc(next, 0, 0)};
}

std::vector<exports::spreadsheet_table> monthly_report(const report_month& month,
                                                       const std::vector<broadcast_report_source>& broadcasts,
                                                       const schedule::time_zone& zone) {
  place_tally places;
  time_tally days;
  for (const auto& source : broadcasts) tally_recipients(source, zone, local_day, places, days);
  return {broadcasts_table(broadcasts, zone), places.table(), days.table(), summary_table(month, broadcasts)};
}

}  // namespace siaran::daemon::reports
