// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran modem info|send|listen|ussd` against siaran-modemsim (written separately, from the
// 27.005/27.007 protocol only) over real pseudo-terminals, each behind a stable link as a
// /dev/serial/by-id path would be.

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";
const std::string modemsim = SIARAN_BINARY_DIR "/tools/siaran-modemsim";

// A running siaran-modemsim; control lines go to its stdin, answers come on its stdout.
class simulator {
 public:
  explicit simulator(const temp_dir& dir)
      : log_path_((dir.path() / "sent.jsonl").string()),
        link_path_((dir.path() / "usb-Simulated_Modem-if00-port0").string()),
        process_({modemsim, "--log", log_path_, "--link", link_path_}) {
    const auto serving = process_.wait_for_stdout_line("\"pty\"", deadline_in(20s));
    REQUIRE(serving);
    seen_ = process_.out().size();
  }
  ~simulator() {
    process_.send_signal(SIGTERM);
    process_.wait_exit(deadline_in(10s));
  }

  const std::string& port() const { return link_path_; }

  // Sends one control line and returns the simulator's answer.
  nlohmann::json control(const nlohmann::json& line) {
    process_.write_stdin(line.dump() + "\n");
    const auto answer = process_.wait_for_stdout_line("\"command\"", deadline_in(10s), seen_);
    REQUIRE(answer);
    seen_ = process_.out().find(*answer, seen_) + answer->size();
    return nlohmann::json::parse(*answer);
  }

  std::vector<nlohmann::json> sent() const {
    std::vector<nlohmann::json> lines;
    std::ifstream log(log_path_);
    for (std::string line; std::getline(log, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

 private:
  std::string log_path_;
  std::string link_path_;
  child_process process_;
  std::size_t seen_ = 0;
};

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

// Waits until `child` has traced `count` more deletions (each one a message handed over).
void wait_for_deletions(child_process& child, int count, std::size_t& from) {
  for (int i = 0; i < count; ++i) {
    const auto line = child.wait_for_stderr_line("-> AT+CMGD=", deadline_in(30s), from);
    REQUIRE(line);
    from = child.err().find(*line, from) + line->size();
  }
}

const std::string long_text =
    "Ibu Siti, rapat kader Posyandu Melati hari Kamis jam 09.00 di balai desa. Mohon membawa buku "
    "KIA, daftar hadir balita, dan laporan penimbangan bulan lalu. Konsumsi disediakan oleh desa. "
    "Terima kasih atas kerja kerasnya selama ini, Ibu. Jangan lupa sampaikan undangan ini kepada "
    "kader lain di dusun masing-masing. Salam, Sekretariat Pokjanal Posyandu.";  // 3 parts

}  // namespace

TEST_CASE("siaran modem info initialises the simulated modem and prints its identity", "[modemsim]") {
  temp_dir dir;
  simulator sim(dir);
  const auto finished = run_program({siaran_tool, "modem", "info", "--port", sim.port()}, deadline_in(60s));
  REQUIRE(finished);
  INFO(finished->err);
  REQUIRE(finished->exit_code == 0);
  const auto info = nlohmann::json::parse(finished->out);
  CHECK(info["state"] == "ready");
  CHECK(info["registration"]["name"] == "home");
  CHECK(info["signal_dbm"].is_number());
  CHECK_FALSE(info["imei"].get<std::string>().empty());
}

TEST_CASE("siaran modem send sends a 3-part message and waits for its status reports", "[modemsim]") {
  temp_dir dir;
  simulator sim(dir);
  const auto finished = run_program({siaran_tool, "modem", "send", "--port", sim.port(), "--to", "081234567890",
                                     "--text", long_text, "--report", "--timeout", "60"},
                                    deadline_in(90s));
  REQUIRE(finished);
  INFO(finished->err);
  REQUIRE(finished->exit_code == 0);
  const auto lines = json_lines(finished->out);
  REQUIRE(lines.size() == 4);
  REQUIRE(lines[0]["parts"].size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(lines[i + 1]["type"] == "status_report");
    CHECK(lines[i + 1]["reference"] == lines[0]["parts"][i]["reference"]);
    CHECK(lines[i + 1]["outcome"] == "delivered");
  }
  const auto sent = sim.sent();
  REQUIRE(sent.size() == 3);
  std::string joined;
  for (const auto& part : sent) joined += part["text"].get<std::string>();
  CHECK(joined == long_text);
  CHECK(sent[0]["status_report"] == true);
}

TEST_CASE("siaran modem send sends text outside GSM 7-bit as UCS2", "[modemsim]") {
  temp_dir dir;
  simulator sim(dir);
  const std::string text = "Terima kasih, Bu 🙏";
  const auto finished = run_program(
      {siaran_tool, "modem", "send", "--port", sim.port(), "--to", "+6281234567890", "--text", text}, deadline_in(60s));
  REQUIRE(finished);
  REQUIRE(finished->exit_code == 0);
  const auto sent = sim.sent();
  REQUIRE(sent.size() == 1);
  CHECK(sent[0]["encoding"] == "ucs2");
  CHECK(sent[0]["text"] == text);
}

TEST_CASE("siaran modem send reports a refused part with its +CMS ERROR and exits 69", "[modemsim]") {
  temp_dir dir;
  simulator sim(dir);
  CHECK(sim.control({{"fail_sends", {{"count", 1}, {"cms", 42}}}})["ok"] == true);
  const auto finished = run_program(
      {siaran_tool, "modem", "send", "--port", sim.port(), "--to", "081234567890", "--text", "halo"}, deadline_in(60s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 69);
  CHECK(finished->err.find("+CMS ERROR 42") != std::string::npos);
}

TEST_CASE("siaran modem listen prints single and multipart messages once each, reassembled", "[modemsim]") {
  temp_dir dir;
  simulator sim(dir);
  child_process listen({siaran_tool, "modem", "listen", "--port", sim.port(), "--trace"});
  REQUIRE(listen.wait_for_stderr_line("listening on", deadline_in(60s)));
  std::size_t from = listen.err().size();
  CHECK(sim.control({{"inject", {{"from", "+6281298765432"}, {"text", long_text}}}})["ok"] == true);
  wait_for_deletions(listen, 3, from);
  CHECK(sim.control({{"inject", {{"from", "+6285711112222"}, {"text", "Siap hadir 👍"}}}})["ok"] == true);
  wait_for_deletions(listen, 1, from);
  listen.send_signal(SIGTERM);
  const auto finished = listen.wait_exit(deadline_in(20s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 0);
  const auto lines = json_lines(finished->out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["from"] == "+6281298765432");
  CHECK(lines[0]["text"] == long_text);
  CHECK(lines[0]["parts"] == 3);
  CHECK(lines[1]["text"] == "Siap hadir 👍");
  CHECK(sim.control({{"state", true}})["state"]["stored"] == 0);
}

TEST_CASE("siaran modem listen survives an unplug and re-plug of the device behind its link", "[modemsim]") {
  temp_dir dir;
  simulator sim(dir);
  child_process listen({siaran_tool, "modem", "listen", "--port", sim.port(), "--trace"});
  REQUIRE(listen.wait_for_stderr_line("listening on", deadline_in(60s)));
  CHECK(sim.control({{"unplug", true}})["ok"] == true);
  CHECK(sim.control({{"replug", true}})["ok"] == true);
  std::size_t from = listen.err().size();
  // Reopened by its path (the link now points at a new pty) and initialised again.
  REQUIRE(listen.wait_for_stderr_line("-> AT+CNMI=2,1,2,1,0", deadline_in(60s), from));
  from = listen.err().size();
  CHECK(sim.control({{"inject", {{"from", "+6281298765432"}, {"text", "setelah colok ulang"}}}})["ok"] == true);
  wait_for_deletions(listen, 1, from);
  listen.send_signal(SIGTERM);
  const auto finished = listen.wait_exit(deadline_in(20s));
  REQUIRE(finished);
  const auto lines = json_lines(finished->out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["text"] == "setelah colok ulang");
}

TEST_CASE("siaran modem ussd prints the decoded balance answer and closes the menu it opens", "[modemsim][ussd]") {
  temp_dir dir;
  simulator sim(dir);
  sim.control({{"balance", 3500}});
  const auto finished =
      run_program({siaran_tool, "modem", "ussd", "--port", sim.port(), "*888#", "--trace"}, deadline_in(60s));
  REQUIRE(finished);
  INFO(finished->err);
  REQUIRE(finished->exit_code == 0);
  const auto answer = nlohmann::json::parse(finished->out);
  CHECK(answer["code"] == "*888#");
  CHECK(answer["status"] == 1);
  CHECK(answer["balance"] == 3500);
  CHECK(answer["text"] == "Sisa pulsa Rp.3500.Aktif sd 31/12/2026.\n1.Paket\n2.Info Kartu");
  CHECK(answer["raw"].get<std::string>().starts_with("+CUSD: 1,\"Sisa pulsa Rp.3500."));
  CHECK(finished->err.find("-> AT+CUSD=2") != std::string::npos);
}

TEST_CASE("siaran modem ussd decodes a UCS2 answer", "[modemsim][ussd]") {
  temp_dir dir;
  simulator sim(dir);
  sim.control({{"ussd_coding", "ucs2"}});
  const auto finished = run_program({siaran_tool, "modem", "ussd", "--port", sim.port(), "*888#"}, deadline_in(60s));
  REQUIRE(finished);
  INFO(finished->err);
  REQUIRE(finished->exit_code == 0);
  const auto answer = nlohmann::json::parse(finished->out);
  CHECK(answer["dcs"] == 72);
  CHECK(answer["balance"] == 50000);
}

TEST_CASE("siaran modem ussd refuses what is not a USSD code", "[modemsim][ussd]") {
  const auto finished = run_program({siaran_tool, "modem", "ussd", "--port", "/dev/null", "888"}, deadline_in(10s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 2);
}
