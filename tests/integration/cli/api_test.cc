// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran send|status|inbox|modems|events` against a port nobody listens on and against a minimal
// HTTP server the test plays siarand with: what is sent, what is printed, which exit code.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fake_api_server.h"
#include "tests/support/free_port.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tools/api_client.h"

using namespace siaran::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";
// The test's own environment must not choose the daemon or the token.
const std::vector<std::string> clean_env = {"SIARAN_URL", "SIARAN_TOKEN"};

program_result run_siaran(std::vector<std::string> args, std::vector<std::string> env = clean_env) {
  args.insert(args.begin(), siaran_tool);
  auto finished = run_program(std::move(args), deadline_in(30s), std::move(env));
  REQUIRE(finished);
  return *finished;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

fake_reply answer(int status, json body) { return {status, body.dump()}; }

}  // namespace

TEST_CASE("send, status and modems exit 69 naming the address when nothing listens", "[cli][api]") {
  const std::string address = "127.0.0.1:" + std::to_string(free_port());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"send", "--to", "081234567890", "--text", "halo", "--url", address},
        std::vector<std::string>{"status", "17", "--url", "http://" + address},
        std::vector<std::string>{"modems", "--url", address}}) {
    const program_result finished = run_siaran(args);
    INFO(args[0] << " stderr: " << finished.err);
    CHECK(finished.exit_code == 69);
    CHECK(contains(finished.err, "cannot reach siarand at " + address + ": connection refused"));
    CHECK(contains(finished.err, "systemctl status siaran"));
  }
}

TEST_CASE("SIARAN_URL chooses the daemon when --url is not given", "[cli][api]") {
  const std::string address = "127.0.0.1:" + std::to_string(free_port());
  const program_result finished = run_siaran({"modems"}, {"SIARAN_URL=http://" + address, "SIARAN_TOKEN"});
  CHECK(finished.exit_code == 69);
  CHECK(contains(finished.err, address));
}

TEST_CASE("the config's http.listen chooses the daemon when there is no URL", "[cli][api]") {
  temp_dir dir;
  const std::string port = std::to_string(free_port());
  const auto config = dir.write("siaran.yaml", "database: " + (dir.path() / "s.db").string() +
                                                   "\nhttp:\n  listen: 127.0.0.1:" + port + "\n");
  const program_result finished = run_siaran({"status", "--config", config.string()});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 69);
  CHECK(contains(finished.err, "127.0.0.1:" + port));
}

TEST_CASE("send without --text is a usage error", "[cli][api]") {
  const program_result finished = run_siaran({"send", "--to", "081234567890"});
  CHECK(finished.exit_code == 2);
  CHECK(contains(finished.err, "--text TEXT is required"));
}

TEST_CASE("--help prints every command on stdout and exits 0; an unknown command is a usage error", "[cli]") {
  const program_result help = run_siaran({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "siaran send --to NUMBER --text TEXT"));
  CHECK(contains(help.out, "siaran token new NAME"));
  const program_result unknown = run_siaran({"kirim"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "unknown command 'kirim'"));
  CHECK(contains(unknown.err, "usage: siaran COMMAND"));
}

TEST_CASE("a malformed --url is a usage error", "[cli][api]") {
  const program_result finished = run_siaran({"modems", "--url", "http://127.0.0.1"});
  CHECK(finished.exit_code == 2);
  CHECK(contains(finished.err, "port"));
}

TEST_CASE("send posts the message with the bearer token and prints the queued id", "[cli][api]") {
  fake_api_server server([](const fake_request&) { return answer(202, {{"id", 17}, {"parts", 1}}); });
  const program_result finished =
      run_siaran({"send", "--url", server.url(), "--to", "0812-3456-7890", "--text", "Ibu Siti, rapat +kader",
              "--priority", "5", "--report", "--send-at", "2026-11-26T08:00:00+07:00", "--client-ref", "r1",
              "--valid-for", "2d"},
             {"SIARAN_URL", "SIARAN_TOKEN=siaran_abc\n"});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 0);
  CHECK(finished.out == "queued message 17 (1 part)\n");
  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "POST");
  CHECK(requests[0].target == "/api/v1/messages");
  CHECK(contains(requests[0].head, "Authorization: Bearer siaran_abc\r\n"));
  CHECK(contains(requests[0].head, "Content-Type: application/json\r\n"));
  const json body = json::parse(requests[0].body);
  CHECK(body == json{{"to", "0812-3456-7890"}, {"text", "Ibu Siti, rapat +kader"}, {"priority", 5},
                     {"report", true}, {"send_at", "2026-11-26T08:00:00+07:00"}, {"client_ref", "r1"},
                     {"valid_for", "2d"}});
}

TEST_CASE("send --json prints the daemon's reply as it came", "[cli][api]") {
  const json reply = {{"id", 18}, {"parts", 3}, {"encoding", "ucs2"}, {"duplicate", false}};
  fake_api_server server([&](const fake_request&) { return answer(202, reply); });
  const program_result finished = run_siaran({"send", "--url", server.url(), "--to", "1", "--text", "x", "--json"});
  CHECK(finished.exit_code == 0);
  CHECK(json::parse(finished.out) == reply);
}

TEST_CASE("the token comes from the first line of --token-file", "[cli][api]") {
  temp_dir dir;
  const auto file = dir.write("token", "siaran_from_file\nsecond line\n");
  fake_api_server server([](const fake_request&) { return answer(200, json::array()); });
  const program_result finished = run_siaran({"modems", "--url", server.url(), "--token-file", file.string()},
                                   {"SIARAN_URL", "SIARAN_TOKEN=siaran_from_env"});
  CHECK(finished.exit_code == 0);
  REQUIRE(server.requests().size() == 1);
  CHECK(contains(server.requests()[0].head, "Authorization: Bearer siaran_from_file\r\n"));
}

TEST_CASE("a 401 exits 77 with the daemon's error and advice to set SIARAN_TOKEN", "[cli][api]") {
  fake_api_server server([](const fake_request&) { return answer(401, {{"error", "unknown token"}}); });
  const program_result finished = run_siaran({"status", "--url", server.url()});
  CHECK(finished.exit_code == 77);
  CHECK(contains(finished.err, "unknown token"));
  CHECK(contains(finished.err, "SIARAN_TOKEN"));
}

TEST_CASE("a 400 exits 65 and prints the daemon's error field", "[cli][api]") {
  fake_api_server server([](const fake_request&) { return answer(400, {{"error", "to: not a phone number"}}); });
  const program_result finished = run_siaran({"send", "--url", server.url(), "--to", "x", "--text", "y"});
  CHECK(finished.exit_code == 65);
  CHECK(contains(finished.err, "400: to: not a phone number"));
}

TEST_CASE("a 500 exits 69", "[cli][api]") {
  fake_api_server server([](const fake_request&) { return answer(500, {{"error", "database is locked"}}); });
  const program_result finished = run_siaran({"modems", "--url", server.url()});
  CHECK(finished.exit_code == 69);
  CHECK(contains(finished.err, "database is locked"));
}

TEST_CASE("status ID prints the message and each part's state, modem, reference and times", "[cli][api]") {
  const json message = {
      {"id", 17}, {"to", "+6281234567890"}, {"text", "t"}, {"state", "sent"}, {"created_at", "2026-11-25T08:00:00.000Z"},
      {"send_at", "2026-11-25T08:00:00.000Z"},
      {"parts", json::array({{{"number", 1}, {"state", "delivered"}, {"modem", "m1"}, {"reference", 42},
                              {"sent_at", "2026-11-25T08:00:01.000Z"}, {"delivered_at", "2026-11-25T08:00:09.000Z"},
                              {"last_error", nullptr}, {"resent_uncertain", false}},
                             {{"number", 2}, {"state", "sending"}, {"modem", "m2"}, {"reference", nullptr},
                              {"sent_at", nullptr}, {"delivered_at", nullptr}, {"last_error", nullptr},
                              {"resent_uncertain", true}}})}};
  fake_api_server server([&](const fake_request&) { return answer(200, message); });
  const program_result finished = run_siaran({"status", "17", "--url", server.url()});
  INFO(finished.out << finished.err);
  CHECK(finished.exit_code == 0);
  CHECK(server.requests().at(0).target == "/api/v1/messages/17");
  CHECK(contains(finished.out, "message 17: sent"));
  CHECK(contains(finished.out, "+6281234567890"));
  CHECK(contains(finished.out,
                 "part 1/2: delivered, modem m1, reference 42, sent 2026-11-25T08:00:01.000Z, "
                 "delivered 2026-11-25T08:00:09.000Z"));
  CHECK(contains(finished.out, "part 2/2: sending, modem m2, reference -"));
  CHECK(contains(finished.out, "may have arrived twice"));
}

TEST_CASE("status without ID summarises the queue", "[cli][api]") {
  fake_api_server server([](const fake_request&) {
    return answer(200, {{"queued", 120}, {"due", 100}, {"in_flight", 3}, {"sent", 4000}, {"failed", 2},
                        {"uncertain", 0}, {"rate_per_second", 35.0}, {"draining", false}});
  });
  const program_result finished = run_siaran({"status", "--url", server.url()});
  CHECK(finished.exit_code == 0);
  CHECK(server.requests().at(0).target == "/api/v1/queue");
  CHECK(contains(finished.out, "queued 120 parts, due now 100, 3 being sent"));
  CHECK(contains(finished.out, "sent 4000, failed 2"));
}

TEST_CASE("status --state lists the messages in that state, one line each", "[cli][api]") {
  fake_api_server server([](const fake_request&) {
    return answer(200, {{"messages", json::array({{{"id", 5}, {"to", "+62811"}, {"state", "failed"},
                                                   {"created_at", "2026-11-25T08:00:00.000Z"},
                                                   {"parts", json::array({json::object()})}}})},
                        {"next_after", 5}});
  });
  const program_result finished = run_siaran({"status", "--state", "failed", "--url", server.url()});
  CHECK(finished.exit_code == 0);
  CHECK(server.requests().at(0).target == "/api/v1/messages?state=failed");
  CHECK(contains(finished.out, "5  failed  +62811  1 part"));
  CHECK(contains(finished.out, "--after 5"));
}

TEST_CASE("inbox asks with an encoded --since and prints one line per message", "[cli][api]") {
  fake_api_server server([](const fake_request&) {
    return answer(200, json::array({{{"id", 1}, {"modem", "m1"}, {"from", "+62812"}, {"text", "hadir\nbu"},
                                     {"received_at", "2026-11-25T09:00:00.000Z"}, {"complete", true}, {"parts", 1},
                                     {"decode_error", nullptr}, {"contact_name", nullptr}, {"keyword", nullptr}}}));
  });
  const program_result finished =
      run_siaran({"inbox", "--since", "2026-11-25T15:00:00+07:00", "--limit", "10", "--url", server.url()});
  CHECK(finished.exit_code == 0);
  CHECK(server.requests().at(0).target == "/api/v1/inbox?since=2026-11-25T15%3A00%3A00%2B07%3A00&limit=10");
  CHECK(finished.out == "2026-11-25T09:00:00.000Z  +62812  m1  hadir\\nbu\n");
}

TEST_CASE("inbox --officer asks for that officer's replies and shows the contact and keyword", "[cli][api]") {
  fake_api_server server([](const fake_request&) {
    return answer(200, json::array({{{"id", 2}, {"modem", "m2"}, {"from", "+62812"}, {"text", "BERHENTI"},
                                     {"received_at", "2026-11-25T09:00:00.000Z"}, {"complete", true}, {"parts", 1},
                                     {"decode_error", nullptr}, {"contact_name", "Siti"}, {"keyword", "BERHENTI"},
                                     {"officer_id", 3}}}));
  });
  const program_result finished = run_siaran({"inbox", "--officer", "3", "--url", server.url()});
  CHECK(finished.exit_code == 0);
  CHECK(server.requests().at(0).target == "/api/v1/inbox?officer_id=3");
  CHECK(finished.out == "2026-11-25T09:00:00.000Z  +62812 (Siti)  m2  BERHENTI  [BERHENTI]\n");
}

TEST_CASE("events add --officer signs the meeting by the officer named, with reminders in words", "[cli][api]") {
  fake_api_server server([](const fake_request& request) {
    if (request.target == "/api/v1/officers") return answer(200, json::array({{{"id", 2}, {"name", "Bu Ani"}},
                                                                              {{"id", 3}, {"name", "Pak Budi"}}}));
    if (request.target == "/api/v1/groups") return answer(200, json::array({{{"id", 5}, {"name", "Kader"}}}));
    return answer(201, {{"id", 7},
                        {"reminders", json::array({{{"offset", "-1d@08:00"}, {"words", "H-1 jam 08.00"},
                                                    {"due_at", "2026-11-29T01:00:00.000Z"}, {"state", "pending"}}})}});
  });
  const program_result finished =
      run_siaran({"events", "add", "--url", server.url(), "--title", "Rapat Pokjanal", "--at", "2026-11-30T09:00+07:00",
                  "--group", "Kader", "--reminder", "H-1 jam 08.00", "--officer", "Pak Budi"});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 0);
  CHECK(finished.out ==
        "event 7 created\n  reminder H-1 jam 08.00 (-1d@08:00)  due 2026-11-29T01:00:00.000Z  pending\n");
  const auto requests = server.requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[2].target == "/api/v1/events");
  const json body = json::parse(requests[2].body);
  CHECK(body.at("officer_id") == 3);
  CHECK(body.at("reminders") == json::array({"H-1 jam 08.00"}));
  CHECK(body.at("audience") == json{{"groups", {5}}});
}

TEST_CASE("modems prints a table of id, state, operator, signal, sent, failed and balance", "[cli][api]") {
  fake_api_server server([](const fake_request&) {
    return answer(200, json::array({{{"id", "m1"}, {"state", "ready"}, {"operator", "TELKOMSEL"},
                                     {"signal_dbm", -71}, {"sent", 12}, {"failed", 0}, {"balance", 3000},
                                     {"balance_low", true}},
                                    {{"id", "m2"}, {"state", "failed"}, {"reason", "no SIM"},
                                     {"operator", nullptr}, {"signal_dbm", nullptr}, {"sent", 0}, {"failed", 1}}}));
  });
  const program_result finished = run_siaran({"modems", "--url", server.url()});
  INFO(finished.out);
  CHECK(finished.exit_code == 0);
  CHECK(contains(finished.out, "ID  STATE            OPERATOR   SIGNAL   SENT  FAILED  BALANCE\n"));
  CHECK(contains(finished.out, "m1  ready            TELKOMSEL  -71 dBm  12    0       Rp 3000 LOW\n"));
  CHECK(contains(finished.out, "m2  failed (no SIM)  -          -        0     1       -\n"));
}

TEST_CASE("the client reconnects once when the server closed the kept-alive connection", "[cli][api]") {
  fake_api_server server([](const fake_request&) { return answer(200, json::object()); },
                         /*close_after_each=*/true);
  siaran::tools::api_client client(siaran::tools::parse_url(server.url()));
  CHECK(client.get("/healthz").status == 200);
  CHECK(client.get("/healthz").status == 200);
  CHECK(client.get("/healthz").status == 200);
  CHECK(server.connections() == 3);
}

TEST_CASE("the client keeps one connection for consecutive requests", "[cli][api]") {
  fake_api_server server([](const fake_request&) { return answer(200, json::object()); });
  siaran::tools::api_client client(siaran::tools::parse_url(server.url()));
  CHECK(client.post("/api/v1/messages", "{}").status == 200);
  CHECK(client.get("/api/v1/queue").status == 200);
  CHECK(server.connections() == 1);
}

TEST_CASE("parse_url takes http://HOST:PORT, https://HOST:PORT, HOST:PORT and bracketed IPv6", "[cli][api]") {
  using siaran::tools::parse_url;
  CHECK(parse_url("http://127.0.0.1:8080").host == "127.0.0.1");
  CHECK(parse_url("http://127.0.0.1:8080/").port == "8080");
  CHECK(parse_url("localhost:9000").host == "localhost");
  CHECK(parse_url("[::1]:8080").host == "::1");
  CHECK(parse_url("http://[::1]:8081").port == "8081");
  CHECK_THROWS_AS(parse_url("http://127.0.0.1"), std::invalid_argument);
  CHECK(parse_url("https://siaran.local:8443").https);
  CHECK(parse_url("https://siaran.local:8443").host == "siaran.local");
  CHECK_FALSE(parse_url("http://127.0.0.1:8080").https);
  CHECK_THROWS_AS(parse_url("127.0.0.1:70000"), std::invalid_argument);
  CHECK_THROWS_AS(parse_url("127.0.0.1:8080/api"), std::invalid_argument);
  CHECK_THROWS_AS(parse_url(":8080"), std::invalid_argument);
}
