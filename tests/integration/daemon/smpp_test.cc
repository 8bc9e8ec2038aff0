// SPDX-License-Identifier: GPL-3.0-or-later
// siarand over SMPP, end to end: the real daemon with a real siaran-smscsim process as its SMSC
// (over TCP) beside a simulated modem for the answers. Masked broadcasts go from the registered
// name with the number to answer in their text, their receipts settle delivery, long and
// Unicode texts go as concatenated parts, an SMS over the bind reaches the officer, throttling
// answers lose and double nothing, a bind dropped mid-broadcast leaves its unanswered parts
// uncertain, a wrong password is refused without a tight loop while `auto` falls back to the
// modems, and `siaran smpp test` shows an administrator what the SMSC answered.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "daemon_fixture.h"
#include "tests/support/smsc_process.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// `siaran ARGS...`, which needs no daemon.
program_result siaran_cli(std::vector<std::string> args) {
  args.insert(args.begin(), SIARAN_BINARY_DIR "/tools/siaran");
  const auto finished = run_program(std::move(args), deadline_in(30s));
  REQUIRE(finished);
  return *finished;
}

const std::string reply_number = "+6281234567890";

std::string number_of(int i) {
  const std::string digits = std::to_string(i);
  return "08125" + std::string(7 - digits.size(), '0') + digits;
}

std::string e164_of(int i) { return "+62" + number_of(i).substr(1); }

// A broadcast's count `key`.
std::int64_t n(const json& broadcast, const char* key) { return broadcast.at(key).get<std::int64_t>(); }

// A daemon with one modem (the reply number's) and one bind `s1` registered for POKJANALKBB at
// the simulated SMSC; `bind_lines` add keys to the bind's entry.
class smpp_rig {
  std::vector<std::string> with_send_log(std::vector<std::string> args) const {
    args.insert(args.end(), {"--send-log", (scratch.path() / "smsc.log").string()});
    return args;
  }

 public:
  explicit smpp_rig(std::vector<std::string> smsc_args = {}, const std::string& password = "rahasia",
                    const std::string& bind_lines = "", const std::string& on_uncertain = "resend")
      : smsc(with_send_log(std::move(smsc_args))) {
    const auto secret = scratch.path() / "s1.secret";
    std::ofstream(secret) << password << "\n";
    daemon_settings settings;
    settings.delivery_reports = true;
    settings.on_uncertain = on_uncertain;
    settings.extra_config = "smpp:\n  - id: s1\n    host: 127.0.0.1\n    port: " + std::to_string(smsc.port()) +
                            "\n    system_id: siaran\n    password_file: " + secret.string() +
                            "\n    senders: [POKJANALKBB]\n    reply_number: \"" + reply_number + "\"\n    enquire_link: 2s\n" +
                            bind_lines;
    d = std::make_unique<daemon_fixture>(settings);
    officer = d->post("/api/v1/officers", {{"name", "Bu Sari"}, {"sender_tag", "-- Bu Sari, Pokjanal"}}, 201).at("id");
  }

  // `count` cadres 1..count, and a group of them all.
  std::int64_t cadres(int count) {
    std::string csv = "nama,no_hp,peran,kecamatan,desa\n";
    for (int i = 1; i <= count; ++i) csv += "Kader " + std::to_string(i) + "," + number_of(i) + ",kader,Cipatat,Mandalasari\n";
    const auto imported = d->api().post("/api/v1/contacts/import", csv, "text/csv");
    INFO(imported.body);
    REQUIRE(imported.status == 200);
    return d->post("/api/v1/groups", {{"name", "Semua kader"}, {"filter", {{"peran", "kader"}}}}, 201).at("id");
  }

  json bind_channel() {
    const json channels = d->get("/api/v1/channels");
    const auto bind = std::ranges::find_if(channels, [](const json& c) { return c.at("kind") == "smpp"; });
    REQUIRE(bind != channels.end());
    return *bind;
  }

  json wait_for_bind(const std::string& state) {
    d->wait_for("/api/v1/channels", [&](const json& channels) {
      return std::ranges::any_of(channels, [&](const json& c) { return c.at("kind") == "smpp" && c.at("state") == state; });
    }, "the bind " + state);
    return bind_channel();
  }

  json broadcast(std::int64_t group, const std::string& via, const std::string& text) {
    return d->post("/api/v1/broadcasts", {{"audience", {{"groups", {group}}}},
                                          {"template", text},
                                          {"officer_id", officer},
                                          {"via", via}});
  }

  // Until every message is delivered, failed (undelivered too) or uncertain.
  json wait_until_done(std::int64_t broadcast, std::chrono::milliseconds timeout = 30s) {
    return d->wait_for("/api/v1/broadcasts/" + std::to_string(broadcast), [](const json& b) {
      return n(b, "delivered") + n(b, "failed") + n(b, "uncertain") == n(b, "recipients");
    }, "the broadcast settled", timeout);
  }

  std::vector<json> smsc_sends() const { return send_log_lines(scratch.path() / "smsc.log"); }

  temp_dir scratch;
  smsc_process smsc;
  std::unique_ptr<daemon_fixture> d;
  std::int64_t officer = 0;
};

}  // namespace

TEST_CASE("a broadcast via smpp goes from the registered name, says where to answer, and its receipts settle it",
          "[daemon][smpp]") {
  smpp_rig rig({"--receipt-delay", "100", "--receipts", "7:UNDELIV"}, "rahasia", "    price: 300\n");
  rig.wait_for_bind("bound");
  const std::int64_t group = rig.cadres(20);
  const json created = rig.broadcast(group, "smpp", "Ibu {nama}, rapat kader besok jam 09.00.");
  CHECK(created.at("cost_estimate") == 20 * 300);
  const json settled = rig.wait_until_done(created.at("id"));
  CHECK(settled.at("via") == "smpp");
  CHECK(settled.at("sender") == "POKJANALKBB");
  CHECK(settled.at("delivered") == 18);
  CHECK(settled.at("undelivered") == 2);  // cadres 7 and 17
  CHECK(settled.at("failed") == 2);
  CHECK(settled.at("cost") == 20 * 300);  // the bind's price, paid for the undelivered too

  const auto sends = rig.smsc_sends();
  REQUIRE(sends.size() == 20);
  std::set<std::string> destinations;
  for (const json& send : sends) {
    destinations.insert(send.at("destination"));
    CHECK(send.at("source") == "POKJANALKBB");
    CHECK(send.at("source_ton") == 5);
    CHECK(send.at("registered_delivery") == 1);
    const std::string text = send.at("text");
    CHECK(text.find("rapat kader besok") != std::string::npos);
    CHECK(text.find("-- Bu Sari, Pokjanal\nBalas ke 0812-3456-7890") != std::string::npos);
  }
  CHECK(destinations.size() == 20);
  CHECK(destinations.count(e164_of(7).substr(1)) == 1);
  CHECK(rig.d->sim(0).sends().empty());  // the modem sent none of it

  const json bind = rig.bind_channel();
  CHECK(bind.at("sent") == 20);
  CHECK(bind.at("receipts") == 20);
  CHECK(bind.at("senders") == json::array({"POKJANALKBB"}));
  const auto metrics = rig.d->api().get("/metrics");
  CHECK(metrics.body.find("siaran_smpp_submits_total{bind=\"s1\"} 20") != std::string::npos);
  CHECK(metrics.body.find("siaran_smpp_bind_up{bind=\"s1\",state=\"bound\"} 1") != std::string::npos);
}

TEST_CASE("long and Unicode texts go over smpp as concatenated parts sharing one reference", "[daemon][smpp]") {
  smpp_rig rig;
  rig.wait_for_bind("bound");
  const std::int64_t group = rig.cadres(1);
  std::string long_text;
  for (int i = 0; i < 12; ++i) long_text += "Posyandu Melati buka jam 08.00 di balai desa. ";
  rig.wait_until_done(rig.broadcast(group, "smpp", long_text).at("id"));
  rig.wait_until_done(rig.broadcast(group, "smpp", "Selamat ulang tahun, Ibu {nama} 🎂").at("id"));

  // Each message's parts by their concatenation reference, in the order sent.
  std::map<int, std::vector<json>> by_reference;
  for (const json& send : rig.smsc_sends()) {
    REQUIRE_FALSE(send.at("concat").is_null());
    CHECK(send.at("esm_class") == 0x40);
    by_reference[send.at("concat").at("reference")].push_back(send);
  }
  REQUIRE(by_reference.size() == 2);
  std::map<int, std::string> joined_by_coding;
  for (const auto& [reference, parts] : by_reference) {
    const json& first = parts.front();
    std::string joined;
    for (const json& part : parts) {
      CHECK(part.at("concat").at("total") == parts.size());
      CHECK(part.at("data_coding") == first.at("data_coding"));
      joined += part.at("text").get<std::string>();
    }
    joined_by_coding[first.at("data_coding")] = joined;
  }
  CHECK(joined_by_coding[0].rfind(long_text, 0) == 0);  // GSM 7-bit, three parts
  CHECK(joined_by_coding[8].rfind("Selamat ulang tahun, Ibu Kader 1 🎂\n-- Bu Sari", 0) == 0);  // UCS2
}

TEST_CASE("an SMS over the bind or to the reply number reaches the officer who sent the masked broadcast",
          "[daemon][smpp]") {
  smpp_rig rig;
  rig.wait_for_bind("bound");
  const std::int64_t group = rig.cadres(2);
  rig.wait_until_done(rig.broadcast(group, "smpp", "Ibu {nama}, mohon kirim laporan.").at("id"));
  const json mo = {{"inject", {{"from", e164_of(1)}, {"to", "POKJANALKBB"}, {"text", "Siap Bu, laporan dikirim"}}}};
  rig.smsc.control(mo.dump());
  // A long one, in concatenated parts over the bind, stored whole.
  std::string report;
  for (int week = 1; week <= 5; ++week) report += "Minggu " + std::to_string(week) + ": 52 balita ditimbang, 3 BGM. ";
  const json long_mo = {{"inject", {{"from", e164_of(2)}, {"to", "POKJANALKBB"}, {"text", report}}}};
  CHECK(rig.smsc.control(long_mo.dump()).at("parts") == 2);
  rig.d->sim(0).control({{"inject", {{"from", e164_of(2)}, {"text", "Baik Bu Sari"}}}});
  for (const auto& [from, text] :
       {std::pair{e164_of(1), std::string("Siap Bu, laporan dikirim")}, {e164_of(2), report}, {e164_of(2), "Baik Bu Sari"}}) {
    const std::string wanted = text;
    const std::string sender = from;
    const json inbox = rig.d->wait_for("/api/v1/inbox?officer_id=" + std::to_string(rig.officer), [&](const json& items) {
      return std::ranges::any_of(items, [&](const json& m) { return m.at("from") == sender && m.at("text") == wanted; });
    }, "'" + wanted + "' in the officer's inbox");
    CHECK_FALSE(inbox.empty());
  }
  CHECK(rig.bind_channel().at("received") == 3);  // one SMS, and the two parts of the long one
}

TEST_CASE("throttling answers slow the bind down and lose or double nothing", "[daemon][smpp]") {
  smpp_rig rig({"--throttle", "20"});
  rig.wait_for_bind("bound");
  const std::int64_t group = rig.cadres(80);
  const json settled = rig.wait_until_done(rig.broadcast(group, "smpp", "Ibu {nama}, timbang balita Sabtu.").at("id"), 60s);
  CHECK(settled.at("delivered") == 80);
  std::map<std::string, int> per_destination;
  for (const json& send : rig.smsc_sends()) ++per_destination[send.at("destination")];
  CHECK(per_destination.size() == 80);
  CHECK(std::ranges::all_of(per_destination, [](const auto& each) { return each.second == 1; }));
  CHECK(rig.smsc.counts().at("throttled") > 0);
  CHECK(rig.bind_channel().at("throttled") > 0);
}

TEST_CASE("a bind dropped with parts unanswered holds them as uncertain, never doubled", "[daemon][smpp]") {
  smpp_rig rig({}, "rahasia", "", "hold");
  rig.wait_for_bind("bound");
  const std::int64_t group = rig.cadres(30);
  rig.smsc.control(json({{"drop_after", 3}}).dump());
  const std::int64_t id = rig.broadcast(group, "smpp", "Ibu {nama}, pembagian vitamin A Senin.").at("id");
  const json b = rig.wait_until_done(id);
  CHECK(b.at("uncertain") >= 3);
  std::set<std::string> destinations;
  for (const json& send : rig.smsc_sends()) CHECK(destinations.insert(send.at("destination")).second);
  CHECK(destinations.size() + b.at("uncertain").get<std::size_t>() == 30);
  CHECK(rig.bind_channel().at("binds") >= 2);  // it bound again after the drop
  CHECK(rig.d->daemon_log().find("uncertain") != std::string::npos);
}

TEST_CASE("a wrong password is refused without a tight loop, and auto then goes by modem", "[daemon][smpp]") {
  smpp_rig rig({}, "salah");
  const json bind = rig.wait_for_bind("refused");
  CHECK(bind.at("reason").get<std::string>().find("password") != std::string::npos);
  rig.d->pass_time(3s);
  CHECK(rig.smsc.counts().at("bind_refusals") <= 2);
  const std::int64_t group = rig.cadres(3);
  const json created = rig.broadcast(group, "auto", "Ibu {nama}, posyandu buka besok.");
  rig.d->wait_for("/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>()),
                  [](const json& b) { return n(b, "sent") == 3; }, "sent by modem");
  CHECK(rig.d->sim(0).sends().size() == 3);
  CHECK(rig.smsc_sends().empty());
  CHECK(rig.d->daemon_log().find("salah") == std::string::npos);  // the password is never logged
}

TEST_CASE("a broadcast via smpp from a name no bind has is refused", "[daemon][smpp]") {
  smpp_rig rig;
  const std::int64_t group = rig.cadres(1);
  const json refused = rig.d->post("/api/v1/broadcasts", {{"audience", {{"groups", {group}}}},
                                                         {"template", "Tes"},
                                                         {"via", "smpp"},
                                                         {"sender", "DINKES"}},
                                   422);
  CHECK(refused.at("error").get<std::string>().find("not a registered name") != std::string::npos);
  rig.d->post("/api/v1/broadcasts", {{"audience", {{"groups", {group}}}}, {"template", "Tes"}, {"via", "fax"}}, 400);
}

TEST_CASE("siaran smpp test binds, sends one message and shows the SMSC's answers", "[daemon][smpp][cli]") {
  // An account of its own: the SMSC hands a receipt to a bind of the account that sent it.
  smpp_rig rig({"--receipt-delay", "100", "--account", "admin:kunci"});
  const auto config = rig.scratch.path() / "cli.yaml";
  const auto secret = rig.scratch.path() / "admin.secret";
  std::ofstream(secret) << "kunci\n";
  std::ofstream(config) << "smpp:\n  - id: s1\n    host: 127.0.0.1\n    port: " << rig.smsc.port()
                        << "\n    system_id: admin\n    password_file: " << secret.string()
                        << "\n    senders: [POKJANALKBB]\n";
  const program_result ok = siaran_cli(
      {"smpp", "test", "--config", config.string(), "--id", "s1", "--to", "081255550001", "--text", "Tes", "--wait", "10"});
  INFO(ok.out << ok.err);
  REQUIRE(ok.exit_code == 0);
  const json shown = json::parse(ok.out);
  CHECK(shown.at("bind").at("name") == "ESME_ROK");
  CHECK(shown.at("submit").at("name") == "ESME_ROK");
  CHECK(shown.at("receipt").at("state") == "DELIVRD");

  std::ofstream(secret) << "salah\n";
  const program_result refused = siaran_cli({"smpp", "test", "--config", config.string(), "--id", "s1"});
  CHECK(refused.exit_code == 77);
  CHECK(json::parse(refused.out).at("bind").at("name") == "ESME_RINVPASWD");
}

TEST_CASE("host: sim runs a simulated SMSC inside siarand, for trying masking out", "[daemon][smpp]") {
  daemon_settings settings;
  settings.delivery_reports = true;
  settings.extra_config = "smpp:\n  - {id: demo, host: sim, system_id: siaran, senders: [SIARAN], sim_receipt_delay_ms: 50}\n";
  daemon_fixture d(settings);
  d.wait_for("/api/v1/channels", [](const json& channels) {
    return std::ranges::any_of(channels, [](const json& c) { return c.at("id") == "demo" && c.at("state") == "bound"; });
  }, "the built-in bind bound");
  d.post("/api/v1/contacts", {{"nama", "Kader Satu"}, {"no_hp", "081255550001"}}, 201);
  const json created = d.post("/api/v1/broadcasts", {{"audience", {{"filter", {{"q", "Kader"}}}}},
                                                    {"template", "Halo {nama}"}, {"via", "smpp"}});
  const json done = d.wait_for("/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>()),
                               [](const json& b) { return n(b, "delivered") == 1; }, "delivered over the built-in SMSC");
  CHECK(done.at("sender") == "SIARAN");
  const json channels = d.get("/api/v1/channels");
  const auto bind = std::ranges::find_if(channels, [](const json& c) { return c.at("id") == "demo"; });
  CHECK(bind->at("host") == "sim");
  CHECK(bind->at("receipts") == 1);
}
