// SPDX-License-Identifier: GPL-3.0-or-later
// The monthly recap's tables (daemon/sms_reports/report_recap.h): per kecamatan and desa the
// posyandu that reported and those that did not, the sums of the figures and the coverage in
// percent with a decimal comma; one row per posyandu; the list of those without a report.

#include "daemon/sms_reports/report_recap.h"

#include <catch2/catch.hpp>

using namespace siaran;
using namespace siaran::daemon;
using namespace siaran::daemon::sms_reports;
using exports::table_row;

namespace {

queue::posyandu_status place(std::string kecamatan, std::string desa, std::string posyandu,
                             std::optional<std::int64_t> report) {
  return {std::move(posyandu), std::move(desa), std::move(kecamatan), 2, report};
}

queue::sms_report report(std::int64_t id, std::string kecamatan, std::string desa,
                         std::string posyandu, std::string values) {
  queue::sms_report r;
  r.id = id;
  r.form = "SKDN";
  r.period = "2026-11";
  r.posyandu = std::move(posyandu);
  r.desa = std::move(desa);
  r.kecamatan = std::move(kecamatan);
  r.values = std::move(values);
  r.received_at =
      queue::timestamp(std::chrono::milliseconds(1'796'090'400'000));  // 2026-12-01 09:00 WIB
  return r;
}

recap_source lembang() {
  recap_source source;
  source.form = default_skdn_form();
  source.period = {2026, 11};
  source.posyandu = {place("Lembang", "Cibodas", "Mawar", 1),
                     place("Lembang", "Cibodas", "Melati", std::nullopt),
                     place("Lembang", "Jayagiri", "Anggrek", 2),
                     place("Parongpong", "Cihideung", "Kenanga", std::nullopt)};
  source.reports = {
      report(1, "Lembang", "Cibodas", "Mawar", R"({"S":50,"K":45,"D":40,"N":30})"),
      report(2, "Lembang", "Jayagiri", "Anggrek", R"({"S":30,"K":30,"D":20,"N":20})")};
  return source;
}

const exports::spreadsheet_table& sheet(const std::vector<exports::spreadsheet_table>& tables,
                                        const std::string& key) {
  for (const auto& t : tables) {
    if (t.key == key) return t;
  }
  FAIL("no sheet " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE(
    "per kecamatan: posyandu that reported and not, the sums and the coverage of those that "
    "reported") {
  const auto tables = report_recap(lembang(), schedule::time_zone("Asia/Jakarta"));
  const auto& kecamatan = sheet(tables, "kecamatan");
  CHECK(kecamatan.header == std::vector<std::string>{"kecamatan", "posyandu", "melapor",
                                                     "belum_melapor", "S", "K", "D", "N", "K/S (%)",
                                                     "D/S (%)", "N/D (%)"});
  REQUIRE(kecamatan.rows.size() == 2);
  CHECK(kecamatan.rows[0] == table_row{std::string("Lembang"), std::int64_t{3}, std::int64_t{2},
                                       std::int64_t{1}, std::int64_t{80}, std::int64_t{75},
                                       std::int64_t{60}, std::int64_t{50}, std::string("93,8"),
                                       std::string("75,0"), std::string("83,3")});
  // Nobody reported in Parongpong: no figures, no coverage, rather than 0 %.
  CHECK(kecamatan.rows[1] == table_row{std::string("Parongpong"), std::int64_t{1}, std::int64_t{0},
                                       std::int64_t{1}, std::string(), std::string(), std::string(),
                                       std::string(), std::string(), std::string(), std::string()});
}

TEST_CASE("per desa, per posyandu and those without a report") {
  const auto tables = report_recap(lembang(), schedule::time_zone("Asia/Jakarta"));
  const auto& desa = sheet(tables, "desa");
  REQUIRE(desa.rows.size() == 3);
  CHECK(desa.rows[0][1] == exports::table_cell{std::string("Cibodas")});
  CHECK(desa.rows[0][3] == exports::table_cell{std::int64_t{1}});
  const auto& posyandu = sheet(tables, "posyandu");
  REQUIRE(posyandu.rows.size() == 4);
  CHECK(posyandu.rows[0][2] == exports::table_cell{std::string("Mawar")});
  CHECK(posyandu.rows[0][3] == exports::table_cell{std::string("Ya")});
  CHECK(posyandu.rows[0][4] == exports::table_cell{std::string("2026-12-01 09:00")});
  CHECK(posyandu.rows[0][10] == exports::table_cell{std::string("80,0")});
  CHECK(posyandu.rows[1][3] == exports::table_cell{std::string("Belum")});
  const auto& missing = sheet(tables, "belum");
  REQUIRE(missing.rows.size() == 2);
  CHECK(missing.rows[0] == table_row{std::string("Lembang"), std::string("Cibodas"),
                                     std::string("Melati"), std::int64_t{2}});
  CHECK(missing.rows[1][2] == exports::table_cell{std::string("Kenanga")});
}
