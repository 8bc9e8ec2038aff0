// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "daemon_fixture.h"
#include "web_browser.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;

// Contacts, officers and groups through the real daemon: the secretariat's spreadsheet
// (tests/unit/contacts/data/sekretariat.csv, six good rows and six bad ones) imported over
// HTTP, refused whole, then imported in part; listed with filters, edited, exported.

namespace {

std::string sample_csv() {
  std::ifstream in(std::string(SIARAN_SOURCE_DIR) + "/tests/unit/contacts/data/sekretariat.csv", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json import(daemon_fixture& d, std::string_view target, const std::string& csv, int expected) {
  const auto reply = d.api().post(target, csv, "text/csv");
  INFO(reply.body);
  REQUIRE(reply.status == expected);
  return json::parse(reply.body);
}

std::vector<std::string> names(const json& contacts) {
  std::vector<std::string> found;
  for (const auto& c : contacts) found.push_back(c.at("nama"));
  return found;
}

}  // namespace

TEST_CASE("a spreadsheet with bad rows is refused whole, then imported in part when asked", "[daemon][contacts]") {
  daemon_fixture d;
  const json refused = import(d, "/api/v1/contacts/import", sample_csv(), 422);
  CHECK(refused.at("imported") == 0);
  REQUIRE(refused.at("errors").size() == 6);
  CHECK(refused["errors"][0] == json{{"line", 6},
                                     {"code", "phone_invalid"},
                                     {"column", "No HP"},
                                     {"value", "0878-33"},
                                     {"reason", "No HP: '0878-33' is not a valid phone number: not a "
                                                "number in use (unknown prefix)"}});
  CHECK(refused["errors"][2] == json{{"line", 8},
                                     {"code", "name_missing"},
                                     {"column", "Nama"},
                                     {"value", nullptr},
                                     {"reason", "Nama is empty: a contact needs a name"}});
  CHECK(refused["errors"][4] == json{{"line", 10},
                                     {"code", "phone_duplicate"},
                                     {"column", "No HP"},
                                     {"value", "0812 3456 7001"},
                                     {"reason", "No HP '0812 3456 7001': same number as line 2"}});
  CHECK(d.get("/api/v1/contacts").empty());

  const json partial = import(d, "/api/v1/contacts/import?partial=true", sample_csv(), 200);
  CHECK(partial.at("imported") == 6);
  CHECK(partial.at("inserted") == 6);
  CHECK(partial.at("errors").size() == 6);

  const json all = d.get("/api/v1/contacts");
  REQUIRE(all.size() == 6);
  const json& siti = all[0];
  CHECK(siti.at("nama") == "Siti Aminah");
  CHECK(siti.at("no_hp") == "+6281234567001");
  CHECK(siti.at("tanggal_lahir") == "1985-08-17");
  CHECK(siti.at("tag") == json{"aktif"});
  CHECK(siti.at("berhenti") == false);
  CHECK(siti.at("fields") == json{{"jabatan", "Ketua"}});
  CHECK(names(d.get("/api/v1/contacts?kecamatan=lembang&desa=CIBODAS")) ==
        std::vector<std::string>{"Siti Aminah", "Euis Kurniasih"});
  CHECK(names(d.get("/api/v1/contacts?peran=pengurus")) == std::vector<std::string>{"Dedi Supriadi"});
  CHECK(names(d.get("/api/v1/contacts?q=0813-2100")) == std::vector<std::string>{"Euis Kurniasih"});
  CHECK(names(d.get("/api/v1/contacts?tag=posyandu")) == std::vector<std::string>{"Euis Kurniasih"});

  // The same numbers again update, not duplicate.
  const json again = import(d, "/api/v1/contacts/import", "nama;hp\nSiti A.;081234567001\n", 200);
  CHECK(again.at("updated") == 1);
  CHECK(d.get("/api/v1/contacts").size() == 6);
}

TEST_CASE("a file with fewer columns renames a contact and keeps every column it lacks", "[daemon][contacts]") {
  daemon_fixture d;
  import(d, "/api/v1/contacts/import?partial=true", sample_csv(), 200);
  const json before = d.get("/api/v1/contacts/1");
  REQUIRE(before.at("desa") == "Cibodas");

  const std::string four_columns = "nama,no_hp,peran,rt\nSiti A.,081234567001,pengurus,03\n";
  const json four = import(d, "/api/v1/contacts/import", four_columns, 200);
  CHECK(four.at("updated") == 1);
  const json after = d.get("/api/v1/contacts/1");
  CHECK(after.at("nama") == "Siti A.");
  CHECK(after.at("peran") == "pengurus");
  for (const char* kept : {"panggilan", "kecamatan", "desa", "posyandu", "tanggal_lahir", "tag"}) {
    INFO(kept);
    CHECK(after.at(kept) == before.at(kept));
  }
  CHECK(after.at("fields") == json{{"jabatan", "Ketua"}, {"rt", "03"}});
}

TEST_CASE("an import review lists every field a file changes, and applying it changes only those",
          "[daemon][contacts]") {
  daemon_fixture d;
  import(d, "/api/v1/contacts/import?partial=true", sample_csv(), 200);
  const json before = d.get("/api/v1/contacts/1");
  const std::string file =
      "Nama,HP,Desa,Jabatan,RT\n"
      "Siti A.,081234567001,Jayagiri,,03\n"          // renamed, moved, no longer Ketua, a new field
      "Euis Kurniasih,0813 2100 7002,Cibodas,,\n"  // as stored
      "Yuyun,087833007099,Kertawangi,,\n"          // new
      "Dadang,085234567001,Cibodas,,\n";           // ends like Siti's number
  const json review = import(d, "/api/v1/contacts/import/review", file, 201);
  CHECK(review.at("new") == 1);
  CHECK(review.at("unchanged") == 1);
  REQUIRE(review.at("changed").size() == 1);
  CHECK(review["changed"][0] == json{{"line", 2},
                                     {"contact_id", 1},
                                     {"fields",
                                      {{"nama", {"Siti Aminah", "Siti A."}},
                                       {"desa", {"Cibodas", "Jayagiri"}},
                                       {"jabatan", {"Ketua", nullptr}},
                                       {"rt", {nullptr, "03"}}}}});
  REQUIRE(review.at("errors").size() == 1);
  CHECK(review["errors"][0].at("line") == 5);
  CHECK(review["errors"][0].at("code") == "phone_conflict");
  CHECK(d.get("/api/v1/contacts/1") == before);  // a review changes nothing

  // Only its caller applies it, and only once.
  const std::string path = "/api/v1/contacts/import/review/" + std::to_string(review.at("id").get<int>()) + "/apply";
  const json other = d.post("/api/v1/tokens", {{"name", "lain"}}, 201);
  CHECK(browser(d.port(), other.at("token").get<std::string>()).post(path, nullptr).status == 404);
  const json applied = d.post(path, nullptr, 200);
  CHECK(applied == json{{"imported", 2}, {"inserted", 1}, {"updated", 1}});
  d.post(path, nullptr, 404);

  const json after = d.get("/api/v1/contacts/1");
  CHECK(after.at("nama") == "Siti A.");
  CHECK(after.at("desa") == "Jayagiri");
  CHECK(after.at("fields") == json{{"rt", "03"}});
  for (const char* kept : {"panggilan", "peran", "kecamatan", "posyandu", "tanggal_lahir", "tag"}) {
    INFO(kept);
    CHECK(after.at(kept) == before.at(kept));
  }
  CHECK(names(d.get("/api/v1/contacts?q=Yuyun")) == std::vector<std::string>{"Yuyun"});
  CHECK(names(d.get("/api/v1/contacts?q=Dadang")).empty());
}

TEST_CASE("an .xlsx workbook's review finds the contacts its CSV imported, and its second sheet by name",
          "[daemon][contacts]") {
  daemon_fixture d;
  import(d, "/api/v1/contacts/import",
         "Nama,No HP,Desa,Tanggal Lahir,RT\nSiti Aminah,0812-3456-7001,Cibodas,17-08-1985,3\n"
         "Euis Kurniasih,0813 2100 7002,Cibodas,02/03/1979,\n",
         200);
  const temp_dir dir;
  const auto written = run_program(
      {"/usr/bin/python3", SIARAN_SOURCE_DIR "/tests/support/contact_workbooks.py", dir.path().string()},
      deadline_in(std::chrono::seconds(30)));
  REQUIRE(written);
  REQUIRE(written->exit_code == 0);
  const std::string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  for (const char* writer : {"openpyxl", "openpyxl-iso", "xlsxwriter"}) {
    INFO(writer);
    std::ifstream in(dir.path() / (std::string(writer) + ".xlsx"), std::ios::binary);
    std::stringstream book;
    book << in.rdbuf();
    const auto kader = d.api().post("/api/v1/contacts/import/review", book.str(), xlsx);
    INFO(kader.body);
    REQUIRE(kader.status == 201);
    const json review = json::parse(kader.body);
    CHECK(review.at("new") == 0);
    CHECK(review.at("changed").empty());
    CHECK(review.at("unchanged") == 2);
    REQUIRE(review.at("errors").size() == 2);
    CHECK(review["errors"][0].at("code") == "phone_as_number");
    const json posyandu = json::parse(
        d.api().post("/api/v1/contacts/import/review?sheet=Posyandu", book.str(), xlsx).body);
    CHECK(posyandu.at("new") == 1);
  }
  CHECK(d.api().post("/api/v1/contacts/import/review", "PK not a workbook", xlsx).status == 400);
}

TEST_CASE("a contact is read, edited and exported as CSV that imports back", "[daemon][contacts]") {
  daemon_fixture d;
  import(d, "/api/v1/contacts/import", "nama,no_hp,desa,jabatan\nSiti,0812-3456-7001,Cibodas,Ketua\n", 200);
  const json siti = d.get("/api/v1/contacts/1");
  CHECK(siti.at("desa") == "Cibodas");

  const auto edited = d.api().put("/api/v1/contacts/1",
                                   json{{"panggilan", "Ibu"}, {"tanggal_lahir", "17 Agustus 1985"}, {"tag", {"aktif"}},
                                        {"fields", {{"jabatan", "Ketua"}, {"rt", "03"}}}}
                                       .dump());
  INFO(edited.body);
  CHECK(edited.status == 200);
  const json after = d.get("/api/v1/contacts/1");
  CHECK(after.at("nama") == "Siti");
  CHECK(after.at("panggilan") == "Ibu");
  CHECK(after.at("tanggal_lahir") == "1985-08-17");
  CHECK(after.at("fields") == json{{"jabatan", "Ketua"}, {"rt", "03"}});
  CHECK(d.api().put("/api/v1/contacts/1", json{{"tanggal_lahir", "31-02-1990"}}.dump()).status == 400);
  CHECK(d.api().put("/api/v1/contacts/1", json{{"berhenti", "ya"}}.dump()).status == 400);
  d.get("/api/v1/contacts/99", 404);
  CHECK(d.api().put("/api/v1/contacts/1", json{{"tag", {"a"}}}.dump()).status == 200);

  const auto export_reply = d.api().get("/api/v1/contacts/export");
  REQUIRE(export_reply.status == 200);
  CHECK(export_reply.body ==
        "nama,no_hp,panggilan,peran,tingkat,kabupaten,kecamatan,desa,posyandu,tanggal_lahir,tag,berhenti,catatan,"
        "jabatan,rt\r\nSiti,'+6281234567001,Ibu,,,,,Cibodas,,1985-08-17,a,,,Ketua,03\r\n");
  const json back = import(d, "/api/v1/contacts/import", export_reply.body, 200);
  CHECK(back.at("updated") == 1);
}

TEST_CASE("an export writes formula-like cells as text, and importing it gives the same values back",
          "[daemon][contacts]") {
  daemon_fixture d;
  const json created = d.post("/api/v1/contacts",
                              {{"nama", "=HYPERLINK(\"http://x\",\"y\")"},
                               {"no_hp", "+6281234567001"},
                               {"catatan", "@SUM(1)"},
                               {"fields", {{"nilai", "-1+1"}}}},
                              201);
  const auto exported = d.api().get("/api/v1/contacts/export");
  REQUIRE(exported.status == 200);
  CHECK(exported.body ==
        "nama,no_hp,panggilan,peran,tingkat,kabupaten,kecamatan,desa,posyandu,tanggal_lahir,tag,berhenti,catatan,"
        "nilai\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+6281234567001,,,,,,,,,,,'@SUM(1),'-1+1\r\n");
  const json before = d.get("/api/v1/contacts/" + std::to_string(created.at("id").get<long>()));

  const json back = import(d, "/api/v1/contacts/import", exported.body, 200);
  CHECK(back.at("updated") == 1);
  const json after = d.get("/api/v1/contacts/" + std::to_string(created.at("id").get<long>()));
  CHECK(after == before);
  CHECK(after.at("nama") == "=HYPERLINK(\"http://x\",\"y\")");
  CHECK(after.at("no_hp") == "+6281234567001");
  CHECK(after.at("catatan") == "@SUM(1)");
  CHECK(after.at("fields") == json{{"nilai", "-1+1"}});
}

TEST_CASE("officers and groups are created and listed; malformed ones are refused naming the field",
          "[daemon][contacts]") {
  daemon_fixture d;
  import(d, "/api/v1/contacts/import?partial=true", sample_csv(), 200);
  const json officer =
      d.post("/api/v1/officers",
             {{"name", "Bu Ratna"}, {"phone", "0811-1111-1111"}, {"sender_tag", "-- Sekretariat"}, {"forward_sms", true}},
             201);
  const json officers = d.get("/api/v1/officers");
  REQUIRE(officers.size() == 1);
  CHECK(officers[0].at("id") == officer.at("id"));
  CHECK(officers[0].at("phone") == "+6281111111111");
  CHECK(officers[0].at("forward_sms") == true);
  CHECK(d.post("/api/v1/officers", {{"name", "X"}, {"nick", "y"}}, 400).at("error") == "nick: unknown field");
  CHECK(d.post("/api/v1/officers", {{"name", "X"}, {"forward_sms", "ya"}}, 400).at("error") ==
        "forward_sms: must be true or false");

  const json lembang =
      d.post("/api/v1/groups", {{"name", "Kader Lembang"}, {"filter", {{"kecamatan", "Lembang"}, {"peran", "kader"}}}},
             201);
  const json list = d.post("/api/v1/groups", {{"name", "Rapat"}, {"contacts", {1, 4}}}, 201);
  CHECK(d.get("/api/v1/groups/" + std::to_string(lembang.at("id").get<int>())).at("member_count") == 3);
  const json rapat = d.get("/api/v1/groups/" + std::to_string(list.at("id").get<int>()));
  CHECK(rapat.at("member_count") == 2);
  CHECK(rapat.at("contacts") == json{1, 4});
  CHECK(d.get("/api/v1/groups").size() == 2);
  d.post("/api/v1/groups", {{"name", "Rapat"}, {"contacts", {2}}}, 409);
  d.post("/api/v1/groups", {{"name", "Lain"}, {"contacts", {2, 77}}}, 422);
  CHECK(d.post("/api/v1/groups", {{"name", "Lain"}, {"filter", {{"rt", "3"}}}}, 400).at("error") ==
        "filter.rt: unknown field");
}

TEST_CASE("siaran contacts, officers and groups work against the daemon", "[daemon][contacts][cli]") {
  daemon_fixture d;
  const std::string source = SIARAN_SOURCE_DIR;
  const auto siaran = [&](std::vector<std::string> args) { return d.siaran(std::move(args)); };
  const auto sample = source + "/tests/unit/contacts/data/sekretariat.csv";

  const auto refused = siaran({"contacts", "import", sample});
  CHECK(refused.exit_code == 65);
  CHECK(refused.out.find("imported 0 contact(s)") == 0);
  CHECK(refused.out.find("\nline 8: Nama is empty: a contact needs a name\n") != std::string::npos);

  const auto partial = siaran({"contacts", "import", sample, "--partial"});
  CHECK(partial.exit_code == 65);
  CHECK(partial.out.find("imported 6 contact(s) (6 new, 0 updated)\n") == 0);

  const auto example = siaran({"contacts", "import", source + "/docs/contoh-kader.csv"});
  INFO(example.out << example.err);
  CHECK(example.exit_code == 0);

  const auto listed = siaran({"contacts", "list", "--kecamatan", "lembang", "--desa", "cibodas", "--q", "siti"});
  CHECK(listed.exit_code == 0);
  CHECK(listed.out == "1\tSiti Aminah\t+6281234567001\tkader\tCibodas\tLembang\n");

  const auto officer = siaran({"officers", "add", "--name", "Sekretariat", "--phone", "0811-2222-3333", "--tag",
                               "-- Sekretariat Pokjanal KBB", "--forward"});
  CHECK(officer.exit_code == 0);
  CHECK(officer.out == "1\n");
  const auto group = siaran({"groups", "add", "--name", "Kader Lembang", "--kecamatan", "Lembang", "--peran", "kader"});
  CHECK(group.exit_code == 0);
  CHECK(group.out == "1\n");
  CHECK(siaran({"groups", "add", "--name", "Rapat", "--contacts", "1,4"}).out == "2\n");
  CHECK(siaran({"groups", "add", "--name", "Rapat", "--contacts", "1,4"}).exit_code == 65);
  CHECK(siaran({"groups", "add", "--name", "X"}).exit_code == 2);

  const auto exported = siaran({"contacts", "export", "--peran", "pengurus"});
  CHECK(exported.exit_code == 0);
  CHECK(exported.out.find("nama,no_hp,panggilan,") == 0);
  CHECK(exported.out.find("Dedi Supriadi,'+6285722007004,Bapak,pengurus") != std::string::npos);
}
