// SPDX-License-Identifier: GPL-3.0-or-later
// Saved message templates on a real store file (queue/saved_templates.h): a name is its owner's
// once among the templates not archived, an officer's list holds their own and the shared ones,
// an archived one is gone from every list and frees its name.

#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

const timestamp t0{std::chrono::milliseconds(1'764'000'000'000)};

saved_template of(std::optional<std::int64_t> officer, std::string name, bool shared = false) {
  return {0, officer, std::move(name), "Yth. {nama}, rapat kader.", shared, t0, t0};
}

std::vector<std::string> names(const std::vector<saved_template>& list) {
  std::vector<std::string> out;
  for (const auto& t : list) out.push_back(t.name);
  return out;
}

}  // namespace

TEST_CASE("a template name is its owner's once, another owner may use it too") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  const auto siti = books.contacts.add_officer({0, "Siti", std::nullopt, "-- Siti", false, std::nullopt, std::nullopt}, t0);
  const auto asep = books.contacts.add_officer({0, "Asep", std::nullopt, "-- Asep", false, std::nullopt, std::nullopt}, t0);

  REQUIRE(books.templates.add(of(siti, "Rapat")));
  CHECK_FALSE(books.templates.add(of(siti, "Rapat")));
  CHECK(books.templates.add(of(asep, "Rapat")));
  CHECK(books.templates.add(of(std::nullopt, "Rapat")));
  CHECK_FALSE(books.templates.add(of(std::nullopt, "Rapat")));
}

TEST_CASE(
    "an officer lists their own and the shared templates, by name; everyone's list holds all") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  const auto siti = books.contacts.add_officer({0, "Siti", std::nullopt, "-- Siti", false, std::nullopt, std::nullopt}, t0);
  const auto asep = books.contacts.add_officer({0, "Asep", std::nullopt, "-- Asep", false, std::nullopt, std::nullopt}, t0);
  books.templates.add(of(siti, "posyandu"));
  books.templates.add(of(asep, "Bulanan", true));
  books.templates.add(of(asep, "Catatan Asep"));

  CHECK(names(books.templates.list(siti)) == std::vector<std::string>{"Bulanan", "posyandu"});
  CHECK(names(books.templates.list(std::nullopt)) ==
        std::vector<std::string>{"Bulanan", "Catatan Asep", "posyandu"});
}

TEST_CASE(
    "an update to a name taken changes nothing; an archived template is gone and frees its name") {
  temp_dir dir;
  store_books books(dir.path() / "siaran.db");
  const auto siti = books.contacts.add_officer({0, "Siti", std::nullopt, "-- Siti", false, std::nullopt, std::nullopt}, t0);
  const auto first = *books.templates.add(of(siti, "Rapat"));
  const auto second = *books.templates.add(of(siti, "Posyandu"));

  saved_template renamed = *books.templates.find(second);
  renamed.name = "Rapat";
  CHECK_FALSE(books.templates.update(renamed));
  CHECK(books.templates.find(second)->name == "Posyandu");
  renamed.name = "Posyandu bulanan";
  renamed.shared = true;
  renamed.updated_at = t0 + std::chrono::hours(1);
  REQUIRE(books.templates.update(renamed));
  const auto stored = books.templates.find(second);
  CHECK((stored->name == "Posyandu bulanan" && stored->shared &&
         stored->updated_at == renamed.updated_at));

  CHECK(books.templates.archive(first, t0));
  CHECK_FALSE(books.templates.archive(first, t0));
  CHECK_FALSE(books.templates.find(first));
  CHECK(names(books.templates.list(std::nullopt)) == std::vector<std::string>{"Posyandu bulanan"});
  CHECK(books.templates.add(of(siti, "Rapat")));
}
