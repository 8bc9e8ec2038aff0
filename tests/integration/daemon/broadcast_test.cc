// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <latch>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "daemon_fixture.h"
#include "tests/support/child_process.h"

using namespace siaran::test;

namespace {

constexpr int cadres = 500;
constexpr std::string_view tag = "-- Sekretariat Pokjanal KBB";
constexpr std::string_view template_text =
    "Yth. {panggilan} {nama}, Posyandu {posyandu}: rapat kader besok. {jabatan|}";

std::string number_of(int i) {
  std::string digits = std::to_string(i);
  return "08123" + std::string(7 - digits.size(), '0') + digits;
}

std::string name_of(int i) { return "Kader " + std::to_string(i); }

// The last 8 digits, as the sims log numbers in their international form.
std::string key_of(const std::string& number) { return number.substr(number.size() - 8); }

// 500 cadres of Cihampelas and one more who said BERHENTI.
std::string cadre_csv() {
  std::string csv = "nama,no_hp,panggilan,peran,kecamatan,desa,posyandu,jabatan,berhenti\n";
  for (int i = 1; i <= cadres + 1; ++i) {
    csv += name_of(i) + "," + number_of(i) + "," + (i % 2 ? "Ibu" : "Bapak") +
           ",kader,Cihampelas,Mekarmukti,Melati " + std::to_string(i % 7) + "," +
           (i == 1 ? "Ketua" : "") + "," + (i == cadres + 1 ? "ya" : "tidak") + "\n";
  }
  return csv;
}

std::string expected_text(int i) {
  return "Yth. " + std::string(i % 2 ? "Ibu" : "Bapak") + " " + name_of(i) + ", Posyandu Melati " +
         std::to_string(i % 7) + ": rapat kader besok. " + (i == 1 ? "Ketua" : "") + "\n" +
         std::string(tag);
}

std::string iso_in(std::chrono::minutes from_now) {
  const std::time_t at =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + from_now);
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

struct people {
  std::int64_t officer = 0;
  std::int64_t group = 0;
};

people import_cadres(daemon_fixture& d) {
  const auto imported = d.api().post("/api/v1/contacts/import", cadre_csv(), "text/csv");
  INFO(imported.body);
  REQUIRE(imported.status == 200);
  REQUIRE(json::parse(imported.body).at("imported") == cadres + 1);
  people p;
  p.officer =
      d.post("/api/v1/officers", {{"name", "Sekretariat"}, {"sender_tag", tag}}, 201).at("id");
  p.group = d.post("/api/v1/groups",
                   {{"name", "Kader Cihampelas"},
                    {"filter", {{"kecamatan", "Cihampelas"}, {"peran", "kader"}}}},
                   201)
                .at("id");
  return p;
}

json broadcast_body(const people& p) {
  return {{"officer_id", p.officer},
          {"audience", {{"groups", {p.group}}}},
          {"template", template_text}};
}

}  // namespace

TEST_CASE(
    "a broadcast to 500 cadres goes out once each, personalised and tagged, not to who opted out",
    "[daemon][broadcast]") {
  daemon_settings settings;
  settings.sims.assign(4, sim_settings{});
  daemon_fixture d(settings);
  const people p = import_cadres(d);

  const json preview = d.post("/api/v1/broadcasts/preview", broadcast_body(p), 200);
  CHECK(preview.at("recipients") == cadres);
  CHECK(preview.at("parts") == cadres);
  CHECK(preview.at("encoding") == "gsm7");
  CHECK(preview.at("skipped_opted_out") == 1);
  REQUIRE(preview.at("samples").size() == 3);
  CHECK(preview.at("samples")[0].at("text") == expected_text(1));
  CHECK(preview.at("samples")[0].at("parts") == 1);
  CHECK(d.get("/api/v1/broadcasts").at("broadcasts").empty());
  CHECK(d.all_sends().empty());

  const json created = d.post("/api/v1/broadcasts", broadcast_body(p));
  CHECK(created.at("recipients") == cadres);
  CHECK(created.at("parts") == cadres);
  const std::string target =
      "/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>());
  const json done = d.wait_for(
      target, [](const json& b) { return b.at("state") == "done"; }, "the broadcast to be done",
      std::chrono::seconds(120));
  CHECK(done.at("sent") == cadres);
  CHECK(done.at("failed") == 0);
  CHECK(done.at("queued") == 0);

  std::map<std::string, std::string> texts;  // by the number's last 8 digits
  for (const json& send : d.all_sends()) {
    const auto [where, fresh] =
        texts.emplace(key_of(send.at("to").get<std::string>()), send.at("text").get<std::string>());
    INFO("sent twice to " << where->first);
    CHECK(fresh);
  }
  CHECK(texts.size() == cadres);
  for (int i = 1; i <= cadres; ++i) {
    const auto found = texts.find(key_of(number_of(i)));
    INFO("cadre " << i);
    REQUIRE(found != texts.end());
    CHECK(found->second == expected_text(i));
  }
  CHECK(texts.count(key_of(number_of(cadres + 1))) == 0);
}

TEST_CASE("a scheduled broadcast cancelled before its time sends nothing", "[daemon][broadcast]") {
  daemon_fixture d;
  const people p = import_cadres(d);
  json body = broadcast_body(p);
  body["send_at"] = iso_in(std::chrono::minutes(60));
  const json created = d.post("/api/v1/broadcasts", body);
  const std::string target =
      "/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>());
  CHECK(d.get(target).at("state") == "scheduled");

  const json cancelled = d.post(target + "/cancel", json::object(), 200);
  CHECK(cancelled.at("cancelled") == cadres);
  const json after = d.get(target);
  CHECK(after.at("state") == "cancelled");
  CHECK(after.at("cancelled") == cadres);
  CHECK(after.at("queued") == 0);
  const json first = d.get(target + "/recipients").at("recipients")[0];
  CHECK(first.at("state") == "cancelled");
  CHECK(first.at("contact_name") == name_of(1));
  CHECK(first.at("last_error") == "cancelled");
  CHECK(d.all_sends().empty());
}

namespace {

// Parts waiting: a broadcast scheduled an hour ahead keeps its 500 there, one per cadre.
std::int64_t queued_parts(daemon_fixture& d) { return d.get("/api/v1/queue").at("queued"); }

std::size_t broadcast_count(daemon_fixture& d) { return d.get("/api/v1/broadcasts").at("broadcasts").size(); }

// The same POST on two connections at once: the second arrives while the first is being
// prepared or committed. The two answers.
std::vector<json> posted_together(daemon_fixture& d, const json& body) {
  std::vector<json> answers(2);
  std::latch start(2);
  std::vector<std::jthread> clients;
  for (json& answer : answers) {
    clients.emplace_back([&d, &body, &answer, &start] {
      siaran::tools::api_client client({"127.0.0.1", d.port(), d.token(), std::chrono::seconds(60)});
      start.arrive_and_wait();
      const auto reply = client.post("/api/v1/broadcasts", body.dump());
      answer = {{"status", reply.status}, {"body", json::parse(reply.body, nullptr, false)}};
    });
  }
  clients.clear();
  return answers;
}

}  // namespace

TEST_CASE("a repeated client_ref queues one broadcast, even sent twice at once; another ref or none queues again",
          "[daemon][broadcast][client_ref]") {
  daemon_fixture d;
  const people p = import_cadres(d);
  json body = broadcast_body(p);
  body["send_at"] = iso_in(std::chrono::minutes(60));
  body["client_ref"] = "kirim-siaran-1";

  const json first = d.post("/api/v1/broadcasts", body);
  CHECK(first.at("duplicate") == false);
  const json again = d.post("/api/v1/broadcasts", body);
  CHECK(again.at("duplicate") == true);
  CHECK(again.at("id") == first.at("id"));
  CHECK(again.at("recipients") == cadres);
  CHECK(again.at("state") == "scheduled");
  CHECK(queued_parts(d) == cadres);
  CHECK(broadcast_count(d) == 1);

  SECTION("two at once on two connections") {
    body["client_ref"] = "kirim-siaran-2";
    const std::vector<json> answers = posted_together(d, body);
    for (const json& answer : answers) {
      INFO(answer.dump());
      REQUIRE(answer.at("status") == 202);
    }
    CHECK(answers[0].at("body").at("id") == answers[1].at("body").at("id"));
    CHECK(answers[0].at("body").at("duplicate") != answers[1].at("body").at("duplicate"));
    CHECK(queued_parts(d) == 2 * cadres);
    CHECK(broadcast_count(d) == 2);
  }
  SECTION("another ref, another officer's same ref, or none: each queues a broadcast") {
    body["client_ref"] = "kirim-siaran-3";
    CHECK(d.post("/api/v1/broadcasts", body).at("id") != first.at("id"));
    const std::int64_t other =
        d.post("/api/v1/officers", {{"name", "Bu Rina"}, {"sender_tag", "-- Rina"}}, 201).at("id");
    body["officer_id"] = other;
    body["client_ref"] = "kirim-siaran-1";
    CHECK(d.post("/api/v1/broadcasts", body).at("duplicate") == false);
    body.erase("client_ref");
    CHECK(d.post("/api/v1/broadcasts", body).at("duplicate") == false);
    CHECK(d.post("/api/v1/broadcasts", body).at("duplicate") == false);
    CHECK(queued_parts(d) == 5 * cadres);
    CHECK(broadcast_count(d) == 5);
  }
  SECTION("a ref of no or too many characters is refused") {
    body["client_ref"] = "";
    d.post("/api/v1/broadcasts", body, 400);
    body["client_ref"] = std::string(129, 'x');
    d.post("/api/v1/broadcasts", body, 400);
    CHECK(broadcast_count(d) == 1);
  }
}

TEST_CASE("a broadcast the API cannot send is refused before anything is queued",
          "[daemon][broadcast]") {
  daemon_fixture d;
  const people p = import_cadres(d);
  json unknown = broadcast_body(p);
  unknown["template"] = "Halo {nama}, {jabtan} {acara|rapat}";
  const json refused = d.post("/api/v1/broadcasts", unknown, 422);
  CHECK(refused.at("error").get<std::string>().find("{jabtan}, {acara}") != std::string::npos);

  json long_text = broadcast_body(p);
  long_text["template"] = std::string(1000, 'x') + " {nama}";
  CHECK(d.post("/api/v1/broadcasts", long_text, 422)
            .at("error")
            .get<std::string>()
            .find("at most 6") != std::string::npos);

  json no_officer = broadcast_body(p);
  no_officer["officer_id"] = 999;
  d.post("/api/v1/broadcasts", no_officer, 422);
  json malformed = broadcast_body(p);
  malformed["send_at"] = "besok pagi";
  CHECK(
      d.post("/api/v1/broadcasts", malformed, 400).at("error").get<std::string>().find("send_at") !=
      std::string::npos);
  d.get("/api/v1/broadcasts/999", 404);
  d.post("/api/v1/broadcasts/999/cancel", json::object(), 404);
  CHECK(d.get("/api/v1/broadcasts").at("broadcasts").empty());
}

TEST_CASE("siaran broadcast previews, queues, reports and cancels by group and officer name",
          "[daemon][broadcast][cli]") {
  daemon_fixture d;
  import_cadres(d);
  temp_dir files;
  const auto template_file = files.write("undangan.txt", "Yth. {panggilan} {nama}, rapat besok.\n");
  const auto siaran = [&](std::vector<std::string> args) {
    args.insert(args.begin(), SIARAN_BINARY_DIR "/tools/siaran");
    args.insert(args.end(), {"--url", "127.0.0.1:" + d.port()});
    auto finished = run_program(std::move(args), deadline_in(std::chrono::seconds(30)),
                                {"SIARAN_TOKEN=" + d.token(), "SIARAN_URL"});
    REQUIRE(finished);
    INFO("stderr: " << finished->err);
    REQUIRE(finished->exit_code == 0);
    return finished->out;
  };
  const std::vector<std::string> audience = {
      "broadcast",   "--group",    "Kader Cihampelas",          "--officer",
      "Sekretariat", "--template", "@" + template_file.string()};

  auto preview = audience;
  preview.push_back("--preview");
  const std::string shown = siaran(preview);
  CHECK(shown.find("recipients: 500  parts: 500  encoding: gsm7") != std::string::npos);
  CHECK(shown.find("estimated cost: Rp75000\n") != std::string::npos);  // prices.default, 150 per part
  CHECK(shown.find("Yth. Ibu Kader 1, rapat besok.\n" + std::string(tag)) != std::string::npos);

  auto later = audience;
  later.insert(later.end(), {"--at", iso_in(std::chrono::minutes(60))});
  const std::string queued = siaran(later);
  CHECK(queued.find("queued: 500 recipients, 500 parts") != std::string::npos);
  const std::string id = queued.substr(std::string("broadcast ").size(), queued.find(' ', 10) - 10);
  CHECK(siaran({"broadcast", "status", id}).find(": scheduled") != std::string::npos);
  CHECK(siaran({"broadcast", "cancel", id}).find("cancelled: 500 message(s) stopped") !=
        std::string::npos);
  CHECK(d.all_sends().empty());
}
