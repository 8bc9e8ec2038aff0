// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/broadcast_report.h"

#include "daemon/reports/report_words.h"

namespace siaran::daemon::reports {
namespace {

const queue::recipient_details no_details;

std::string text(const std::optional<std::string>& value) { return value.value_or(""); }

std::string time_text(const std::optional<queue::timestamp>& t, const schedule::time_zone& zone) {
  return t ? local_minute(zone, *t) : "";
}

exports::spreadsheet_table recipients_table(const broadcast_report_source& source, const schedule::time_zone& zone) {
  exports::spreadsheet_table t{"recipients",
                               "Penerima",
                               {"nama", "no_hp", "kecamatan", "desa", "posyandu", "keadaan", "modem", "waktu_kirim",
                                "waktu_sampai", "balasan", "alasan_gagal", "penerimaan", "keterangan_laporan"},
                               {}};
  for (const auto& r : source.recipients) t.rows.push_back(recipient_row(r, details_of(source, r.contact_id), zone));
  return t;
}

// The counts as GET /api/v1/broadcasts/{id} gives them, in its order.
exports::spreadsheet_table summary_table(const queue::broadcast_progress& b, const schedule::time_zone& zone) {
  using exports::table_cell;
  const auto row = [](const char* what, table_cell value) { return exports::table_row{std::string(what), value}; };
  return {"summary",
          "Ringkasan",
          {"keterangan", "nilai"},
          {row("siaran", b.id), row("isi_pesan", b.template_text), row("waktu_kirim", local_minute(zone, b.send_at)),
           row("penerima", b.recipients), row("menunggu", b.queued + b.sending), row("terkirim", b.sent + b.delivered),
           row("sampai", b.delivered), row("tidak_diterima", b.undelivered),
           row("belum_diketahui", b.unknown), row("gagal", b.failed), row("dibatalkan", b.cancelled),
           row("belum_pasti", b.uncertain), row("balasan", b.replies)}};
}

}  // namespace

const queue::recipient_details& details_of(const broadcast_report_source& source, std::int64_t contact_id) {
  const auto found = source.details.find(contact_id);
  return found == source.details.end() ? no_details : found->second;
}

void tally_recipients(const broadcast_report_source& source, const schedule::time_zone& zone, time_label label,
                      place_tally& places, time_tally& times) {
  for (const auto& r : source.recipients) {
    places.count(r.kecamatan, r);
    if (r.sent_at) times.sent_at(label(zone, *r.sent_at));
    if (r.delivered_at) times.delivered_at(label(zone, *r.delivered_at));
  }
}

exports::table_row recipient_row(const queue::broadcast_recipient& r, const queue::recipient_details& d,
                                 const schedule::time_zone& zone) {
  return {text(r.contact_name),       r.to,          r.kecamatan,
          r.desa,                      text(d.posyandu), state_word(r.state),
          text(r.modem),               time_text(r.sent_at, zone), time_text(r.delivered_at, zone),
          d.replies,                   text(r.last_error), delivery_word(r.delivery),
          status_meaning_word(r.status)};
}

std::vector<exports::spreadsheet_table> broadcast_report(const broadcast_report_source& source,
                                                         const schedule::time_zone& zone) {
  place_tally places;
  time_tally times;
  tally_recipients(source, zone, local_hour, places, times);
  return {recipients_table(source, zone), summary_table(source.broadcast, zone), places.table(), times.table()};
}

}  // namespace siaran::daemon::reports
