// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <string>

#include "config/loader.h"

using namespace siaran::config;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> errors_of(std::string_view text) {
  try {
    load_string(text, "t.yaml");
  } catch (const config_error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("an empty document gives every documented default") {
  daemon_config c = load_string("");
  CHECK(c.database == "/var/lib/siaran/siaran.db");
  CHECK(c.timezone == "Asia/Jakarta");
  CHECK(c.region == "ID");
  CHECK(c.log_level == log_severity::info);
  CHECK(c.throttle.rate_per_second == 35.0);
  CHECK(c.throttle.burst == 5);
  CHECK(c.on_uncertain == uncertain_policy::resend);
  CHECK(c.modems.empty());
  CHECK(c.http.listen == "127.0.0.1:8080");
  CHECK(c.http.host == "127.0.0.1");
  CHECK(c.http.port == 8080);
  CHECK(c.http.tokens.empty());
  CHECK(c.inbox.reply_window == 7 * 24h);
  CHECK(c.prices.default_price == 150);
  CHECK(c.prices.operators.empty());
}

TEST_CASE("empty sections keep their defaults") {
  daemon_config c = load_string("throttle:\nhttp:\ninbox:\nmodems:\n");
  CHECK(c.throttle.burst == 5);
  CHECK(c.http.port == 8080);
  CHECK(c.modems.empty());
}

TEST_CASE("every key is read into the typed config") {
  daemon_config c = load_string(R"(
database: /tmp/x.db
timezone: Asia/Makassar
region: MY
organisation: Pokjanal Posyandu Kabupaten Bandung Barat
log_level: debug
throttle: {rate_per_second: 0.5, burst: 12}
on_uncertain: hold
modems:
  - id: m-1
    port: /dev/ttyUSB0
    baud: 9600
    pin: "0123"
    smsc: "+62816124"
    operator: smartfren
    max_per_minute: 20
    price: {on_net: 0, off_net: 200}
    ussd_balance: "*999*1#"
    balance_check: 12h
    balance_threshold: 7500
    rest_when_low: true
  - {id: s_2, port: sim, price: 90, sim_balance: 3000}
prices:
  default: 175
  operators: {telkomsel: {on_net: 100, off_net: 160}, tri: 120}
http:
  listen: "[::1]:9090"
  tokens:
    - {name: ops, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}
inbox: {reply_window: 1d12h}
)");
  CHECK(c.database == "/tmp/x.db");
  CHECK(c.timezone == "Asia/Makassar");
  CHECK(c.region == "MY");
  CHECK(c.organisation == "Pokjanal Posyandu Kabupaten Bandung Barat");
  CHECK(c.log_level == log_severity::debug);
  CHECK(c.throttle.rate_per_second == 0.5);
  CHECK(c.throttle.burst == 12);
  CHECK(c.on_uncertain == uncertain_policy::hold);
  REQUIRE(c.modems.size() == 2);
  const modem_config& m = c.modems[0];
  CHECK(m.id == "m-1");
  CHECK(m.port == "/dev/ttyUSB0");
  CHECK_FALSE(m.simulated());
  CHECK(m.baud == 9600);
  CHECK(m.pin == "0123");
  CHECK(m.smsc == "+62816124");
  CHECK(m.mobile_operator == network_operator::smartfren);
  CHECK(m.max_per_minute == 20);
  CHECK(m.price == part_price{0, 200});
  CHECK(c.modems[1].price == part_price{90, 90});
  CHECK(c.prices.default_price == 175);
  CHECK(c.prices.operators == std::map<network_operator, part_price>{
                                  {network_operator::telkomsel, {100, 160}}, {network_operator::tri, {120, 120}}});
  CHECK(m.ussd_balance == "*999*1#");
  CHECK(m.balance_check == 12h);
  CHECK(m.balance_threshold == 7500);
  CHECK(m.rest_when_low);
  CHECK(c.modems[1].simulated());
  CHECK(c.modems[1].sim_balance == 3000);
  CHECK(c.modems[1].balance_check == 6h);
  CHECK_FALSE(c.modems[1].rest_when_low);
  CHECK(c.modems[1].baud == 115200);
  CHECK_FALSE(c.modems[1].pin.has_value());
  CHECK(c.http.listen == "[::1]:9090");
  CHECK(c.http.host == "::1");
  CHECK(c.http.port == 9090);
  REQUIRE(c.http.tokens.size() == 1);
  CHECK(c.http.tokens[0].name == "ops");
  CHECK(c.inbox.reply_window == 36h);
}

TEST_CASE("all errors of a document are reported, in document order") {
  CHECK(errors_of("log_level: loud\nthrottle:\n  burst: 0\nregion: XX\n") ==
        std::vector<std::string>{
            "t.yaml:1:12: log_level: 'loud' is not one of trace, debug, info, warn or error",
            "t.yaml:3:10: throttle.burst: 0 is not a whole number from 1 to 1000",
            "t.yaml:4:9: region: 'XX' is not a region libphonenumber knows: two capital letters, e.g. ID",
        });
}

TEST_CASE("a YAML syntax error names line and column") {
  auto errors = errors_of("modems:\n  - id: m1\n    port: [sim\n");
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::StartsWith("t.yaml:4:1: YAML syntax error: "));
}

TEST_CASE("a second YAML document is an error") {
  CHECK(errors_of("log_level: info\n---\nlog_level: debug\n") ==
        std::vector<std::string>{"t.yaml:2:1: only one YAML document is allowed (remove the '---')"});
}

TEST_CASE("a missing file is an error naming the file") {
  try {
    load_file("/nonexistent/siaran.yaml");
    FAIL("no error");
  } catch (const config_error& e) {
    CHECK(std::string(e.what()) == "/nonexistent/siaran.yaml: cannot open: No such file or directory");
  }
}

TEST_CASE("a document over the size limit is refused before parsing") {
  std::string big(max_document_bytes + 1, '#');
  CHECK(errors_of(big) == std::vector<std::string>{
                              "t.yaml: is 1048577 bytes; a configuration larger than 1048576 "
                              "bytes is refused"});
}

TEST_CASE("deeply nested input is a config error, not a crash or a yaml-cpp exception") {
  std::string deep(5000, '[');
  auto errors = errors_of(deep);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::StartsWith("t.yaml:1:"));
}

TEST_CASE("plain HTTP is accepted on loopback addresses only, unless http.allow_plain_lan says so") {
  for (const char* loopback : {"127.0.0.1:8080", "127.4.5.6:8080", "'[::1]:8080'"}) {
    INFO(loopback);
    CHECK_NOTHROW(load_string(std::string("http: {listen: ") + loopback + "}"));
  }
  for (const char* lan : {"0.0.0.0:8080", "192.168.1.10:8080", "'[::]:8080'", "'[fd00::2]:8080'"}) {
    INFO(lan);
    CHECK_THROWS_AS(load_string(std::string("http: {listen: ") + lan + "}"), config_error);
    const daemon_config allowed = load_string(std::string("http: {listen: ") + lan + ", allow_plain_lan: true}");
    CHECK(allowed.http.allow_plain_lan);
    CHECK_FALSE(allowed.http.tls.has_value());
  }
}

TEST_CASE("every part asks for a status report unless dispatch.delivery_reports says not, and is unknown after "
          "dispatch.report_timeout") {
  const daemon_config defaults = load_string("{}");
  CHECK(defaults.dispatch.delivery_reports);
  CHECK(defaults.dispatch.report_timeout == std::chrono::hours(48));
  const daemon_config c = load_string("dispatch: {delivery_reports: false, report_timeout: 2s}");
  CHECK_FALSE(c.dispatch.delivery_reports);
  CHECK(c.dispatch.report_timeout == std::chrono::seconds(2));
}

TEST_CASE("a simulated modem's sim_reports give each rule's ending, TP-ST or none, and delay") {
  const daemon_config c = load_string(R"(
modems:
  - id: s1
    port: sim
    sim_reports: [{ending: "47", status: 65, delay_ms: 500}, {ending: 8, status: none}]
)");
  REQUIRE(c.modems.at(0).sim_reports.size() == 2);
  const sim_report_rule& first = c.modems[0].sim_reports[0];
  CHECK(first.ending == "47");
  CHECK(first.status == 65u);
  CHECK(first.delay_ms == 500u);
  CHECK(c.modems[0].sim_reports[1].ending == "8");
  CHECK_FALSE(c.modems[0].sim_reports[1].status);
  CHECK_FALSE(c.modems[0].sim_reports[1].delay_ms);
}

TEST_CASE("http.tls names the certificate and key, and lets the server listen on the LAN") {
  const daemon_config c = load_string(R"(
http:
  listen: 0.0.0.0:8443
  tls: {certificate: /etc/siaran/tls/siaran.crt, private_key: /etc/siaran/tls/siaran.key}
)");
  REQUIRE(c.http.tls.has_value());
  CHECK(c.http.tls->certificate == "/etc/siaran/tls/siaran.crt");
  CHECK(c.http.tls->private_key == "/etc/siaran/tls/siaran.key");
  CHECK_FALSE(c.http.allow_plain_lan);
  CHECK(summary(c).find("listen 0.0.0.0:8443 (HTTPS)") != std::string::npos);
}

TEST_CASE("the summary shows ids and rates but never PINs or token hashes") {
  daemon_config c = load_string(R"(
modems: [{id: m1, port: /dev/ttyUSB0, pin: "4321"}, {id: s1, port: sim}]
http: {tokens: [{name: ops, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}]}
throttle: {rate_per_second: 37.5}
)");
  std::string s = summary(c);
  CHECK(s.find("2 modem(s) [m1, s1 (sim)]") != std::string::npos);
  CHECK(s.find("throttle 37.5 parts/s burst 5") != std::string::npos);
  CHECK(s.find("listen 127.0.0.1:8080") != std::string::npos);
  CHECK(s.find("/var/lib/siaran/siaran.db") != std::string::npos);
  CHECK(s.find("4321") == std::string::npos);
  CHECK(s.find("9f86d0") == std::string::npos);
}

TEST_CASE("inbox keywords are read upper-case and a list replaces its default") {
  daemon_config c = load_string("inbox: {keywords: {stop: [berhenti, Keluar], attend: [hadir]}}");
  CHECK(c.inbox.keywords.stop == std::vector<std::string>{"BERHENTI", "KELUAR"});
  CHECK(c.inbox.keywords.attend == std::vector<std::string>{"HADIR"});
  CHECK(c.inbox.keywords.decline == std::vector<std::string>{"TIDAK"});
}

TEST_CASE("an inbox keyword in two lists, or not one word of letters, is an error") {
  const auto errors = errors_of("inbox: {keywords: {attend: [HADIR, YA, stop], decline: [\"tidak ya\"]}}");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("'tidak ya' is not a keyword") != std::string::npos);
  CHECK(errors[1].find("'STOP' is a keyword of both stop and attend") != std::string::npos);
}

TEST_CASE("inbox auto replies are read with their word upper-case") {
  daemon_config c =
      load_string("inbox: {auto_replies: [{word: info, answer: \"Jadwal Posyandu Selasa.\"}]}");
  CHECK(c.inbox.auto_replies == std::vector<auto_reply>{{"INFO", "Jadwal Posyandu Selasa."}});
}

TEST_CASE("an auto reply's word may be no other keyword, and its answer must fit two SMS") {
  const std::string long_answer(307, 'a');
  const auto errors = errors_of(
      "inbox:\n  auto_replies:\n    - {word: ya, answer: Info}\n    - {word: JADWAL, answer: " +
      long_answer + "}\n    - {word: KOSONG, answer: \" \"}\n");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].find(":4:") != std::string::npos);
  CHECK(errors[0].find("307 characters, more than the 306") != std::string::npos);
  CHECK(errors[1].find("the answer is empty") != std::string::npos);
  CHECK(errors[2].find("'YA' is a keyword of both attend and auto_replies") != std::string::npos);
}
