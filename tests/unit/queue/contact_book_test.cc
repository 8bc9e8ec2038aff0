// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/contact_columns.h"
#include "queue/contacts.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

contact cadre(std::string name, std::string phone, std::string kecamatan, std::string desa) {
  contact c;
  c.name = std::move(name);
  c.phone = std::move(phone);
  c.salutation = "Ibu";
  c.role = "kader";
  c.kecamatan = std::move(kecamatan);
  c.desa = std::move(desa);
  c.tags = {"aktif"};
  return c;
}

// Three cadres in Lembang (two in Cibodas) and one pengurus in Cisarua, ids 1 to 4.
void four_people(contact_book& book) {
  auto pengurus = cadre("Asep Saepudin", "+6289611007007", "Cisarua", "Pasirhalang");
  pengurus.role = "pengurus";
  pengurus.salutation = "Bapak";
  pengurus.tags = {};
  book.upsert({cadre("Siti Aminah", "+6281234567001", "Lembang", "Cibodas"),
               cadre("Euis Kurniasih", "+6281321007002", "Lembang", "Cibodas"),
               cadre("Neneng Rahmawati", "+6285210007003", "Lembang", "Jayagiri"), pengurus},
              at_s(1));
}

contact_filter where(std::optional<std::string> kecamatan, std::optional<std::string> desa = {},
                     std::optional<std::string> role = {}, std::optional<std::string> tag = {},
                     std::optional<std::string> text = {}) {
  return {std::move(kecamatan), std::move(desa), std::move(role), std::move(tag), std::move(text)};
}

std::vector<std::int64_t> ids(const std::vector<contact>& contacts) {
  std::vector<std::int64_t> found;
  for (const auto& c : contacts) found.push_back(c.id);
  return found;
}

// One message to `phone`, failed on the network with CMS 28.
void failed_with_cms_28(store_books& s, const std::string& phone, long at) {
  s.queue.enqueue(message_to(phone, at));
  const auto c = claim_due(s.queue, at_s(at), "m1");
  s.queue.mark_failed_permanent(c->part.id, {"modem m1: error 28, unidentified subscriber", 28}, at_s(at));
}

// One message to `phone`, sent, then reported undelivered with TP-ST `status`.
void reported_undelivered(store_books& s, const std::string& phone, long at, int status = 65) {
  s.queue.enqueue(message_to(phone, at));
  const auto c = claim_due(s.queue, at_s(at), "m1");
  s.queue.mark_sent(c->part.id, "m1", 7, at_s(at));
  status_report r;
  r.modem = "m1";
  r.reference = 7;
  r.recipient = phone;
  r.status = status;
  r.received_at = at_s(at + 10);
  r.raw_pdu = "00";
  s.reports.record_status_report(r);
}

void delivered(store_books& s, const std::string& phone, long at) { reported_undelivered(s, phone, at, 0); }

}  // namespace

TEST_CASE("a stored contact reads back with every field, tags and extra fields", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  auto c = cadre("Siti Aminah", "+6281234567001", "Lembang", "Cibodas");
  c.level = "posyandu";
  c.kabupaten = "Bandung Barat";
  c.posyandu = "Melati 1";
  c.birth_date = "1985-08-17";
  c.tags = {"aktif", "pelatihan 2024"};
  c.notes = "ketua kader";
  c.fields = {{"jabatan", "Ketua"}, {"rt", "03"}};
  const auto counts = book.upsert({c}, at_s(1));
  CHECK(counts.inserted == 1);
  CHECK(counts.updated == 0);
  const auto back = book.find(1);
  REQUIRE(back);
  CHECK(back->id == 1);
  CHECK(back->name == "Siti Aminah");
  CHECK(back->phone == "+6281234567001");
  CHECK(back->salutation == "Ibu");
  CHECK(back->level == "posyandu");
  CHECK(back->kabupaten == "Bandung Barat");
  CHECK(back->posyandu == "Melati 1");
  CHECK(back->birth_date == "1985-08-17");
  CHECK(back->tags == std::vector<std::string>{"aktif", "pelatihan 2024"});
  CHECK(back->notes == "ketua kader");
  CHECK(back->fields == std::map<std::string, std::string>{{"jabatan", "Ketua"}, {"rt", "03"}});
  CHECK_FALSE(back->opted_out);
  CHECK_FALSE(book.find(2));
}

TEST_CASE("importing a phone already stored updates that contact and keeps its opt-out", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  book.set_opted_out(2, true, at_s(2));
  auto moved = cadre("Euis K.", "+6281321007002", "Lembang", "Jayagiri");
  const auto counts = book.upsert({moved, cadre("Yuyun", "+6287833007005", "Cisarua", "Kertawangi")}, at_s(3));
  CHECK(counts.inserted == 1);
  CHECK(counts.updated == 1);
  const auto euis = book.find(2);
  CHECK(euis->name == "Euis K.");
  CHECK(euis->desa == "Jayagiri");
  CHECK(euis->opted_out);
  CHECK(book.find(5)->name == "Yuyun");
}

TEST_CASE("an import updates only the columns its file carries and keeps the others", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  auto siti = cadre("Siti Aminah", "+6281234567001", "Lembang", "Cibodas");
  siti.posyandu = "Melati 1";
  siti.birth_date = "1985-08-17";
  siti.fields = {{"jabatan", "Ketua"}, {"rt", "03"}};
  book.upsert({siti}, at_s(1));

  contact from_file;
  from_file.name = "Siti A.";
  from_file.phone = "+6281234567001";
  from_file.role = "pengurus";
  from_file.fields = {{"rt", "04"}};
  const contact_columns carried{{contact_column::name, contact_column::phone, contact_column::role,
                                 contact_column::notes},
                                {"rt", "rw"},
                                false};
  const std::vector<contact_row> file{{from_file, carried}};
  const auto counts = book.upsert_some(file, at_s(2), std::chrono::milliseconds::max());
  CHECK(counts.updated == 1);
  const auto back = book.find(1);
  REQUIRE(back);
  CHECK(back->name == "Siti A.");
  CHECK(back->role == "pengurus");
  CHECK(back->salutation == "Ibu");
  CHECK(back->kecamatan == "Lembang");
  CHECK(back->desa == "Cibodas");
  CHECK(back->posyandu == "Melati 1");
  CHECK(back->birth_date == "1985-08-17");
  CHECK(back->tags == std::vector<std::string>{"aktif"});
  CHECK(back->fields == std::map<std::string, std::string>{{"jabatan", "Ketua"}, {"rt", "04"}});
}

TEST_CASE("a reply from the national form of a number finds the contact", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  CHECK(book.find_by_phone("081321007002")->id == 2);
  CHECK(book.find_by_phone("+6281321007002")->id == 2);
  CHECK(book.find_by_phone("6281321007002")->id == 2);
  CHECK_FALSE(book.find_by_phone("081399999999"));
  CHECK_FALSE(book.find_by_phone(""));
}

TEST_CASE("filters compare places and roles without case and combine with AND", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  CHECK(ids(book.list(where("LEMBANG"))) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(ids(book.list(where("lembang", "cibodas"))) == std::vector<std::int64_t>{1, 2});
  CHECK(ids(book.list(where({}, {}, "Pengurus"))) == std::vector<std::int64_t>{4});
  CHECK(ids(book.list(where({}, {}, {}, "AKTIF"))) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(ids(book.list(where("Lemban"))).empty());
  CHECK(ids(book.list({})) == std::vector<std::int64_t>{1, 2, 3, 4});
}

TEST_CASE("the text filter finds part of a name or of the number in any form", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  CHECK(ids(book.list(where({}, {}, {}, {}, "amin"))) == std::vector<std::int64_t>{1});
  CHECK(ids(book.list(where({}, {}, {}, {}, "0813-2100"))) == std::vector<std::int64_t>{2});
  CHECK(ids(book.list(where({}, {}, {}, {}, "+62852"))) == std::vector<std::int64_t>{3});
  CHECK(ids(book.list(where({}, {}, {}, {}, "zz"))).empty());
}

TEST_CASE("a list is paged by id", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  CHECK(ids(book.list({}, 0, 2)) == std::vector<std::int64_t>{1, 2});
  CHECK(ids(book.list({}, 2, 2)) == std::vector<std::int64_t>{3, 4});
}

TEST_CASE("an edit replaces the contact, refuses another contact's number", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  auto siti = *book.find(1);
  siti.phone = "+6281299990001";
  siti.tags = {};
  siti.opted_out = true;
  CHECK(book.update(siti, at_s(5)));
  const auto back = book.find(1);
  CHECK(back->phone == "+6281299990001");
  CHECK(back->tags.empty());
  CHECK(back->opted_out);
  CHECK(book.find_by_phone("081299990001")->id == 1);
  CHECK_FALSE(book.find_by_phone("081234567001"));

  siti.phone = "+6281321007002";
  CHECK_THROWS_AS(book.update(siti, at_s(6)), store_error);
  siti.id = 99;
  siti.phone = "+6281200000099";
  CHECK_FALSE(book.update(siti, at_s(6)));
}

TEST_CASE("officers are stored with their sender tag and forwarding choice", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  const auto id =
      book.add_officer({0, "Bu Ratna", "+6281111111111", "-- Sekretariat Pokjanal KBB", true, std::nullopt, std::nullopt}, at_s(1));
  book.add_officer({0, "Pak Dodi", std::nullopt, "-- Dodi", false, std::nullopt, std::nullopt}, at_s(1));
  const auto o = book.find_officer(id);
  REQUIRE(o);
  CHECK(o->name == "Bu Ratna");
  CHECK(o->phone == "+6281111111111");
  CHECK(o->sender_tag == "-- Sekretariat Pokjanal KBB");
  CHECK(o->forward_sms);
  CHECK(book.officers().size() == 2);
  CHECK_FALSE(book.officers()[1].phone);
  CHECK_FALSE(book.find_officer(9));
}

TEST_CASE("a group is a saved filter or a list, and its name is unique", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  const auto lembang = book.add_group({0, "Kader Lembang", where("Lembang", {}, "kader"), {}, std::nullopt},
                                      at_s(2));
  const auto list = book.add_group({0, "Rapat", std::nullopt, {4, 1}, std::nullopt}, at_s(2));
  const auto g = book.find_group(lembang);
  REQUIRE(g);
  REQUIRE(g->filter);
  CHECK(g->filter->kecamatan == "Lembang");
  CHECK(g->filter->role == "kader");
  CHECK_FALSE(g->filter->desa);
  CHECK(book.find_group(list)->members == std::vector<std::int64_t>{1, 4});
  CHECK(book.find_group_by_name("Rapat")->id == list);
  CHECK(book.groups().size() == 2);
  CHECK_THROWS_AS(book.add_group({0, "Rapat", std::nullopt, {2}, std::nullopt}, at_s(3)), store_error);
  CHECK_THROWS_WITH(book.add_group({0, "Lain", std::nullopt, {2, 77}, std::nullopt}, at_s(3)),
                    "unknown contact 77");
  CHECK(book.groups().size() == 2);
}

TEST_CASE("an audience is the distinct union of groups, contacts and a filter, in id order", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  const auto cibodas = book.add_group({0, "Cibodas", where({}, "cibodas"), {}, std::nullopt}, at_s(2));
  const auto list = book.add_group({0, "Rapat", std::nullopt, {4, 2}, std::nullopt}, at_s(2));
  book.set_opted_out(2, true, at_s(3));
  const auto everyone = book.resolve({{cibodas, list}, {2, 4}, where({}, "Jayagiri")});
  CHECK(ids(everyone) == std::vector<std::int64_t>{1, 2, 3, 4});
  CHECK(everyone[1].opted_out);
  CHECK(ids(book.resolve({{list}, {}, std::nullopt})) == std::vector<std::int64_t>{2, 4});
  CHECK(book.resolve({}).empty());
}

TEST_CASE("an audience naming an unknown group or contact is refused, naming it", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  CHECK_THROWS_WITH(book.resolve({{12}, {}, std::nullopt}), "unknown group 12");
  CHECK_THROWS_WITH(book.resolve({{}, {1, 40}, std::nullopt}), "unknown contact 40");
}

TEST_CASE("a number whose last messages failed with a CMS error is a problem number", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  failed_with_cms_28(s, "+6281234567001", 10);
  failed_with_cms_28(s, "+6281234567001", 20);
  const auto problems = book.problem_numbers(2);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].who.id == 1);
  CHECK(problems[0].failed == 2);
  CHECK(problems[0].undelivered == 0);
  CHECK(problems[0].last_attempt == at_s(20));
  CHECK(problems[0].evidence ==
        "2 pesan terakhir gagal: CMS 28 (modem m1: error 28, unidentified subscriber)");
}

TEST_CASE("a number reported undelivered, or failing in both ways, is a problem number", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  reported_undelivered(s, "+6281321007002", 10);
  reported_undelivered(s, "081321007002", 20);
  failed_with_cms_28(s, "+6285210007003", 30);
  reported_undelivered(s, "+6285210007003", 40, 70);
  const auto problems = book.problem_numbers(2);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].who.id == 2);
  CHECK(problems[0].undelivered == 2);
  CHECK(problems[0].evidence == "2 pesan terakhir tidak sampai ke ponsel (laporan status: tidak sampai, TP-ST 65)");
  CHECK(problems[1].who.id == 3);
  CHECK(problems[1].failed == 1);
  CHECK(problems[1].undelivered == 1);
  CHECK(problems[1].evidence ==
        "2 pesan terakhir bermasalah: 1 gagal (CMS 28 (modem m1: error 28, unidentified subscriber)), "
        "1 tidak sampai (laporan status: tidak sampai, TP-ST 70)");
}

TEST_CASE("a recent delivery, too few messages or a queued one clears the number", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  four_people(book);
  failed_with_cms_28(s, "+6281234567001", 10);
  delivered(s, "+6281234567001", 20);          // the newest arrived: the number works
  failed_with_cms_28(s, "+6281321007002", 10);  // one failure only
  failed_with_cms_28(s, "+6285210007003", 10);
  s.queue.enqueue(message_to("+6285210007003", 100));  // still queued, due later
  delivered(s, "+6289611007007", 5);
  failed_with_cms_28(s, "+6289611007007", 10);
  failed_with_cms_28(s, "+6289611007007", 20);
  const auto problems = book.problem_numbers(2);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].who.id == 4);
  CHECK(book.problem_numbers(3).empty());
}
