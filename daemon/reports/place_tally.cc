// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/place_tally.h"

namespace siaran::daemon::reports {

void delivery_counts::count(queue::part_state state) {
  ++recipients;
  if (state == queue::part_state::sent || state == queue::part_state::delivered) ++sent;
  if (state == queue::part_state::delivered) ++delivered;
  if (state == queue::part_state::failed) ++failed;
}

void place_tally::count(const std::optional<std::string>& kecamatan, queue::part_state state) {
  by_place_[kecamatan && !kecamatan->empty() ? *kecamatan : "(tanpa kecamatan)"].count(state);
}

exports::spreadsheet_table place_tally::table() const {
  exports::spreadsheet_table t{
      "by_kecamatan", "Per kecamatan", {"kecamatan", "penerima", "terkirim", "sampai", "gagal"}, {}};
  delivery_counts total;
  for (const auto& [place, c] : by_place_) {
    t.rows.push_back({place, c.recipients, c.sent, c.delivered, c.failed});
    total.recipients += c.recipients;
    total.sent += c.sent;
    total.delivered += c.delivered;
    total.failed += c.failed;
  }
  t.rows.push_back({std::string("Jumlah"), total.recipients, total.sent, total.delivered, total.failed});
  return t;
}

exports::spreadsheet_table time_tally::table() const {
  exports::spreadsheet_table t{"timeline", "Waktu", {"waktu", "terkirim", "sampai"}, {}};
  for (const auto& [label, c] : by_time_) t.rows.push_back({label, c.sent, c.delivered});
  return t;
}

}  // namespace siaran::daemon::reports
