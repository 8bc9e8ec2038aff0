// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran send|status|modems` against the real siarand with one simulated modem: the CLI and
// the daemon agree on the API (docs/api.md), over plain HTTP and over HTTPS.

#include <catch2/catch.hpp>

#include <regex>

#include "daemon/http/api_token.h"
#include "tests/support/free_port.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siarand = SIARAN_BINARY_DIR "/daemon/siarand";
const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";
const std::string token = "siaran_cli_test_token";

// The daemon must log to the pipe we read, even when the tests run under systemd.
const std::vector<std::string> daemon_env = {"JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC"};

struct running_daemon {
  temp_dir dir;
  std::string url;
  std::filesystem::path config;
  std::unique_ptr<child_process> process;
};

// The http.tls entry for a pair the real `siaran tls self-signed` makes in the daemon's directory.
std::string self_signed_tls(const running_daemon& daemon) {
  const auto out = daemon.dir.path() / "tls";
  const auto made = run_program({siaran_tool, "tls", "self-signed", "--out", out.string()}, deadline_in(30s));
  REQUIRE(made);
  REQUIRE(made->exit_code == 0);
  return "  tls:\n    certificate: " + (out / "siaran.crt").string() + "\n    private_key: " +
         (out / "siaran.key").string() + "\n";
}

void start(running_daemon& daemon, bool https = false) {
  const std::string address = "127.0.0.1:" + std::to_string(free_port());
  daemon.url = (https ? "https://" : "http://") + address;
  const std::string tls = https ? self_signed_tls(daemon) : "";
  daemon.config = daemon.dir.write(
      "siaran.yaml", "database: " + (daemon.dir.path() / "siaran.db").string() + "\n" +
                         "http:\n  listen: " + address + "\n" + tls + "  tokens:\n    - name: t\n      sha256: " +
                         siaran::daemon::http::sha256_hex(token) + "\n" + "modems:\n  - id: m1\n    port: sim\n");
  daemon.process = std::make_unique<child_process>(
      std::vector<std::string>{siarand, "--config", daemon.config.string()}, daemon_env);
  const bool listening = daemon.process->wait_for_stderr_line("HTTP API listening", deadline_in(30s)).has_value();
  INFO("siarand stderr:\n" << daemon.process->err());
  REQUIRE(listening);
}

// `siaran ARGS` told where the daemon is by `where` (--url URL by default, or --config FILE).
program_result run_siaran(const running_daemon& daemon, std::vector<std::string> args,
                          std::vector<std::string> where = {}) {
  args.insert(args.begin(), siaran_tool);
  if (where.empty()) where = {"--url", daemon.url};
  args.insert(args.end(), where.begin(), where.end());
  auto finished = run_program(std::move(args), deadline_in(30s), {"SIARAN_URL", "SIARAN_TOKEN=" + token});
  REQUIRE(finished);
  return *finished;
}

}  // namespace

TEST_CASE("siaran send queues a message in siarand and siaran status shows it", "[cli][siarand]") {
  running_daemon daemon;
  start(daemon);

  const program_result sent = run_siaran(daemon, {"send", "--to", "081234567890", "--text", "Rapat kader besok jam 09.00"});
  INFO("send: " << sent.out << sent.err);
  REQUIRE(sent.exit_code == 0);
  std::smatch id;
  REQUIRE(std::regex_search(sent.out, id, std::regex("^queued message (\\d+) \\(1 part\\)\n$")));

  const program_result status = run_siaran(daemon, {"status", id[1].str()});
  INFO("status: " << status.out << status.err);
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("message " + id[1].str() + ": ") != std::string::npos);
  CHECK(status.out.find("+6281234567890") != std::string::npos);
  CHECK(status.out.find("part 1/1: ") != std::string::npos);
}

TEST_CASE("siaran modems lists siarand's simulated modem", "[cli][siarand]") {
  running_daemon daemon;
  start(daemon);
  const program_result modems = run_siaran(daemon, {"modems"});
  INFO("modems: " << modems.out << modems.err);
  CHECK(modems.exit_code == 0);
  CHECK(modems.out.starts_with("ID "));
  CHECK(modems.out.find("\nm1 ") != std::string::npos);
}

TEST_CASE("siarand refuses siaran without a token: exit 77", "[cli][siarand]") {
  running_daemon daemon;
  start(daemon);
  auto finished = run_program({siaran_tool, "status", "--url", daemon.url}, deadline_in(30s),
                              {"SIARAN_URL", "SIARAN_TOKEN"});
  REQUIRE(finished);
  CHECK(finished->exit_code == 77);
  CHECK(finished->err.find("SIARAN_TOKEN") != std::string::npos);
}

TEST_CASE("over HTTPS, siaran trusts the daemon's certificate named in --config and lists its modems",
          "[cli][siarand][tls]") {
  running_daemon daemon;
  start(daemon, true);
  const program_result modems = run_siaran(daemon, {"modems"}, {"--config", daemon.config.string()});
  INFO("modems: " << modems.out << modems.err);
  CHECK(modems.exit_code == 0);
  CHECK(modems.out.find("m1 ") != std::string::npos);
}

TEST_CASE("siaran refuses an HTTPS daemon whose certificate it was not told to trust", "[cli][siarand][tls]") {
  running_daemon daemon;
  start(daemon, true);
  const program_result modems = run_siaran(daemon, {"modems"});
  INFO("modems: " << modems.out << modems.err);
  CHECK(modems.exit_code == 69);
  CHECK(modems.err.find("TLS failed (certificate verify failed)") != std::string::npos);
  CHECK(modems.err.find("http.tls.certificate") != std::string::npos);
}

TEST_CASE("siaran contacts imports an .xlsx workbook, a named sheet, and its own .xlsx export back",
          "[cli][siarand][xlsx]") {
  running_daemon daemon;
  start(daemon);
  const auto written = run_program(
      {"/usr/bin/python3", SIARAN_SOURCE_DIR "/tests/support/contact_workbooks.py", daemon.dir.path().string()},
      deadline_in(30s));
  REQUIRE(written);
  REQUIRE(written->exit_code == 0);
  const std::string book = (daemon.dir.path() / "xlsxwriter.xlsx").string();

  // Sheet Kader: two good rows, two phones Excel stored as numbers, refused by line.
  const program_result kader = run_siaran(daemon, {"contacts", "import", book, "--partial"});
  INFO("import: " << kader.out << kader.err);
  CHECK(kader.exit_code == 65);
  CHECK(kader.out.starts_with("imported 2 contact(s) (2 new, 0 updated)\n"));
  CHECK(kader.out.find("line 4: ") != std::string::npos);
  const program_result posyandu = run_siaran(daemon, {"contacts", "import", book, "--sheet", "Posyandu"});
  INFO("import --sheet: " << posyandu.out << posyandu.err);
  CHECK(posyandu.exit_code == 0);
  CHECK(posyandu.out == "imported 1 contact(s) (1 new, 0 updated)\n");

  const program_result exported = run_siaran(daemon, {"contacts", "export", "--format", "xlsx"});
  REQUIRE(exported.exit_code == 0);
  REQUIRE(exported.out.starts_with("PK\x03\x04"));
  const auto again = daemon.dir.write("kontak.xlsx", exported.out);
  const program_result back = run_siaran(daemon, {"contacts", "import", again.string()});
  INFO("import of the export: " << back.out << back.err);
  CHECK(back.exit_code == 0);
  CHECK(back.out == "imported 3 contact(s) (0 new, 3 updated)\n");
  const program_result listed = run_siaran(daemon, {"contacts", "list", "--q", "Neneng"});
  CHECK(listed.out.find("+6285210007003") != std::string::npos);
}
