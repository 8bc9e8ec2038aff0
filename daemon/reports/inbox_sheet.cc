// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/inbox_sheet.h"

#include "daemon/reports/report_words.h"

namespace siaran::daemon::reports {

exports::spreadsheet_table inbox_sheet(const std::vector<queue::inbox_entry>& entries,
                                       const schedule::time_zone& zone) {
  exports::spreadsheet_table t{"inbox",
                               "Kotak masuk",
                               {"waktu_terima", "no_hp", "nama", "isi", "kata_kunci", "siaran", "modem", "dibaca"},
                               {}};
  for (const auto& e : entries) {
    const exports::table_cell broadcast = e.route.broadcast_id ? exports::table_cell(*e.route.broadcast_id)
                                                               : exports::table_cell(std::string());
    t.rows.push_back({local_minute(zone, e.message.received_at), e.message.sender, e.contact_name.value_or(""),
                      e.message.text, e.route.keyword.value_or(""), broadcast, e.message.modem,
                      std::string(e.read_at ? "ya" : "")});
  }
  return t;
}

}  // namespace siaran::daemon::reports
