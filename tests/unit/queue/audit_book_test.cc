// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log's book on a real store file: what is recorded comes back newest first, in
// pages, filtered by actor and time, with every text cut to its bound.

#include <catch2/catch.hpp>

#include <string>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

audit_entry by(const std::string& actor, timestamp at, std::string route = "/api/v1/messages") {
  audit_entry e;
  e.at = at;
  e.actor = actor;
  e.user_id = 3;
  e.role = "officer";
  e.address = "192.168.1.20";
  e.method = "POST";
  e.route = std::move(route);
  e.status = 202;
  e.summary = "POST /api/v1/messages: id 17";
  return e;
}

std::vector<std::int64_t> ids_of(const std::vector<audit_entry>& entries) {
  std::vector<std::int64_t> out;
  for (const auto& e : entries) out.push_back(e.id);
  return out;
}

}  // namespace

TEST_CASE("an audit entry comes back as recorded", "[queue][audit]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  audit_entry e = by("siti", at_s(100), "/api/v1/contacts/{id}");
  e.target = "42";
  const std::int64_t id = s.audit.record(e);
  const auto found = s.audit.list({});
  REQUIRE(found.size() == 1);
  const audit_entry& got = found[0];
  CHECK(got.id == id);
  CHECK(got.at == at_s(100));
  CHECK(got.actor == "siti");
  CHECK(got.user_id == 3);
  CHECK(got.role == "officer");
  CHECK(got.address == "192.168.1.20");
  CHECK(got.method == "POST");
  CHECK(got.route == "/api/v1/contacts/{id}");
  CHECK(got.target == "42");
  CHECK(got.status == 202);
  CHECK(got.summary == "POST /api/v1/messages: id 17");
}

TEST_CASE("audit entries are listed newest first, a page at a time before an id", "[queue][audit]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  for (int i = 1; i <= 5; ++i) s.audit.record(by("siti", at_s(i)));
  const auto first = s.audit.list({.limit = 2});
  CHECK(ids_of(first) == std::vector<std::int64_t>{5, 4});
  const auto second = s.audit.list({.before_id = first.back().id, .limit = 2});
  CHECK(ids_of(second) == std::vector<std::int64_t>{3, 2});
  CHECK(ids_of(s.audit.list({.before_id = 2, .limit = 2})) == std::vector<std::int64_t>{1});
}

TEST_CASE("audit entries are filtered by actor, whatever its case, and by time", "[queue][audit]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.audit.record(by("siti", at_s(10)));
  s.audit.record(by("asep", at_s(20)));
  s.audit.record(by("Siti", at_s(30)));
  CHECK(ids_of(s.audit.list({.actor = "SITI"})) == std::vector<std::int64_t>{3, 1});
  CHECK(ids_of(s.audit.list({.since = at_s(20)})) == std::vector<std::int64_t>{3, 2});
  CHECK(ids_of(s.audit.list({.actor = "siti", .since = at_s(20)})) == std::vector<std::int64_t>{3});
}

TEST_CASE("every text of an audit entry is cut to its bound, never inside a character", "[queue][audit]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  audit_entry e = by(std::string(100'000, 'a'), at_s(1));
  e.address = std::string(1000, '1');
  e.route = std::string(1000, '/');
  e.target = std::string(1000, '9');
  e.summary = "x";
  for (int i = 0; i < 500; ++i) e.summary += "é";  // two bytes each, the bound falls inside one
  s.audit.record(e);
  const audit_entry got = s.audit.list({}).at(0);
  CHECK(got.actor.size() == audit_bounds::actor);
  CHECK(got.address.size() == audit_bounds::address);
  CHECK(got.route.size() == audit_bounds::route);
  CHECK(got.target->size() == audit_bounds::target);
  CHECK(got.summary.size() == audit_bounds::summary - 1);
  CHECK(got.summary.ends_with("é"));
}

TEST_CASE("pruning the audit log deletes the entries before the date only", "[queue][audit]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.audit.record(by("siti", at_s(10)));
  s.audit.record(by("siti", at_s(20)));
  CHECK(s.audit.prune(at_s(20)) == 1);
  CHECK(ids_of(s.audit.list({})) == std::vector<std::int64_t>{2});
}
