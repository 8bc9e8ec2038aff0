// SPDX-License-Identifier: GPL-3.0-or-later
// Reports by SMS end to end: cadres of 110 posyandu send their SKDN figures to the simulated
// modems; the good ones are stored and read back to their senders, the bad ones answered with
// what is wrong; the missing list and the reminder reach exactly the posyandu without a report.
// A second report replaces the first and keeps it as history; a stranger's report is stored
// nowhere; a form an admin defines is read from SMS at once.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "tests/integration/daemon/daemon_fixture.h"
#include "tests/integration/daemon/web_browser.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

std::string phone_of(int i) { return "+628125000" + std::to_string(1000 + i); }
std::string posyandu_of(int i) { return "Melati " + std::to_string(i); }
std::string desa_of(int i) { return "Desa " + std::to_string(i % 11); }
std::string kecamatan_of(int i) { return "Kecamatan " + std::to_string(i % 5); }

// One cadre per posyandu, posyandu i in desa i % 11 of kecamatan i % 5.
void import_cadres(daemon_fixture& d, int count) {
  std::string csv = "nama,no_hp,peran,kecamatan,desa,posyandu\n";
  for (int i = 0; i < count; ++i) {
    csv += "Kader " + std::to_string(i) + "," + phone_of(i) + ",kader," + kecamatan_of(i) + "," +
           desa_of(i) + "," + posyandu_of(i) + "\n";
  }
  const auto reply = d.api().post("/api/v1/contacts/import", csv, "text/csv");
  INFO(reply.body);
  REQUIRE(reply.status == 200);
}

// The ways cadres write a good report, figures varying with `i`.
std::string good_report(int i) {
  const int s = 40 + i, k = 38 + i, dd = 30 + i, n = 20 + i;
  const auto v = [](int x) { return std::to_string(x); };
  switch (i % 5) {
    case 0:
      return "SKDN " + v(s) + " " + v(k) + " " + v(dd) + " " + v(n);
    case 1:
      return "skdn " + v(s) + "," + v(k) + "," + v(dd) + "," + v(n);
    case 2:
      return "SKDN S" + v(s) + " K" + v(k) + " D" + v(dd) + " N" + v(n);
    case 3:
      return "Skdn  n=" + v(n) + ", d=" + v(dd) + ", k=" + v(k) + ", s=" + v(s);
    default:
      return "SKDN: " + v(s) + ". " + v(k) + ". " + v(dd) + ". " + v(n);
  }
}

// What cadres get wrong: a missing figure, a letter for a digit, figures that cannot be.
const std::vector<std::string> bad_reports = {
    "SKDN 52 50 45",     "SKDN 52 50 45 3O",      "SKDN 40 50 30 20",        "SKDN 52 50 45 50",
    "SKDN S52 K50 D45",  "SKDN 52 50 45 38 12 9", "SKDN S52 K50 D45 N38 S1", "SKDN 52 50 60 38",
    "SKDN 52 -50 45 38", "SKDN X52 K50 D45 N38"};

// The texts the sims sent to each number, once `done` holds for them.
std::map<std::string, std::vector<std::string>> sends_when(
    daemon_fixture& d,
    const std::function<bool(const std::map<std::string, std::vector<std::string>>&)>& done,
    std::string_view what) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  for (;;) {
    std::map<std::string, std::vector<std::string>> by_number;
    for (const json& send : d.all_sends()) by_number[send.at("to")].push_back(send.at("text"));
    if (done(by_number)) return by_number;
    if (std::chrono::steady_clock::now() > deadline) d.fail(what);
    d.pass_time(100ms);
  }
}

// Each (number, text) arrives on the sims in turn, a few at a time: a SIM holds 30 messages and,
// like a real one, loses what arrives while it is full, so the next few wait until siarand has
// read and deleted the last.
void inject_paced(daemon_fixture& d,
                  const std::vector<std::pair<std::string, std::string>>& messages) {
  constexpr std::size_t batch = 20;
  for (std::size_t first = 0; first < messages.size(); first += batch) {
    for (std::size_t i = first; i < std::min(first + batch, messages.size()); ++i) {
      d.sim(i % d.sim_count())
          .control({{"inject", {{"from", messages[i].first}, {"text", messages[i].second}}}});
    }
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    for (std::size_t sim = 0; sim < d.sim_count();) {
      if (d.sim(sim).control({{"state", true}}).at("state").at("stored") == 0) {
        ++sim;
        continue;
      }
      if (std::chrono::steady_clock::now() > deadline)
        d.fail("siarand reading the reports off the SIMs");
      d.pass_time(50ms);
    }
  }
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::size_t count_containing(const std::vector<std::string>& texts, std::string_view part) {
  return static_cast<std::size_t>(
      std::ranges::count_if(texts, [&](const std::string& t) { return contains(t, part); }));
}

// The stored reports of `period` (all forms), once there are `count`.
json reports_when(daemon_fixture& d, const std::string& query, std::size_t count) {
  return d.wait_for(
      "/api/v1/reports" + query, [&](const json& body) { return body.size() == count; },
      std::to_string(count) + " reports at /api/v1/reports" + query);
}

}  // namespace

TEST_CASE(
    "reports from 110 posyandu: 100 stored and confirmed, 10 corrected, the reminder only to the "
    "10",
    "[daemon][sms_reports]") {
  daemon_fixture d(two_sims());
  import_cadres(d, 110);
  std::vector<std::pair<std::string, std::string>> reports;
  for (int i = 0; i < 110; ++i) {
    reports.emplace_back(phone_of(i),
                         i < 100 ? good_report(i) : bad_reports[static_cast<std::size_t>(i - 100)]);
  }
  inject_paced(d, reports);

  const json stored = reports_when(d, "?form=SKDN", 100);
  const std::string period = stored.at(0).at("period");
  std::map<std::string, json> by_posyandu;
  for (const json& r : stored) {
    CHECK(r.at("period") == period);
    CHECK(r.at("replaces").is_null());
    by_posyandu[r.at("posyandu")] = r;
  }
  REQUIRE(by_posyandu.size() == 100);
  for (int i = 0; i < 100; i += 7) {
    const json& r = by_posyandu.at(posyandu_of(i));
    CHECK(r.at("values") == json({{"S", 40 + i}, {"K", 38 + i}, {"D", 30 + i}, {"N", 20 + i}}));
    CHECK(r.at("desa") == desa_of(i));
    CHECK(r.at("kecamatan") == kecamatan_of(i));
  }

  const auto answered = [](const auto& sends) {
    std::size_t texts = 0;
    for (const auto& [number, list] : sends) texts += list.size();
    return texts >= 110;
  };
  const auto sends = sends_when(d, answered, "an answer to each of the 110 reports");
  std::size_t confirmations = 0, corrections = 0;
  for (int i = 0; i < 110; ++i) {
    INFO("report " << i);
    const auto& texts = sends.at(phone_of(i));
    REQUIRE(texts.size() == 1);
    const bool confirmed =
        contains(texts[0], "Terima kasih, laporan SKDN Posyandu " + posyandu_of(i));
    CHECK(confirmed == (i < 100));
    confirmations += confirmed;
    corrections += !confirmed && contains(texts[0], "SKDN") && contains(texts[0], "contoh");
  }
  CHECK(confirmations == 100);
  CHECK(corrections == 10);
  CHECK(contains(sends.at(phone_of(7))[0], "S 47, K 45, D 37, N 27"));

  const json missing = d.get("/api/v1/reports/missing?form=SKDN&period=" + period);
  std::set<std::string> missing_names;
  for (const json& p : missing) missing_names.insert(p.at("posyandu"));
  std::set<std::string> expected;
  for (int i = 100; i < 110; ++i) expected.insert(posyandu_of(i));
  CHECK(missing_names == expected);

  const json reminder =
      d.post("/api/v1/reports/missing/remind", {{"form", "SKDN"}, {"period", period}}, 201);
  CHECK(reminder.at("recipients") == 10);
  const auto reminded = sends_when(
      d,
      [](const auto& s) {
        std::size_t reminders = 0;
        for (const auto& [number, list] : s)
          reminders += count_containing(list, "belum kami terima");
        return reminders >= 10;
      },
      "the reminder to the 10 posyandu without a report");
  for (int i = 0; i < 110; ++i) {
    INFO("cadre " << i);
    CHECK(count_containing(reminded.at(phone_of(i)), "belum kami terima") == (i >= 100 ? 1u : 0u));
  }
  // Everyone reported now: a second reminder would reach nobody.
  for (int i = 100; i < 110; ++i) {
    d.sim(0).control({{"inject", {{"from", phone_of(i)}, {"text", "SKDN 10 9 8 7"}}}});
  }
  reports_when(d, "?form=SKDN&period=" + period, 110);
  CHECK(d.get("/api/v1/reports/missing?form=SKDN&period=" + period).empty());
  d.post("/api/v1/reports/missing/remind", {{"form", "SKDN"}, {"period", period}}, 422);
}

TEST_CASE(
    "a second report replaces the first and keeps it in history; a stranger's is stored nowhere",
    "[daemon][sms_reports]") {
  daemon_fixture d;
  import_cadres(d, 2);
  d.sim(0).control({{"inject", {{"from", phone_of(0)}, {"text", "SKDN 52 50 45 38"}}}});
  const json first = reports_when(d, "?form=SKDN", 1).at(0);
  d.sim(0).control({{"inject", {{"from", phone_of(0)}, {"text", "SKDN 52 50 46 39"}}}});
  d.sim(0).control({{"inject", {{"from", "+6285799999999"}, {"text", "SKDN 52 50 45 38"}}}});

  const json current = d.wait_for(
      "/api/v1/reports?form=SKDN",
      [&](const json& b) { return b.size() == 1 && b.at(0).at("id") != first.at("id"); },
      "the second report current");
  CHECK(current.at(0).at("replaces") == first.at("id"));
  CHECK(current.at(0).at("values").at("D") == 46);
  const json history = d.get("/api/v1/reports?form=SKDN&history=true");
  REQUIRE(history.size() == 2);
  const auto sends = sends_when(
      d,
      [](const auto& s) {
        return s.contains(phone_of(0)) && s.at(phone_of(0)).size() == 2 &&
               s.contains("+6285799999999");
      },
      "answers to both reports and to the stranger");
  CHECK(contains(sends.at(phone_of(0))[1], "mengganti laporan sebelumnya"));
  CHECK_FALSE(contains(sends.at("+6285799999999")[0], "Terima kasih, laporan"));
  CHECK(d.get("/api/v1/reports?history=true").size() == 2);
  // The same through siaran reports.
  const auto listed = d.siaran({"reports", "list", "--form", "skdn", "--history"});
  INFO(listed.out << listed.err);
  CHECK(listed.exit_code == 0);
  CHECK(std::ranges::count(listed.out, '\n') == 2);
  CHECK(
      contains(listed.out, "Kecamatan 0 / Desa 0 / Melati 0  S 52, K 50, D 45, N 38  (replaced)"));
  const auto missing = d.siaran({"reports", "missing", "--period", current.at(0).at("period")});
  CHECK(missing.out == "Kecamatan 1 / Desa 1 / Melati 1  (1 kader)\n");
  const auto recap_file = d.database().parent_path() / "rekap.xlsx";
  const auto recap = d.siaran({"reports", "recap", "--out", recap_file.string()});
  INFO(recap.err);
  CHECK(recap.exit_code == 0);
  CHECK(std::filesystem::file_size(recap_file) > 1000);
  CHECK(d.siaran({"reports", "remind", "--form", "NOPE"}).exit_code == 65);
  // The inbox shows each report under the form's code, as it shows a keyword.
  const json inbox = d.get("/api/v1/inbox");
  CHECK(std::ranges::count_if(inbox, [](const json& m) { return m.at("keyword") == "SKDN"; }) == 3);
}

TEST_CASE("a form an admin defines is read from SMS at once; a code is never reused",
          "[daemon][sms_reports]") {
  daemon_fixture d;
  import_cadres(d, 1);
  const json imun = {
      {"code", "IMUN"},
      {"title", "Imunisasi bulanan"},
      {"fields",
       {{{"name", "BCG"}, {"label", "bayi imunisasi BCG"}, {"type", "integer"}},
        {{"name", "CAMPAK"}, {"label", "bayi imunisasi campak"}, {"type", "integer"}}}},
      {"rules", json::array()},
      {"period", "monthly"},
      {"roles", {"kader"}}};
  d.post("/api/v1/forms", imun, 201);
  d.post("/api/v1/forms", imun, 409);
  const json forms = d.get("/api/v1/forms");
  CHECK(forms.size() == 2);
  CHECK(d.get("/api/v1/forms/imun").at("title") == "Imunisasi bulanan");

  d.sim(0).control({{"inject", {{"from", phone_of(0)}, {"text", "imun bcg 4 campak 3"}}}});
  const json stored = reports_when(d, "?form=IMUN", 1).at(0);
  CHECK(stored.at("values") == json({{"BCG", 4}, {"CAMPAK", 3}}));

  auto changed = imun;
  changed["title"] = "Imunisasi";
  browser admin(d.port(), d.token());
  CHECK(admin.request("PUT", "/api/v1/forms/IMUN", changed).status == 200);
  CHECK(d.get("/api/v1/forms/IMUN").at("title") == "Imunisasi");
  CHECK(admin.request("DELETE", "/api/v1/forms/IMUN").status == 204);
  CHECK(d.get("/api/v1/forms").size() == 1);
  d.post("/api/v1/forms", imun, 409);
  const json bad = {{"code", "X"}, {"fields", json::array()}};
  d.post("/api/v1/forms", bad, 422);
}
