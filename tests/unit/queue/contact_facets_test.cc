// SPDX-License-Identifier: GPL-3.0-or-later
// The distinct places, roles and tags of the contacts (contact_book::facets), for the web UI's
// audience picker.

#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/contacts.h"
#include "tests/support/cadre.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::cadre;
using siaran::test::temp_dir;

TEST_CASE("facets list each place, role and tag once, sorted, whatever their case", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  book.upsert({cadre("+6281200000001", "Wonosari", "Kepek", "kader", {"balita", "aktif"}),
               cadre("+6281200000002", "wonosari", "Kepek", "Kader", {"Aktif"}),
               cadre("+6281200000003", "Playen", "Bandung", "bidan", {}),
               cadre("+6281200000004", "Semanu", "Bandung", std::nullopt, {"lansia"}),
               cadre("+6281200000005", std::nullopt, std::nullopt, "", {})},
              at_s(0));
  const contact_facets f = book.facets();
  CHECK(f.kecamatan == std::vector<std::string>{"Playen", "Semanu", "Wonosari"});
  REQUIRE(f.desa.size() == 3);  // one Bandung in each of two kecamatan, Kepek once
  CHECK(f.desa[0].name == "Bandung");
  CHECK(f.desa[0].kecamatan == "Playen");
  CHECK(f.desa[1].name == "Bandung");
  CHECK(f.desa[1].kecamatan == "Semanu");
  CHECK(f.desa[2].name == "Kepek");
  CHECK(f.roles == std::vector<std::string>{"bidan", "Kader"});
  CHECK(f.tags == std::vector<std::string>{"Aktif", "balita", "lansia"});
}

TEST_CASE("an empty book has no facets", "[queue][contacts]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  contact_book book(s.database);
  const contact_facets f = book.facets();
  CHECK(f.kecamatan.empty());
  CHECK(f.desa.empty());
  CHECK(f.roles.empty());
  CHECK(f.tags.empty());
}
