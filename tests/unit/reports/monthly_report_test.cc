// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/reports/monthly_report.h"

using namespace siaran::daemon::reports;
using siaran::queue::part_state;
using siaran::queue::timestamp;

namespace {

const siaran::daemon::schedule::time_zone jakarta("Asia/Jakarta");

timestamp at_utc(int day, int hour) {
  using namespace std::chrono;
  return timestamp(sys_days(year(2026) / November / day) + hours(hour));
}

broadcast_report_source broadcast(std::int64_t id, std::vector<std::pair<std::string, part_state>> recipients) {
  broadcast_report_source s;
  s.broadcast.id = id;
  s.broadcast.send_at = at_utc(2, 1);
  s.broadcast.recipients = static_cast<std::int64_t>(recipients.size());
  std::int64_t contact = 0;
  for (const auto& [kecamatan, state] : recipients) {
    siaran::queue::broadcast_recipient r;
    r.contact_id = ++contact;
    r.state = state;
    r.kecamatan = kecamatan;
    if (state == part_state::sent || state == part_state::delivered) r.sent_at = at_utc(2, 1);
    if (state == part_state::delivered) r.delivered_at = at_utc(2, 20);  // 03:00 WIB on the 3rd
    if (state == part_state::failed) r.delivery = "undelivered";
    s.recipients.push_back(r);
  }
  return s;
}

using siaran::daemon::exports::spreadsheet_table;

const spreadsheet_table& sheet(const std::vector<spreadsheet_table>& t, const std::string& key) {
  for (const auto& s : t) {
    if (s.key == key) return s;
  }
  FAIL("no sheet " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a report month is YYYY-MM and spans the local month", "[reports][monthly]") {
  CHECK_FALSE(parse_report_month("2026-13"));
  CHECK_FALSE(parse_report_month("2026-1"));
  CHECK_FALSE(parse_report_month("26-11-01"));
  const auto november = parse_report_month("2026-11");
  REQUIRE(november);
  const auto [from, until] = month_span(*november, jakarta);
  CHECK(from == at_utc(1, 0) - std::chrono::hours(7));
  CHECK(until == at_utc(30, 17));
  const auto december = month_span(*parse_report_month("2026-12"), jakarta);
  CHECK(december.second - december.first == std::chrono::hours(24 * 31));
}

TEST_CASE("a month's report counts every recipient of its broadcasts per kecamatan and per local day",
          "[reports][monthly]") {
  const std::vector<broadcast_report_source> month{
      broadcast(1, {{"Lembang", part_state::delivered},
                    {"Lembang", part_state::failed},
                    {"Parongpong", part_state::sent}}),
      broadcast(2, {{"Lembang", part_state::delivered}, {"", part_state::queued}})};
  const auto tables = monthly_report(*parse_report_month("2026-11"), month, jakarta);
  using row = siaran::daemon::exports::table_row;
  CHECK(sheet(tables, "by_kecamatan").rows ==
        std::vector<row>{{std::string("(tanpa kecamatan)"), 1L, 0L, 0L, 0L, 0L, 0L},
                         {std::string("Lembang"), 3L, 2L, 2L, 1L, 1L, 0L},
                         {std::string("Parongpong"), 1L, 1L, 0L, 0L, 0L, 0L},
                         {std::string("Jumlah"), 5L, 3L, 2L, 1L, 1L, 0L}});
  CHECK(sheet(tables, "timeline").rows == std::vector<row>{{std::string("2026-11-02"), 3L, 0L},
                                                           {std::string("2026-11-03"), 0L, 2L}});
  CHECK(sheet(tables, "broadcasts").rows.size() == 2);
}
