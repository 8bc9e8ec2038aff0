// SPDX-License-Identifier: GPL-3.0-or-later
// Reports by SMS on a real store file (queue/sms_reports.h): a second report of a posyandu for
// the same period replaces the first and keeps it as history; the posyandu that should report
// are those the contacts name, told apart by desa; the reminder goes to the cadres of those
// without a report only; forms are archived, never reused, and the default comes only once.

#include <algorithm>
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

const timestamp t0{std::chrono::milliseconds(1'764'000'000'000)};

contact cadre(std::string phone, std::string posyandu, std::string desa,
              std::string role = "kader") {
  contact c;
  c.name = "Kader " + phone.substr(phone.size() - 3);
  c.phone = std::move(phone);
  c.role = std::move(role);
  c.kecamatan = "Cikalong";
  c.desa = std::move(desa);
  c.posyandu = std::move(posyandu);
  return c;
}

sms_report report(std::string posyandu, std::string desa, std::string values,
                  std::string period = "2026-11") {
  sms_report r;
  r.form = "SKDN";
  r.period = std::move(period);
  r.posyandu = std::move(posyandu);
  r.desa = std::move(desa);
  r.kecamatan = "Cikalong";
  r.values = std::move(values);
  r.received_at = t0;
  return r;
}

}  // namespace

TEST_CASE("a second report of a posyandu for a period replaces the first and keeps it as history") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  const auto first = books.sms_reports.save(report("Melati", "Sukamaju", R"({"S":52})"));
  CHECK_FALSE(first.replaces);
  // The same posyandu as the contacts may write it: case and spaces do not make another one.
  const auto second = books.sms_reports.save(report(" melati", "SUKAMAJU ", R"({"S":53})"));
  CHECK(second.replaces == first.id);
  const auto other_month =
      books.sms_reports.save(report("Melati", "Sukamaju", R"({"S":50})", "2026-10"));
  CHECK_FALSE(other_month.replaces);

  sms_report_filter november;
  november.form = "SKDN";
  november.period = "2026-11";
  const auto current = books.sms_reports.list(november);
  REQUIRE(current.size() == 1);
  CHECK(current[0].id == second.id);
  CHECK(current[0].values == R"({"S":53})");
  november.history = true;
  const auto all = books.sms_reports.list(november);
  REQUIRE(all.size() == 2);
  CHECK(books.sms_reports.find(first.id)->replaced_by == second.id);
}

TEST_CASE(
    "the posyandu that should report are the contacts', a name in another desa being another") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  books.contacts.upsert(
      {cadre("+6281200000001", "Melati", "Sukamaju"),
       cadre("+6281200000002", "melati ", "Sukamaju"), cadre("+6281200000003", "Melati", "Cibodas"),
       cadre("+6281200000004", "Mawar", "Cibodas"),
       cadre("+6281200000005", "Anggrek", "Cibodas", "bidan")},
      t0);
  books.sms_reports.save(report("Melati", "Sukamaju", "{}"));

  const auto statuses = books.sms_reports.posyandu_statuses("SKDN", "2026-11", R"(["kader"])");
  REQUIRE(statuses.size() == 3);
  CHECK(statuses[0].desa == "Cibodas");
  CHECK(statuses[0].posyandu == "Mawar");
  CHECK_FALSE(statuses[0].report_id);
  CHECK(statuses[1].posyandu == "Melati");
  CHECK_FALSE(statuses[1].report_id);
  CHECK(statuses[2].desa == "Sukamaju");
  CHECK(statuses[2].cadres == 2);
  CHECK(statuses[2].report_id);
  // Any role may report when the form names none: the bidan's posyandu counts too.
  CHECK(books.sms_reports.posyandu_statuses("SKDN", "2026-11", "[]").size() == 4);
}

TEST_CASE(
    "a reminder goes to the cadres of the posyandu without a report, not to those opted out") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  books.contacts.upsert(
      {cadre("+6281200000001", "Melati", "Sukamaju"), cadre("+6281200000002", "Melati", "Sukamaju"),
       cadre("+6281200000003", "Melati", "Cibodas"), cadre("+6281200000004", "Mawar", "Cibodas"),
       cadre("+6281200000005", "Mawar", "Cibodas")},
      t0);
  books.contacts.set_opted_out(books.contacts.find_by_phone("+6281200000005")->id, true, t0);
  books.sms_reports.save(report("Melati", "Sukamaju", "{}"));
  books.sms_reports.save(report("Melati", "Cibodas", "{}", "2026-10"));

  std::vector<std::string> phones;
  for (const auto id : books.sms_reports.reporters_missing("SKDN", "2026-11", "[]")) {
    phones.push_back(books.contacts.find(id)->phone);
  }
  CHECK(phones == std::vector<std::string>{"+6281200000003", "+6281200000004"});
}

TEST_CASE(
    "a form's code is never reused, archived or not, and the default is added only to a store "
    "without forms") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  CHECK(books.forms.never_defined());
  REQUIRE(books.forms.add({"SKDN", R"({"code":"SKDN"})", t0, t0}));
  CHECK_FALSE(books.forms.never_defined());
  CHECK_FALSE(books.forms.add({"SKDN", R"({"code":"SKDN","title":"lain"})", t0, t0}));
  CHECK(books.forms.update("SKDN", R"({"code":"SKDN","title":"baru"})", t0));
  CHECK(books.forms.find("SKDN")->definition == R"({"code":"SKDN","title":"baru"})");
  CHECK(books.forms.archive("SKDN", t0));
  CHECK(books.forms.list().empty());
  CHECK_FALSE(books.forms.find("SKDN"));
  CHECK_FALSE(books.forms.add({"SKDN", "{}", t0, t0}));
  CHECK_FALSE(books.forms.never_defined());
}
