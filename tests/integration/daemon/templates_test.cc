// SPDX-License-Identifier: GPL-3.0-or-later
// Saved message templates through the daemon: an officer saves, lists, renames and deletes
// their own; a shared one is seen by the others but changed only by its officer or an admin; a
// text that could not be a broadcast's is refused as a broadcast would refuse it.

#include <catch2/catch.hpp>

#include "tests/integration/daemon/daemon_fixture.h"
#include "tests/integration/daemon/web_browser.h"

using namespace siaran::test;

namespace {

constexpr const char* password = "rahasia-123";

// Officers Siti and Asep, each with a user of the officer role.
struct two_officers {
  std::int64_t siti = 0;
  std::int64_t asep = 0;

  explicit two_officers(daemon_fixture& d) {
    siti = d.post("/api/v1/officers", {{"name", "Siti"}, {"sender_tag", "-- Siti"}}, 201).at("id");
    asep = d.post("/api/v1/officers", {{"name", "Asep"}, {"sender_tag", "-- Asep"}}, 201).at("id");
    d.post("/api/v1/users",
           {{"name", "siti"}, {"password", password}, {"role", "officer"}, {"officer_id", siti}},
           201);
    d.post("/api/v1/users",
           {{"name", "asep"}, {"password", password}, {"role", "officer"}, {"officer_id", asep}},
           201);
  }
};

std::vector<std::string> names_in(const json& list) {
  std::vector<std::string> names;
  for (const json& t : list) names.push_back(t.at("name"));
  return names;
}

}  // namespace

TEST_CASE("an officer's template goes round: saved, listed, renamed, used, deleted",
          "[daemon][templates]") {
  daemon_fixture d;
  const two_officers o(d);
  browser siti(d.port());
  REQUIRE(siti.login("siti", password).status == 200);

  const web_reply saved = siti.post(
      "/api/v1/templates",
      {{"name", "Undangan rapat"}, {"text", "Yth. {panggilan} {nama}, rapat kader {tanggal}."}});
  REQUIRE(saved.status == 201);
  CHECK(saved.body.at("officer_id") == o.siti);
  CHECK(saved.body.at("shared") == false);
  CHECK(saved.body.at("editable") == true);
  const std::string path =
      "/api/v1/templates/" + std::to_string(saved.body.at("id").get<std::int64_t>());

  CHECK(siti.post("/api/v1/templates", {{"name", "Undangan rapat"}, {"text", "Lain"}}).status ==
        409);
  const web_reply renamed = siti.request("PUT", path, {{"name", "Rapat bulanan"}});
  REQUIRE(renamed.status == 200);
  CHECK(renamed.body.at("text") == "Yth. {panggilan} {nama}, rapat kader {tanggal}.");
  const web_reply listed = siti.get("/api/v1/templates");
  CHECK(names_in(listed.body) == std::vector<std::string>{"Rapat bulanan"});

  d.post("/api/v1/contacts",
         {{"nama", "Ibu Enok"}, {"no_hp", "081234567001"}, {"panggilan", "Ibu"}}, 201);
  const web_reply sent = siti.post("/api/v1/broadcasts", {{"audience", {{"contacts", {1}}}},
                                                          {"template", listed.body[0].at("text")}});
  CHECK(sent.status == 202);

  CHECK(siti.request("DELETE", path).status == 204);
  CHECK(siti.get("/api/v1/templates").body.empty());
  CHECK(siti.request("PUT", path, {{"name", "Lagi"}}).status == 404);
  CHECK(siti.post("/api/v1/templates", {{"name", "Rapat bulanan"}, {"text", "Baru, {nama}."}})
            .status == 201);
}

TEST_CASE("a shared template is seen by every officer and changed only by its own or an admin",
          "[daemon][templates]") {
  daemon_fixture d;
  const two_officers o(d);
  browser siti(d.port());
  browser asep(d.port());
  REQUIRE(siti.login("siti", password).status == 200);
  REQUIRE(asep.login("asep", password).status == 200);

  const web_reply shared = siti.post(
      "/api/v1/templates",
      {{"name", "Posyandu bulanan"}, {"text", "Posyandu {posyandu} buka."}, {"shared", true}});
  REQUIRE(shared.status == 201);
  const web_reply own =
      siti.post("/api/v1/templates", {{"name", "Catatan Siti"}, {"text", "Draf, {nama}."}});
  REQUIRE(own.status == 201);
  const std::string shared_path =
      "/api/v1/templates/" + std::to_string(shared.body.at("id").get<std::int64_t>());
  const std::string own_path =
      "/api/v1/templates/" + std::to_string(own.body.at("id").get<std::int64_t>());

  const web_reply seen = asep.get("/api/v1/templates");
  REQUIRE(names_in(seen.body) == std::vector<std::string>{"Posyandu bulanan"});
  CHECK(seen.body[0].at("editable") == false);
  CHECK(asep.request("PUT", shared_path, {{"text", "Diubah"}}).status == 403);
  CHECK(asep.request("DELETE", shared_path).status == 403);
  CHECK(asep.request("PUT", own_path, {{"text", "Diubah"}}).status == 404);
  CHECK(asep.post("/api/v1/templates",
                  {{"name", "Milik Siti"}, {"text", "x"}, {"officer_id", o.siti}})
            .status == 403);

  CHECK(names_in(d.get("/api/v1/templates")) ==
        std::vector<std::string>{"Catatan Siti", "Posyandu bulanan"});
  browser script(d.port(), d.token());
  CHECK(script.request("PUT", shared_path, {{"shared", false}}).status == 200);
  CHECK(asep.get("/api/v1/templates").body.empty());
}

TEST_CASE("a template is refused as a broadcast's text would be", "[daemon][templates]") {
  daemon_fixture d;
  const auto refused = [&](const json& body) {
    const auto reply = d.api().post("/api/v1/templates", body.dump());
    INFO(reply.body);
    return reply.status;
  };
  CHECK(refused({{"name", "Rusak"}, {"text", "Halo {nama"}}) == 422);
  CHECK(refused({{"name", "Kosong"}, {"text", ""}}) == 400);
  CHECK(refused({{"name", ""}, {"text", "Halo"}}) == 400);
  CHECK(refused({{"name", std::string(61, 'n')}, {"text", "Halo"}}) == 400);
  CHECK(refused({{"name", "Halo"}, {"text", "Halo"}, {"warna", "merah"}}) == 400);
  CHECK(refused({{"name", "Halo"}, {"text", "Halo"}, {"officer_id", 99}}) == 422);
  CHECK(d.get("/api/v1/templates").empty());
}
