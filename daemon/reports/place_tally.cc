// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/place_tally.h"

namespace siaran::daemon::reports {

void delivery_counts::count(const queue::broadcast_recipient& r) {
  ++recipients;
  if (r.state == queue::part_state::sent || r.state == queue::part_state::delivered) ++sent;
  if (r.state == queue::part_state::delivered) ++delivered;
  if (r.delivery == "undelivered") ++undelivered;
  if (r.delivery == "unknown") ++unknown;
  if (r.state == queue::part_state::failed) ++failed;
}

void delivery_counts::add(const delivery_counts& other) {
  recipients += other.recipients;
  sent += other.sent;
  delivered += other.delivered;
  undelivered += other.undelivered;
  unknown += other.unknown;
  failed += other.failed;
}

void place_tally::count(const std::string& kecamatan, const queue::broadcast_recipient& r) {
  by_place_[kecamatan.empty() ? "(tanpa kecamatan)" : kecamatan].count(r);
}

exports::spreadsheet_table place_tally::table() const {
  exports::spreadsheet_table t{
      "by_kecamatan",
      "Per kecamatan",
      {"kecamatan", "penerima", "terkirim", "sampai", "gagal", "tidak_diterima", "belum_diketahui"},
      {}};
  const auto row = [](const std::string& name, const delivery_counts& c) {
    return exports::table_row{name, c.recipients, c.sent, c.delivered, c.failed, c.undelivered, c.unknown};
  };
  delivery_counts total;
  for (const auto& [place, c] : by_place_) {
    t.rows.push_back(row(place, c));
    total.add(c);
  }
  t.rows.push_back(row("Jumlah", total));
  return t;
}

exports::spreadsheet_table time_tally::table() const {
  exports::spreadsheet_table t{"timeline", "Waktu", {"waktu", "terkirim", "sampai"}, {}};
  for (const auto& [label, c] : by_time_) t.rows.push_back({label, c.sent, c.delivered});
  return t;
}

}  // namespace siaran::daemon::reports
