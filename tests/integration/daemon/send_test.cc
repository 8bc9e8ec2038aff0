// SPDX-License-Identifier: GPL-3.0-or-later
// Sending through siarand as a client does: POST a message, watch its state over the API, and
// read in the simulated modems' send logs what reached the network.

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// The sends of all sims to `number`, in the order each sim accepted them.
std::vector<json> sends_to(const daemon_fixture& d, const std::string& number) {
  std::vector<json> found;
  for (const json& send : d.all_sends()) {
    if (send.at("to") == number) found.push_back(send);
  }
  return found;
}

}  // namespace

TEST_CASE("a message is sent on a modem, and that modem got a PDU with the E.164 number and the text",
          "[daemon][send]") {
  daemon_fixture d;
  const std::string text = "Ibu Siti, rapat kader besok jam 09.00 di balai desa";
  const json accepted = d.post("/api/v1/messages", {{"to", "0812-3456-7890"}, {"text", text}});
  CHECK(accepted.at("parts") == 1);
  CHECK(accepted.at("encoding") == "gsm7");
  CHECK(accepted.at("duplicate") == false);

  const json message = d.wait_for_state(accepted.at("id"), "sent");
  CHECK(message.at("to") == "+6281234567890");
  REQUIRE(message.at("parts").size() == 1);
  const json& part = message.at("parts").at(0);
  CHECK(part.at("state") == "sent");
  CHECK(part.at("modem") == "m1");
  REQUIRE(part.at("reference").is_number_integer());
  CHECK(part.at("attempts") == 1);
  CHECK(part.at("sent_at").is_string());

  const std::vector<json> sends = d.sim(0).sends();
  REQUIRE(sends.size() == 1);
  CHECK(sends[0].at("to") == "+6281234567890");
  CHECK(sends[0].at("text") == text);
  CHECK(sends[0].at("encoding") == "gsm7");
  CHECK(sends[0].at("mr") == part.at("reference"));  // the reference the modem answered
}

TEST_CASE("both parts of a long message go out on the same modem with one concatenation reference",
          "[daemon][send][multipart]") {
  // Three idle modems and no throttle: unpinned, the two parts would go out on two modems at once.
  daemon_settings settings;
  settings.sims.assign(3, sim_settings{});
  daemon_fixture d(settings);
  std::string text;
  while (text.size() < 300) text += "Ibu kader Posyandu, timbang balita bulan ini di balai desa. ";
  text.resize(300);
  const json accepted = d.post("/api/v1/messages", {{"to", "081234567891"}, {"text", text}});
  REQUIRE(accepted.at("parts") == 2);

  const json message = d.wait_for_state(accepted.at("id"), "sent");
  const json& parts = message.at("parts");
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].at("modem").is_string());
  CHECK(parts[0].at("modem") == parts[1].at("modem"));

  std::vector<json> sends = sends_to(d, "+6281234567891");
  REQUIRE(sends.size() == 2);
  CHECK(sends[0].at("modem") == parts[0].at("modem"));
  CHECK(sends[1].at("modem") == parts[0].at("modem"));
  std::ranges::sort(sends, {}, [](const json& s) { return s.at("concat").at("part").get<int>(); });
  CHECK(sends[0].at("concat").at("part") == 1);
  CHECK(sends[1].at("concat").at("part") == 2);
  CHECK(sends[0].at("concat").at("total") == 2);
  CHECK(sends[1].at("concat").at("total") == 2);
  CHECK(sends[0].at("concat").at("reference") == sends[1].at("concat").at("reference"));
  CHECK(sends[0].at("text").get<std::string>() + sends[1].at("text").get<std::string>() == text);
}

TEST_CASE("a text with characters outside the GSM alphabet is sent as UCS2 and arrives unchanged",
          "[daemon][send][ucs2]") {
  daemon_fixture d;
  // "ñ" alone is in the GSM alphabet; the emoji is not (and needs a UTF-16 surrogate pair).
  const std::string text = "Selamat ulang tahun, Bu Nuñez 🎂 semoga sehat selalu";
  const json accepted = d.post("/api/v1/messages", {{"to", "081234567892"}, {"text", text}});
  CHECK(accepted.at("encoding") == "ucs2");
  CHECK(accepted.at("parts") == 1);

  d.wait_for_state(accepted.at("id"), "sent");
  const std::vector<json> sends = d.sim(0).sends();
  REQUIRE(sends.size() == 1);
  CHECK(sends[0].at("encoding") == "ucs2");
  CHECK(sends[0].at("text") == text);
}

TEST_CASE("a message sent with report: true becomes delivered when the status report arrives",
          "[daemon][send][report]") {
  daemon_settings settings;
  settings.sims[0].report_delay_ms = 300;
  daemon_fixture d(settings);
  const json accepted = d.post("/api/v1/messages", {{"to", "081234567893"}, {"text", "Laporan?"}, {"report", true}});

  const json message = d.wait_for_state(accepted.at("id"), "delivered");
  CHECK(message.at("report") == true);
  const json& part = message.at("parts").at(0);
  CHECK(part.at("state") == "delivered");
  CHECK(part.at("delivered_at").is_string());
  CHECK(part.at("sent_at").is_string());
  const std::vector<json> sends = d.sim(0).sends();
  REQUIRE(sends.size() == 1);
  CHECK(sends[0].at("status_report") == true);
}

TEST_CASE("a long message from the API and a long broadcast to one phone at once carry different references",
          "[daemon][send][multipart]") {
  // The API and the broadcaster (and the inbox's answers) queue messages of their own; the phone
  // joins parts by sender and reference, so a shared reference would splice the two texts.
  daemon_fixture d;
  std::string text;
  while (text.size() < 300) text += "Ibu kader Posyandu, timbang balita bulan ini di balai desa. ";
  text.resize(300);
  const json contact =
      d.post("/api/v1/contacts", {{"nama", "Siti"}, {"no_hp", "0812-3456-7892"}, {"peran", "kader"}}, 201);
  const json message = d.post("/api/v1/messages", {{"to", "081234567892"}, {"text", text}});
  const json broadcast =
      d.post("/api/v1/broadcasts", {{"audience", {{"contacts", {contact.at("id")}}}}, {"template", text}});
  REQUIRE(message.at("parts") == 2);
  REQUIRE(broadcast.at("parts") == 2);
  d.wait_for_idle_queue(20s);

  const std::vector<json> sends = sends_to(d, "+6281234567892");
  REQUIRE(sends.size() == 4);
  std::set<int> references;
  for (const json& send : sends) references.insert(send.at("concat").at("reference").get<int>());
  CHECK(references.size() == 2);
}
