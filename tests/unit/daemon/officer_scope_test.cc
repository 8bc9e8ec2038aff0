// SPDX-License-Identifier: GPL-3.0-or-later
// The one rule for what belongs to an officer (daemon/api/officer_scope.h), for each kind of
// caller.

#include "daemon/api/officer_scope.h"

#include <catch2/catch.hpp>

namespace api = siaran::daemon::api;
namespace http = siaran::daemon::http;

namespace {

http::principal officer_session(std::optional<std::int64_t> officer_id) {
  return {"rina", http::role::officer, 3, officer_id, true};
}
http::principal admin_session() { return {"boss", http::role::admin, 1, std::nullopt, true}; }
http::principal viewer_session() { return {"vera", http::role::viewer, 2, 7, true}; }
http::principal script() { return {"sekretariat", http::role::admin, 0, std::nullopt, false}; }

}  // namespace

TEST_CASE("an officer creates things as themselves and never as another officer") {
  CHECK(api::acting_officer(officer_session(2), std::nullopt) == 2);
  CHECK(api::acting_officer(officer_session(2), 2) == 2);
  CHECK_THROWS_AS(api::acting_officer(officer_session(2), 5), api::forbidden);
  CHECK_THROWS_AS(api::acting_officer(officer_session(std::nullopt), std::nullopt), api::forbidden);
}

TEST_CASE("admins and scripts create things for whichever officer they name, or none") {
  CHECK(api::acting_officer(admin_session(), 5) == 5);
  CHECK(api::acting_officer(script(), std::nullopt) == std::nullopt);
}

TEST_CASE("an officer sees and changes only their own; everyone else sees everything") {
  CHECK(api::sees(officer_session(2), 2));
  CHECK_FALSE(api::sees(officer_session(2), 5));
  CHECK_FALSE(api::sees(officer_session(2), std::nullopt));  // the office's: an admin's to change
  CHECK_FALSE(api::sees(officer_session(std::nullopt), std::nullopt));
  CHECK(api::sees(viewer_session(), 5));
  CHECK(api::sees(admin_session(), std::nullopt));
  CHECK(api::sees(script(), 5));
  CHECK_THROWS_AS(api::require_change(officer_session(2), 5, "event 9"), api::forbidden);
  CHECK_NOTHROW(api::require_change(officer_session(2), 2, "event 9"));
}

TEST_CASE("an officer's lists are limited to their officer, or to nobody without one") {
  CHECK(api::listed_officer(officer_session(2)) == 2);
  CHECK(api::listed_officer(officer_session(std::nullopt)) == 0);
  CHECK(api::listed_officer(admin_session()) == std::nullopt);
  CHECK(api::listed_officer(viewer_session()) == std::nullopt);
}
