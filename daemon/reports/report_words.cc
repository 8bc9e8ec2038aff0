// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/reports/report_words.h"

#include <fmt/format.h>

#include "sms/delivery_status.h"

namespace siaran::daemon::reports {

std::string state_word(queue::part_state state) {
  switch (state) {
    case queue::part_state::queued: return "Menunggu";
    case queue::part_state::sending: return "Sedang dikirim";
    case queue::part_state::sent: return "Terkirim";
    case queue::part_state::delivered: return "Sampai";
    case queue::part_state::failed: return "Gagal";
    case queue::part_state::uncertain: return "Belum pasti";
    case queue::part_state::cancelled: return "Dibatalkan";
  }
  return "?";
}

std::string local_day(const schedule::time_zone& zone, queue::timestamp t) {
  const schedule::local_date d = zone.to_local(t).date;
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string delivery_word(const std::optional<std::string>& delivery) {
  if (!delivery) return "";
  if (*delivery == "delivered") return "Diterima";
  if (*delivery == "undelivered") return "Tidak diterima";
  if (*delivery == "pending") return "Menunggu laporan";
  return "Belum diketahui";
}

std::string status_meaning_word(const std::optional<int>& status) {
  return status ? std::string(sms::status_text_id(static_cast<std::uint8_t>(*status))) : "";
}

std::string local_minute(const schedule::time_zone& zone, queue::timestamp t) {
  const schedule::local_time l = zone.to_local(t);
  return fmt::format("{} {:02}:{:02}", local_day(zone, t), l.hour, l.minute);
}

std::string local_hour(const schedule::time_zone& zone, queue::timestamp t) {
  return fmt::format("{} {:02}:00", local_day(zone, t), zone.to_local(t).hour);
}

}  // namespace siaran::daemon::reports
