// SPDX-License-Identifier: GPL-3.0-or-later
// The reports handed over, downloaded from the real daemon after a real broadcast over a
// simulated modem, and read back by programs other than Siaran (Python's csv and openpyxl,
// tests/support/spreadsheet_cells.py): every row against the API.

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "common/spreadsheet_cell.h"
#include "daemon_fixture.h"
#include "tests/support/child_process.h"

using namespace siaran::test;

namespace {

// Six cadres in two kecamatan; the first is named like a formula, as an attack would be.
constexpr const char* cadres_csv =
    "nama,no_hp,peran,kecamatan,desa,posyandu\n"
    "\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",081234560001,kader,Cihampelas,Mekarmukti,Melati 1\n"
    "Siti Aminah,081234560002,kader,Cihampelas,Mekarmukti,Melati 1\n"
    "Ani,081234560003,kader,Cihampelas,Cipatik,Mawar\n"
    "Dewi,081234560004,kader,Lembang,Jayagiri,Anggrek\n"
    "Euis,081234560005,kader,Lembang,Jayagiri,Anggrek\n"
    "Lilis,081234560006,kader,Lembang,Gudangkahuripan,Kenanga\n";

// The contact's place by number, as imported.
const std::map<std::string, std::array<std::string, 3>> places{
    {"+6281234560001", {"Cihampelas", "Mekarmukti", "Melati 1"}},
    {"+6281234560002", {"Cihampelas", "Mekarmukti", "Melati 1"}},
    {"+6281234560003", {"Cihampelas", "Cipatik", "Mawar"}},
    {"+6281234560004", {"Lembang", "Jayagiri", "Anggrek"}},
    {"+6281234560005", {"Lembang", "Jayagiri", "Anggrek"}},
    {"+6281234560006", {"Lembang", "Gudangkahuripan", "Kenanga"}}};

const std::map<std::string, std::string> state_words{
    {"queued", "Menunggu"}, {"sending", "Sedang dikirim"}, {"sent", "Terkirim"},   {"delivered", "Sampai"},
    {"failed", "Gagal"},    {"uncertain", "Belum pasti"},  {"cancelled", "Dibatalkan"}};

// The downloaded file as Python reads it: {"sheet": rows}.
json cells_of(daemon_fixture& d, const std::string& target, const std::string& file_name) {
  const auto reply = d.api().get(target);
  INFO(target << ": " << reply.body.substr(0, 300));
  REQUIRE(reply.status == 200);
  const temp_dir dir;
  const auto file = dir.write(file_name, reply.body);
  const auto read = run_program({"/usr/bin/python3", SIARAN_SOURCE_DIR "/tests/support/spreadsheet_cells.py",
                                 file.string()},
                                deadline_in(std::chrono::seconds(30)));
  REQUIRE(read);
  INFO(read->err);
  REQUIRE(read->exit_code == 0);
  return json::parse(read->out);
}

// A workbook's rows as CSV holds them: every cell text, an empty one "".
json as_text(const json& rows) {
  json out = json::array();
  for (const json& row : rows) {
    json cells = json::array();
    for (const json& cell : row) {
      cells.push_back(cell.is_null() ? json("") : cell.is_string() ? cell : json(std::to_string(cell.get<long>())));
    }
    out.push_back(cells);
  }
  return out;
}

// A CSV file's cells as the workbook holds them: without the ' that marks formula-like text.
json unmarked(const json& rows) {
  json out = rows;
  for (json& row : out) {
    for (json& cell : row) cell = std::string(siaran::common::restored_cell(cell.get<std::string>()));
  }
  return out;
}

// "keterangan,nilai" rows as a map.
std::map<std::string, json> summary_of(const json& rows) {
  std::map<std::string, json> out;
  for (std::size_t i = 1; i < rows.size(); ++i) out[rows[i][0].get<std::string>()] = rows[i][1];
  return out;
}

// This month on the daemon's wall clock: the fixture's daemon keeps the default Asia/Jakarta,
// which is UTC+7 all year.
std::string this_month() {
  const std::time_t jakarta = std::time(nullptr) + 7 * 3600;
  std::tm wall{};
  gmtime_r(&jakarta, &wall);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m", &wall);
  return text;
}

}  // namespace

TEST_CASE("a broadcast's report downloads as CSV and .xlsx with every recipient as the API shows them",
          "[daemon][reports]") {
  daemon_fixture d;
  REQUIRE(d.api().post("/api/v1/contacts/import", cadres_csv, "text/csv").status == 200);
  const json officer = d.post("/api/v1/officers", {{"name", "Sekretariat"}, {"sender_tag", "-- Pokjanal"}}, 201);
  const json created = d.post("/api/v1/broadcasts", {{"officer_id", officer.at("id")},
                                                     {"audience", {{"filter", {{"peran", "kader"}}}}},
                                                     {"template", "Rapat kader besok, {nama}."}});
  const std::string broadcast = "/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>());
  d.wait_for(broadcast, [](const json& b) { return b.at("state") == "done"; }, "the broadcast to go out");
  d.sim(0).control({{"inject", {{"from", "+6281234560002"}, {"text", "Siap, hadir"}}}});
  const json progress = d.wait_for(broadcast, [](const json& b) { return b.at("replies") == 1; }, "the reply");
  const json recipients = d.get(broadcast + "/recipients").at("recipients");
  REQUIRE(recipients.size() == 6);

  const json csv = cells_of(d, broadcast + "/report?format=csv", "siaran.csv").at("csv");
  const json book = cells_of(d, broadcast + "/report?format=xlsx", "siaran.xlsx");
  REQUIRE(csv.size() == 7);
  CHECK(csv[0] == json{"nama", "no_hp", "kecamatan", "desa", "posyandu", "keadaan", "modem", "waktu_kirim",
                       "waktu_sampai", "balasan", "alasan_gagal", "penerimaan", "keterangan_laporan"});
  for (std::size_t i = 0; i < recipients.size(); ++i) {
    const json& api = recipients[i];
    const json& row = csv[i + 1];
    const std::string to = api.at("to");
    INFO("recipient " << to);
    const std::string name = api.at("contact_name");
    CHECK(row[0] == (name.starts_with("=") ? "'" + name : name));
    CHECK(row[1] == "'" + to);  // a leading + is formula-like: written as text
    CHECK(row[2] == places.at(to)[0]);
    CHECK(row[3] == places.at(to)[1]);
    CHECK(row[4] == places.at(to)[2]);
    CHECK(row[5] == state_words.at(api.at("state")));
    CHECK(row[6] == d.sim(0).id());
    CHECK(row[7].get<std::string>().size() == 16);  // 2026-11-30 08:05
    CHECK(row[8] == "");                              // no status report asked
    CHECK(row[9] == (to == "+6281234560002" ? "1" : "0"));
    CHECK(row[10] == (api.at("last_error").is_null() ? json("") : api.at("last_error")));
    CHECK(row[11] == "");  // no status report asked: no delivery
    CHECK(row[12] == "");
  }
  REQUIRE(book.contains("Penerima"));
  CHECK(as_text(book.at("Penerima")) == unmarked(csv));  // string cells need no ' against formulas
  CHECK(book.at("Penerima")[2][9] == 1);  // a number in the workbook

  const auto summary = summary_of(book.at("Ringkasan"));
  CHECK(summary.at("penerima") == progress.at("recipients"));
  CHECK(summary.at("terkirim") == progress.at("sent"));
  CHECK(summary.at("sampai") == progress.at("delivered"));
  CHECK(summary.at("gagal") == progress.at("failed"));
  CHECK(summary.at("balasan") == 1);
  CHECK(book.at("Per kecamatan") ==
        json{{"kecamatan", "penerima", "terkirim", "sampai", "gagal", "tidak_diterima", "belum_diketahui"},
             {"Cihampelas", 3, 3, 0, 0, 0, 0},
             {"Lembang", 3, 3, 0, 0, 0, 0},
             {"Jumlah", 6, 6, 0, 0, 0, 0}});
  CHECK(book.at("Waktu").size() >= 2);

  CHECK(d.get(broadcast + "/report?format=json").at("organisation") == "Pokjanal Posyandu");
  const json month = d.get("/api/v1/reports/monthly?month=" + this_month() + "&format=json");
  REQUIRE(month.at("sheets")[0].at("key") == "broadcasts");
  const json monthly_row = month.at("sheets")[0].at("rows")[0];
  CHECK(monthly_row[0] == created.at("id"));
  CHECK(monthly_row[4] == 6);
  CHECK(monthly_row[8] == 1);
  const json by_place = cells_of(d, "/api/v1/reports/monthly?month=" + this_month() + "&format=csv&sheet=by_kecamatan",
                                 "bulan.csv");
  CHECK(by_place.at("csv").back() == json{"Jumlah", "6", "6", "0", "0", "0", "0"});
}

TEST_CASE("a report refuses an unknown format, sheet or month", "[daemon][reports]") {
  daemon_fixture d;
  CHECK(d.api().get("/api/v1/reports/monthly?month=2026-13").status == 400);
  CHECK(d.api().get("/api/v1/reports/monthly").status == 400);
  CHECK(d.api().get("/api/v1/reports/monthly?month=2026-11&format=pdf").status == 400);
  CHECK(d.api().get("/api/v1/reports/monthly?month=2026-11&sheet=nope").status == 400);
  CHECK(d.api().get("/api/v1/broadcasts/99/report").status == 404);
}
