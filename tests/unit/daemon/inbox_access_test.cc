// SPDX-License-Identifier: GPL-3.0-or-later
// Whose inbox a request sees (daemon/api/inbox_access.h): an officer's browser session only
// their own officer's; admins, viewers and API tokens every inbox.

#include "daemon/api/inbox_access.h"

#include <catch2/catch.hpp>

namespace api = siaran::daemon::api;
namespace http = siaran::daemon::http;
namespace queue = siaran::queue;

namespace {

http::principal officer_session(std::optional<std::int64_t> officer_id) {
  return {"rina", http::role::officer, 3, officer_id, true};
}

http::request asking(const http::principal& who, std::optional<std::string> officer_query = std::nullopt) {
  http::request r;
  r.method = "GET";
  r.path = "/api/v1/inbox";
  r.who = who;
  if (officer_query) r.query["officer_id"] = *officer_query;
  return r;
}

queue::reply_route routed_to(std::optional<std::int64_t> officer) { return {std::nullopt, std::nullopt, officer, std::nullopt}; }

}  // namespace

TEST_CASE("an officer's session lists only their own inbox") {
  const auto access = api::inbox_access_of(officer_session(2));
  queue::inbox_filter filter;
  CHECK_FALSE(api::scope_inbox(asking(officer_session(2)), access, filter));
  CHECK(filter.scope == queue::inbox_scope::officer);
  CHECK(filter.officer_id == 2);
  queue::inbox_filter own;
  CHECK_FALSE(api::scope_inbox(asking(officer_session(2), "2"), access, own));
  CHECK(own.officer_id == 2);
}

TEST_CASE("an officer's session asking for another inbox or the general one is refused with 403") {
  const auto access = api::inbox_access_of(officer_session(2));
  for (const char* other : {"5", "none", "0"}) {
    queue::inbox_filter filter;
    const auto refused = api::scope_inbox(asking(officer_session(2), other), access, filter);
    REQUIRE(refused);
    CHECK(refused->status == 403);
  }
}

TEST_CASE("an officer's session with no officer linked sees nothing") {
  const auto access = api::inbox_access_of(officer_session(std::nullopt));
  queue::inbox_filter filter;
  CHECK_FALSE(api::scope_inbox(asking(officer_session(std::nullopt)), access, filter));
  CHECK(filter.scope == queue::inbox_scope::officer);
  CHECK(filter.officer_id == 0);  // no officer has id 0
  CHECK_FALSE(access.sees(routed_to(std::nullopt)));
  CHECK_FALSE(access.sees(routed_to(2)));
  CHECK(access.visible({5, 2, {{2, 3}}}).total == 0);
}

TEST_CASE("an officer's session sees, answers and counts only their own messages") {
  const auto access = api::inbox_access_of(officer_session(2));
  CHECK(access.sees(routed_to(2)));
  CHECK_FALSE(access.sees(routed_to(5)));
  CHECK_FALSE(access.sees(routed_to(std::nullopt)));
  const queue::unread_counts own = access.visible({9, 4, {{2, 3}, {5, 2}}});
  CHECK(own.total == 3);
  CHECK(own.general == 0);
  CHECK(own.by_officer == std::map<std::int64_t, std::int64_t>{{2, 3}});
}

TEST_CASE("admins, viewers, API tokens and an officer's API use see every inbox") {
  const http::principal everyone_else[] = {
      {"admin", http::role::admin, 1, std::nullopt, true},
      {"tamu", http::role::viewer, 4, std::nullopt, true},
      {"script", http::role::admin, 0, std::nullopt, false},
      {"rina", http::role::officer, 3, 2, false},  // not a browser session
  };
  for (const http::principal& who : everyone_else) {
    INFO(who.name);
    const auto access = api::inbox_access_of(who);
    CHECK(access.sees(routed_to(5)));
    CHECK(access.sees(routed_to(std::nullopt)));
    CHECK(access.visible({9, 4, {{2, 3}, {5, 2}}}).total == 9);
    queue::inbox_filter filter;
    CHECK_FALSE(api::scope_inbox(asking(who, "none"), access, filter));
    CHECK(filter.scope == queue::inbox_scope::general);
  }
}
