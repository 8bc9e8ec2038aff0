// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/rsvp_list.h"

#include "daemon/reports/head_count.h"
#include "daemon/reports/report_words.h"

namespace siaran::daemon::reports {
namespace {

bool attends(const queue::rsvp_record& answer) { return answer.answer == queue::rsvp_answer::attending; }

exports::spreadsheet_table answers_table(const std::vector<queue::rsvp_record>& answers,
                                         const schedule::time_zone& zone) {
  exports::spreadsheet_table t{
      "answers", "Jawaban", {"nama", "no_hp", "jawaban", "jumlah_orang", "waktu_jawab", "balasan"}, {}};
  for (const auto& a : answers) {
    t.rows.push_back({a.name, a.phone, std::string(attends(a) ? "Hadir" : "Tidak"), heads_of(a),
                      local_minute(zone, a.answered_at), a.reply.value_or("")});
  }
  return t;
}

}  // namespace

std::int64_t heads_of(const queue::rsvp_record& answer) {
  return attends(answer) ? head_count(answer.reply.value_or("")) : 0;
}

std::int64_t heads_attending(const std::vector<queue::rsvp_record>& answers) {
  std::int64_t heads = 0;
  for (const auto& a : answers) heads += heads_of(a);
  return heads;
}

std::vector<exports::spreadsheet_table> rsvp_list(const queue::event_record& event,
                                                  const std::vector<queue::rsvp_record>& answers,
                                                  const queue::rsvp_tally& tally, const schedule::time_zone& zone) {
  const auto row = [](const char* what, exports::table_cell value) {
    return exports::table_row{std::string(what), value};
  };
  exports::spreadsheet_table summary{"summary",
                                     "Ringkasan",
                                     {"keterangan", "nilai"},
                                     {row("acara", event.title), row("waktu", local_minute(zone, event.starts_at)),
                                      row("tempat", event.place), row("hadir", tally.attending),
                                      row("hadir_orang", heads_attending(answers)), row("tidak", tally.declining),
                                      row("belum_menjawab", tally.unanswered)}};
  return {answers_table(answers, zone), std::move(summary)};
}

}  // namespace siaran::daemon::reports
