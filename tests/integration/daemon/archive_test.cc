// SPDX-License-Identifier: GPL-3.0-or-later
// Archiving and restoring contacts, groups and officers through the real daemon and its
// simulated modem: an archived contact is left out of what is really sent and still named in
// the inbox, DELETE deletes only what has no history, imports report archived numbers, a group
// that plans go to is not archived, and an archived officer's account sends nothing.

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "daemon_fixture.h"
#include "web_browser.h"

using namespace siaran::test;

namespace {

constexpr const char* password = "rahasia-123";

// Enok (1), Neneng (2) and Euis (3), of Playen.
void import_cadres(daemon_fixture& d) {
  const auto reply =
      d.api().post("/api/v1/contacts/import",
                   "nama,no_hp,desa\nIbu Enok,081234567001,Playen\nIbu Neneng,081234567002,Playen\n"
                   "Ibu Euis,081234567003,Playen\n",
                   "text/csv");
  INFO(reply.body);
  REQUIRE(reply.status == 200);
}

std::set<std::string> names(const json& contacts) {
  std::set<std::string> found;
  for (const auto& c : contacts) found.insert(c.at("nama").get<std::string>());
  return found;
}

std::int64_t id_of(const json& j) { return j.at("id").get<std::int64_t>(); }

// Posts a broadcast and waits until it is done; its id.
std::int64_t broadcast_done(daemon_fixture& d, const json& body) {
  const auto id = id_of(d.post("/api/v1/broadcasts", body));
  d.wait_for(
      "/api/v1/broadcasts/" + std::to_string(id),
      [](const json& b) { return b.at("state") == "done"; }, "the broadcast to be done");
  return id;
}

}  // namespace

TEST_CASE(
    "an archived contact is hidden, gets nothing of a real broadcast, and its reply keeps its name",
    "[daemon][archive]") {
  daemon_fixture d;
  import_cadres(d);
  const json archived = d.post("/api/v1/contacts/2/archive", json::object(), 200);
  CHECK(archived.at("nama") == "Ibu Neneng");
  CHECK(archived.at("archived_at").is_string());
  CHECK(names(d.get("/api/v1/contacts")) == std::set<std::string>{"Ibu Enok", "Ibu Euis"});
  CHECK(names(d.get("/api/v1/contacts?archived=only")) == std::set<std::string>{"Ibu Neneng"});
  CHECK(d.get("/api/v1/contacts?archived=true").size() == 3);
  CHECK(d.get("/api/v1/contacts?archived=maybe", 400)
            .at("error")
            .get<std::string>()
            .find("archived") == 0);

  // Named by id, by a list group and by a filter: the preview and the broadcast agree, without her.
  const auto group =
      id_of(d.post("/api/v1/groups", {{"name", "Semua"}, {"contacts", {1, 2, 3}}}, 201));
  CHECK(d.get("/api/v1/groups/" + std::to_string(group)).at("member_count") == 2);
  const json body = {
      {"audience", {{"groups", {group}}, {"contacts", {2}}, {"filter", {{"desa", "Playen"}}}}},
      {"template", "Rapat kader, {nama}."}};
  CHECK(d.post("/api/v1/broadcasts/preview", body, 200).at("recipients") == 2);
  const auto broadcast = broadcast_done(d, body);
  CHECK(d.get("/api/v1/broadcasts/" + std::to_string(broadcast)).at("sent") == 2);
  std::set<std::string> sent_to;
  for (const json& send : d.all_sends()) sent_to.insert(send.at("to").get<std::string>());
  CHECK(sent_to.size() == 2);
  CHECK(sent_to.count("+6281234567002") == 0);
  CHECK(sent_to.count("081234567002") == 0);

  // Only her: nobody to send to.
  d.post("/api/v1/broadcasts", {{"audience", {{"contacts", {2}}}}, {"template", "Halo {nama}."}},
         422);

  d.sim(0).control({{"inject", {{"from", "+6281234567002"}, {"text", "Saya sudah pindah"}}}});
  const json inbox = d.wait_for(
      "/api/v1/inbox", [](const json& b) { return b.size() == 1; }, "her reply");
  CHECK(inbox[0].at("contact_id") == 2);
  CHECK(inbox[0].at("contact_name") == "Ibu Neneng");

  const json restored = d.post("/api/v1/contacts/2/restore", json::object(), 200);
  CHECK(restored.at("archived_at").is_null());
  CHECK(d.get("/api/v1/contacts").size() == 3);
  CHECK(d.post("/api/v1/broadcasts/preview", body, 200).at("recipients") == 3);
}

TEST_CASE(
    "DELETE deletes a contact, group or officer without history and archives one with a history",
    "[daemon][archive]") {
  daemon_fixture d;
  import_cadres(d);
  browser script(d.port(), d.token());
  broadcast_done(d, {{"audience", {{"contacts", {1}}}}, {"template", "Halo {nama}."}});

  const web_reply enok = script.request("DELETE", "/api/v1/contacts/1");
  CHECK(enok.status == 200);
  CHECK(enok.body.at("result") == "archived");
  CHECK(enok.body.at("archived_at").is_string());
  CHECK(d.get("/api/v1/contacts/1").at("nama") == "Ibu Enok");

  const web_reply euis = script.request("DELETE", "/api/v1/contacts/3");
  CHECK(euis.status == 200);
  CHECK(euis.body == json{{"id", 3}, {"result", "deleted"}});
  d.get("/api/v1/contacts/3", 404);
  CHECK(script.request("DELETE", "/api/v1/contacts/3").status == 404);
  CHECK(names(d.get("/api/v1/contacts")) == std::set<std::string>{"Ibu Neneng"});

  const auto used = id_of(d.post("/api/v1/groups", {{"name", "Dipakai"}, {"contacts", {2}}}, 201));
  const auto unused = id_of(d.post("/api/v1/groups", {{"name", "Kosong"}, {"contacts", {2}}}, 201));
  broadcast_done(d, {{"audience", {{"groups", {used}}}}, {"template", "Halo {nama}."}});
  CHECK(script.request("DELETE", "/api/v1/groups/" + std::to_string(used)).body.at("result") ==
        "archived");
  CHECK(script.request("DELETE", "/api/v1/groups/" + std::to_string(unused)).body.at("result") ==
        "deleted");
  CHECK(d.get("/api/v1/groups").empty());
  CHECK(d.get("/api/v1/groups?archived=only").size() == 1);

  const auto signed_by =
      id_of(d.post("/api/v1/officers", {{"name", "Asep"}, {"sender_tag", "-- Asep"}}, 201));
  const auto idle = id_of(d.post("/api/v1/officers", {{"name", "Dedi"}}, 201));
  broadcast_done(
      d,
      {{"officer_id", signed_by}, {"audience", {{"contacts", {2}}}}, {"template", "Halo {nama}."}});
  CHECK(
      script.request("DELETE", "/api/v1/officers/" + std::to_string(signed_by)).body.at("result") ==
      "archived");
  CHECK(script.request("DELETE", "/api/v1/officers/" + std::to_string(idle)).body.at("result") ==
        "deleted");
  CHECK(d.get("/api/v1/officers").empty());
  const json kept = d.get("/api/v1/officers?archived=true");
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].at("name") == "Asep");
}

TEST_CASE("an import that meets an archived contact's number reports it and changes nothing",
          "[daemon][archive]") {
  daemon_fixture d;
  import_cadres(d);
  d.post("/api/v1/contacts/2/archive", json::object(), 200);
  const std::string csv =
      "nama,no_hp,desa\nNeneng Baru,0812-3456-7002,Wonosari\nIbu Tati,081234567004,Playen\n";

  const auto refused = d.api().post("/api/v1/contacts/import", csv, "text/csv");
  REQUIRE(refused.status == 422);
  const json errors = json::parse(refused.body).at("errors");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].at("line") == 2);
  CHECK(errors[0].at("code") == "archived_contact");
  CHECK(errors[0].at("value") == "+6281234567002");

  const auto reviewed = d.api().post("/api/v1/contacts/import/review", csv, "text/csv");
  REQUIRE(reviewed.status == 201);
  const json review = json::parse(reviewed.body);
  CHECK(review.at("new") == 1);
  CHECK(review.at("changed").empty());
  REQUIRE(review.at("errors").size() == 1);
  CHECK(review.at("errors")[0].at("code") == "archived_contact");

  const auto partial = d.api().post("/api/v1/contacts/import?partial=true", csv, "text/csv");
  REQUIRE(partial.status == 200);
  CHECK(json::parse(partial.body).at("inserted") == 1);
  const json neneng = d.get("/api/v1/contacts/2");
  CHECK(neneng.at("nama") == "Ibu Neneng");
  CHECK(neneng.at("desa") == "Playen");
  CHECK(d.get("/api/v1/contacts?archived=true").size() == 4);
  const json added =
      d.post("/api/v1/contacts", {{"nama", "Neneng"}, {"no_hp", "081234567002"}}, 409);
  CHECK(added.at("error").get<std::string>().find("archived") != std::string::npos);
}

TEST_CASE(
    "a group that a meeting or recurring broadcast goes to is not archived, and an archived group "
    "is no audience",
    "[daemon][archive]") {
  daemon_fixture d;
  import_cadres(d);
  const auto group = id_of(
      d.post("/api/v1/groups", {{"name", "Kader Playen"}, {"filter", {{"desa", "Playen"}}}}, 201));
  const std::string target = "/api/v1/groups/" + std::to_string(group);
  const json audience = {{"groups", {group}}};
  const auto meeting = id_of(d.post(
      "/api/v1/events",
      {{"title", "Rapat"}, {"starts_at", "2099-11-30T09:00:00+07:00"}, {"audience", audience}},
      201));
  const auto weekly = id_of(
      d.post("/api/v1/recurring",
             {{"audience", audience}, {"template", "Apel, {nama}."}, {"cron", "0 7 * * 1"}}, 201));

  const json refused = d.post(target + "/archive", json::object(), 409);
  REQUIRE(refused.at("plans").size() == 2);
  CHECK(refused.at("plans")[0] == json{{"kind", "event"}, {"id", meeting}, {"title", "Rapat"}});
  CHECK(refused.at("plans")[1].at("kind") == "recurring");
  CHECK(d.get(target).at("archived_at").is_null());

  d.post("/api/v1/events/" + std::to_string(meeting) + "/cancel", json::object(), 200);
  browser script(d.port(), d.token());
  CHECK(script.request("DELETE", "/api/v1/recurring/" + std::to_string(weekly)).status == 200);
  CHECK(d.post(target + "/archive", json::object(), 200).at("archived_at").is_string());
  CHECK(d.get("/api/v1/groups").empty());

  const json body = {{"audience", audience}, {"template", "Halo {nama}."}};
  CHECK(d.post("/api/v1/broadcasts/preview", body, 422)
            .at("error")
            .get<std::string>()
            .find("archived") != std::string::npos);
  d.post("/api/v1/events",
         {{"title", "Rapat 2"}, {"starts_at", "2099-12-30T09:00:00+07:00"}, {"audience", audience}},
         422);

  d.post(target + "/restore", json::object(), 200);
  CHECK(d.post("/api/v1/broadcasts/preview", body, 200).at("recipients") == 3);
}

TEST_CASE("an archived officer's account sends nothing, and their broadcasts keep their name",
          "[daemon][archive]") {
  daemon_fixture d;
  import_cadres(d);
  const auto asep =
      id_of(d.post("/api/v1/officers", {{"name", "Asep"}, {"sender_tag", "-- Asep"}}, 201));
  d.post("/api/v1/users",
         {{"name", "asep"}, {"password", password}, {"role", "officer"}, {"officer_id", asep}},
         201);
  browser officer(d.port());
  REQUIRE(officer.login("asep", password).status == 200);
  const json body = {{"audience", {{"contacts", {1}}}}, {"template", "Halo {nama}."}};
  REQUIRE(officer.post("/api/v1/broadcasts", body).status == 202);

  const json archived =
      d.post("/api/v1/officers/" + std::to_string(asep) + "/archive", json::object(), 200);
  CHECK(archived.at("archived_at").is_string());
  const web_reply refused = officer.post("/api/v1/broadcasts", body);
  INFO(refused.body.dump());
  CHECK(refused.status == 403);
  CHECK(refused.body.at("error").get<std::string>().find("archived") != std::string::npos);
  CHECK(officer
            .post("/api/v1/events", {{"title", "Rapat"},
                                     {"starts_at", "2099-11-30T09:00:00+07:00"},
                                     {"audience", body.at("audience")}})
            .status == 403);
  json for_asep = body;
  for_asep["officer_id"] = asep;
  d.post("/api/v1/broadcasts", for_asep, 400);

  // What Asep sent before still reads as his, for him and for everyone.
  const json mine = officer.get("/api/v1/broadcasts").body.at("broadcasts");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].at("officer_id") == asep);
  CHECK(d.get("/api/v1/officers/" + std::to_string(asep)).at("name") == "Asep");

  d.post("/api/v1/officers/" + std::to_string(asep) + "/restore", json::object(), 200);
  CHECK(officer.post("/api/v1/broadcasts", body).status == 202);
}

TEST_CASE("siaran contacts, groups and officers archive and restore by id",
          "[daemon][archive][cli]") {
  daemon_fixture d;
  import_cadres(d);
  d.post("/api/v1/groups", {{"name", "Semua"}, {"contacts", {1, 2}}}, 201);
  d.post("/api/v1/officers", {{"name", "Asep"}}, 201);
  const auto siaran = [&](std::vector<std::string> args) { return d.siaran(std::move(args)); };

  const auto archived = siaran({"contacts", "archive", "2"});
  CHECK(archived.exit_code == 0);
  CHECK(archived.out == "contact 2 archived\n");
  CHECK(names(d.get("/api/v1/contacts")) == std::set<std::string>{"Ibu Enok", "Ibu Euis"});
  CHECK(siaran({"contacts", "list"}).out.find("Neneng") == std::string::npos);
  CHECK(siaran({"contacts", "restore", "2"}).out == "contact 2 restored\n");
  CHECK(d.get("/api/v1/contacts").size() == 3);

  CHECK(siaran({"groups", "archive", "1"}).out == "group 1 archived\n");
  CHECK(d.get("/api/v1/groups").empty());
  CHECK(siaran({"groups", "restore", "1"}).exit_code == 0);
  CHECK(d.get("/api/v1/groups").size() == 1);

  const auto json_out = siaran({"officers", "archive", "1", "--json"});
  CHECK(json_out.exit_code == 0);
  CHECK(json::parse(json_out.out).at("archived_at").is_string());
  CHECK(siaran({"officers", "restore", "1"}).out == "officer 1 restored\n");

  CHECK(siaran({"contacts", "archive", "99"}).exit_code == 65);
  CHECK(siaran({"contacts", "archive"}).exit_code == 2);
  CHECK(siaran({"groups", "restore", "satu"}).exit_code == 2);
}
