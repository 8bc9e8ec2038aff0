// SPDX-License-Identifier: GPL-3.0-or-later
// The archive book (queue/archive_book.h) and how the contact book honours it, on a real SQLite
// file: archived contacts, groups and officers leave lists and audiences but stay readable, and
// only what has no history is deleted.
#include "queue/archive_book.h"

#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/contacts.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

contact cadre(std::string name, std::string phone, std::string desa) {
  contact c;
  c.name = std::move(name);
  c.phone = std::move(phone);
  c.desa = std::move(desa);
  c.birth_date = "1985-08-17";
  return c;
}

// Enok (1), Neneng (2) and Euis (3), all of Playen and born on 17 August.
void three_cadres(contact_book& book) {
  book.upsert(
      {cadre("Enok", "+6281234567001", "Playen"), cadre("Neneng", "+6281234567002", "Playen"),
       cadre("Euis", "+6281234567003", "Playen")},
      at_s(1));
}

std::vector<std::int64_t> ids(const std::vector<contact>& contacts) {
  std::vector<std::int64_t> found;
  for (const auto& c : contacts) found.push_back(c.id);
  return found;
}

contact_filter in_playen() {
  contact_filter f;
  f.desa = "Playen";
  return f;
}

group named_group(std::string name, std::vector<std::int64_t> members,
                  std::optional<contact_filter> filter = {}) {
  group g;
  g.name = std::move(name);
  g.members = std::move(members);
  g.filter = std::move(filter);
  return g;
}

officer named_officer(std::string name) {
  officer o;
  o.name = std::move(name);
  return o;
}

}  // namespace

TEST_CASE("an archived contact leaves the lists and every audience, and reads back when asked for",
          "[queue][archive]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  three_cadres(s.contacts);
  const auto listed = s.contacts.add_group(named_group("Semua", {1, 2, 3}), at_s(2));
  REQUIRE(s.archive.archive(archivable::contact, 2, at_s(10)));

  CHECK(ids(s.contacts.list({})) == std::vector<std::int64_t>{1, 3});
  CHECK(ids(s.contacts.list({}, 0, 1000, archived_view::only)) == std::vector<std::int64_t>{2});
  CHECK(ids(s.contacts.list({}, 0, 1000, archived_view::included)) ==
        std::vector<std::int64_t>{1, 2, 3});
  CHECK(s.contacts.find(2)->archived_at == at_s(10));
  CHECK(s.contacts.find_by_phone("081234567002")->name == "Neneng");

  const audience everyway{{listed}, {2}, in_playen()};
  CHECK(ids(s.contacts.resolve(everyway)) == std::vector<std::int64_t>{1, 3});
  CHECK(s.events.contacts_born_on({"08-17"}) == std::vector<std::int64_t>{1, 3});

  CHECK(s.archive.archive(archivable::contact, 2, at_s(20)));
  CHECK(s.contacts.find(2)->archived_at == at_s(10));
  REQUIRE(s.archive.restore(archivable::contact, 2));
  CHECK_FALSE(s.contacts.find(2)->archived_at);
  CHECK(ids(s.contacts.resolve(everyway)) == std::vector<std::int64_t>{1, 2, 3});
  CHECK_FALSE(s.archive.archive(archivable::contact, 99, at_s(30)));
  CHECK_FALSE(s.archive.restore(archivable::contact, 99));
}

TEST_CASE("archived groups and officers are listed only when asked for", "[queue][archive]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  three_cadres(s.contacts);
  const auto kept = s.contacts.add_group(named_group("Playen", {}, in_playen()), at_s(2));
  const auto archived = s.contacts.add_group(named_group("Lama", {1}), at_s(2));
  const auto asep = s.contacts.add_officer(named_officer("Asep"), at_s(3));
  s.archive.archive(archivable::group, archived, at_s(10));
  s.archive.archive(archivable::officer, asep, at_s(10));

  REQUIRE(s.contacts.groups().size() == 1);
  CHECK(s.contacts.groups()[0].id == kept);
  REQUIRE(s.contacts.groups(archived_view::only).size() == 1);
  CHECK(s.contacts.groups(archived_view::only)[0].archived_at == at_s(10));
  CHECK(s.contacts.groups(archived_view::included).size() == 2);
  CHECK(s.contacts.officers().empty());
  CHECK(s.contacts.officers(archived_view::only)[0].name == "Asep");
  CHECK(s.contacts.find_officer(asep)->archived_at == at_s(10));
  CHECK(s.contacts.find_group_by_name("Lama")->archived_at == at_s(10));
}

TEST_CASE("removing deletes only what has no history and archives the rest", "[queue][archive]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  three_cadres(s.contacts);
  s.queue.enqueue(message_to("081234567001", 5));  // Enok was written to, in the national form
  CHECK(s.archive.has_history(archivable::contact, 1));
  CHECK_FALSE(s.archive.has_history(archivable::contact, 3));
  CHECK(s.archive.remove_or_archive(archivable::contact, 1, at_s(10)) == removal::archived);
  CHECK(s.contacts.find(1)->archived_at == at_s(10));
  CHECK(s.archive.remove_or_archive(archivable::contact, 3, at_s(10)) == removal::deleted);
  CHECK_FALSE(s.contacts.find(3));
  CHECK(s.archive.remove_or_archive(archivable::contact, 3, at_s(10)) == removal::missing);

  const auto used = s.contacts.add_group(named_group("Dipakai", {2}), at_s(2));
  const auto unused = s.contacts.add_group(named_group("Kosong", {2}), at_s(2));
  new_recurring weekly;
  weekly.audience_json = R"({"groups": [)" + std::to_string(used) + "]}";
  weekly.template_text = "Apel, {nama}.";
  weekly.cron = "0 7 * * 1";
  weekly.created_at = at_s(3);
  s.events.create_recurring(weekly);
  CHECK(s.archive.remove_or_archive(archivable::group, used, at_s(10)) == removal::archived);
  CHECK(s.archive.remove_or_archive(archivable::group, unused, at_s(10)) == removal::deleted);

  const auto signer = s.contacts.add_officer(named_officer("Asep"), at_s(3));
  const auto idle = s.contacts.add_officer(named_officer("Dedi"), at_s(3));
  weekly.officer_id = signer;
  weekly.audience_json = R"({"contacts": [2]})";
  s.events.create_recurring(weekly);
  CHECK(s.archive.remove_or_archive(archivable::officer, signer, at_s(10)) == removal::archived);
  CHECK(s.archive.remove_or_archive(archivable::officer, idle, at_s(10)) == removal::deleted);
}

TEST_CASE("the plans for a group are its upcoming meetings and active recurring broadcasts",
          "[queue][archive]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  three_cadres(s.contacts);
  const auto semua = s.contacts.add_group(named_group("Semua", {1, 2}), at_s(2));
  const auto other = s.contacts.add_group(named_group("Lain", {3}), at_s(2));
  const auto audience =
      R"({"groups": [)" + std::to_string(other) + ", " + std::to_string(semua) + "]}";
  const auto meeting = [&](std::string title, long starts_s) {
    new_event e;
    e.title = std::move(title);
    e.starts_at = at_s(starts_s);
    e.audience_json = audience;
    e.reminders_json = "[]";
    e.created_at = at_s(3);
    return s.events.create_event(e);
  };
  meeting("Rapat lalu", 50);
  const auto upcoming = meeting("Rapat", 500);
  s.events.cancel_event(meeting("Rapat batal", 600), at_s(4));
  new_recurring weekly;
  weekly.audience_json = audience;
  weekly.template_text = "Apel, {nama}.";
  weekly.cron = "0 7 * * 1";
  const auto active = s.events.create_recurring(weekly);
  s.events.stop_recurring(s.events.create_recurring(weekly));

  const auto plans = s.archive.plans_for_group(semua, at_s(100));
  REQUIRE(plans.size() == 2);
  CHECK((plans[0].kind == "event" && plans[0].id == upcoming && plans[0].title == "Rapat"));
  CHECK(
      (plans[1].kind == "recurring" && plans[1].id == active && plans[1].title == "Apel, {nama}."));
  CHECK(s.archive.plans_for_group(99, at_s(100)).empty());
}
