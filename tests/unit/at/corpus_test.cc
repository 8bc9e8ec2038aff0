// SPDX-License-Identifier: GPL-3.0-or-later
// The real modem responses in ../shared/corpus/at-responses (ModemManager, Gammu and
// python-gsmmodem test material, labelled by device) fed through this layer: the framer, the
// channel, and the response parsers. Only the sidecar values that belong to the AT layer are
// checked; decoding PDUs is the codec's business.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "channel_rig.h"
#include "corpus_samples.h"
#include "modem/at/framer.h"
#include "modem/at/response_parsers.h"
#include "modem/at/result_code.h"
#include "modem/at/text.h"

using namespace std::chrono_literals;
using namespace siaran::at;
using nlohmann::json;
using namespace siaran::at::test;

namespace {

// Samples this layer cannot or should not check, and why. Each name must exist.
const std::map<std::string, std::string> exclusions = {
    {"mm_test_cereg2_novatel_lte_solicited",
     "Novatel E362 puts an undocumented field between TAC and CI; ModemManager has a regex for "
     "this one modem, we read the 27.007 layout (CI comes out as 0x20)"},
    {"mm_test_cereg2_novatel_lte_unsolicited", "same Novatel E362 layout as the solicited one"},
    {"gammu_at-cpms_samsung-j700",
     "empty \"+CPMS: \" answer; Gammu then assumes ME and SM, a fallback that belongs to the "
     "modem layer's storage choice, not to the parser"},
    {"mm_test_cesq_response_0", "+CESQ has no parser in this layer (the modem uses +CSQ)"},
    {"mm_test_cesq_response_1", "+CESQ has no parser in this layer (the modem uses +CSQ)"},
    {"mm_test_cesq_response_2", "+CESQ has no parser in this layer (the modem uses +CSQ)"},
};

bool excluded(const sample& s) { return exclusions.count(s.name) > 0; }

// Gammu stores LF-only dumps; real modems send CRLF. Both must give the same lines.
std::string with_crlf(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) out.push_back('\r');
    out.push_back(bytes[i]);
  }
  return out;
}

std::vector<frame> frames_of(std::string_view bytes) { return framer().feed(bytes); }

// A sample that is a modem's answer to one command the channel can send.
bool is_command_exchange(const sample& s) {
  const std::string content = content_of(s);
  return !command_of(s).starts_with("unsolicited") &&
         (content.starts_with("full captured exchange") || content.starts_with("modem output lines"));
}

bool is_cmgs(const sample& s) { return command_of(s).find("CMGS") != std::string::npos; }

std::string command_text(const sample& s) {
  if (is_cmgs(s)) return "AT+CMGS=23";
  const std::string text = command_of(s);
  const bool plain = text.starts_with("AT") && text.find(' ') == std::string::npos;
  return plain ? text : "AT+CPMS?";  // "any command": the error lines fit any
}

// "AT+CPMS=?" -> "+CPMS:"
std::string answer_prefix(const std::string& text) {
  const std::string name = text.substr(2, text.find_first_of("=?", 2) - 2);
  return name.empty() ? "" : name + ":";
}

struct channel_run {
  response answer;
  std::vector<urc> urcs;
};

// Plays the sample as the modem's answer: everything after the command, or, for AT+CMGS, the
// prompt after the command and the rest after the PDU.
channel_run run_command(const sample& s, std::string_view bytes) {
  test::channel_rig rig;
  const std::string text = command_text(s);
  command cmd = test::at(text, {answer_prefix(text)}, 10s);
  std::string before = std::string(bytes), after;
  if (is_cmgs(s)) {
    cmd.pdu = "0011000B916281234567F80000AA03C8329B";
    // The ZTE sample starts after the PDU was sent: its prompt is not part of it.
    const std::size_t prompt = before.find("> ");
    after = prompt == std::string::npos ? before : before.substr(prompt + 2);
    before = prompt == std::string::npos ? "> " : before.substr(0, prompt + 2);
  }
  rig.modem.on_write = [&](std::string_view written) {
    rig.modem.push(written.ends_with("\x1a") ? after : before);
  };
  const auto answer = rig.send(std::move(cmd));
  if (!*answer) rig.advance(10s);  // samples without a final result code (Wavecom +CPIN)
  REQUIRE(*answer);
  return {**answer, rig.urcs};
}

std::vector<urc> run_unsolicited(std::string_view bytes) {
  test::channel_rig rig;
  rig.modem.push(bytes);
  rig.modem.push("\r\n");
  rig.settle();
  return rig.urcs;
}

// The lines a command's response should carry, read naively from the sample: everything
// between the echo and the final result code, minus the vendor URCs these samples contain.
std::vector<std::string> naive_answer_lines(const sample& s, std::string_view bytes) {
  const std::string text = command_text(s);
  std::vector<std::string> lines;
  for (const std::string& line : lines_of(bytes)) {
    if (parse_final_result(line)) break;
    const bool noise = line == text || line == ">" || line.starts_with("+ZDONR:") || line.starts_with("+ZPASR:");
    if (!noise) lines.push_back(line);
  }
  return lines;
}

int number_in_parentheses(const std::string& state) {  // "home(1)" -> 1
  return std::stoi(state.substr(state.find('(') + 1));
}

std::string access_tech_name(const std::optional<int>& act) {
  static const std::map<int, std::string> names = {{0, "GSM"},   {1, "GSM_COMPACT"}, {2, "UMTS"},
                                                  {3, "EDGE"},  {4, "HSDPA"},       {5, "HSUPA"},
                                                  {6, "HSPA"},  {7, "LTE"},         {11, "5GNR"}};
  if (!act || !names.count(*act)) return "UNKNOWN";
  return names.at(*act);
}

}  // namespace

TEST_CASE("the corpus is present and every exclusion names a real sample", "[at][corpus]") {
  REQUIRE(corpus().size() >= 100);
  std::set<std::string> names;
  for (const sample& s : corpus()) names.insert(s.name);
  for (const auto& [name, reason] : exclusions) {
    INFO(name << ": " << reason);
    CHECK(names.count(name) == 1);
  }
}

TEST_CASE("every corpus sample frames the same whole, byte by byte, and with CRLF line ends",
          "[at][corpus]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    INFO(s.name);
    const std::vector<frame> whole = frames_of(s.bytes);
    framer bytewise;
    std::vector<frame> trickled;
    for (const char c : s.bytes) bytewise.feed(std::string_view(&c, 1), trickled);
    CHECK(trickled == whole);
    CHECK(frames_of(with_crlf(s.bytes)) == whole);
    ++checked;
  }
  CHECK(checked == static_cast<int>(corpus().size()));
}

TEST_CASE("corpus answers pass through the channel with their lines and final result", "[at][corpus]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!is_command_exchange(s) || excluded(s)) continue;
    for (const std::string& bytes : {s.bytes, with_crlf(s.bytes)}) {
      INFO(s.name << " (" << s.device() << ") answering " << command_text(s));
      const channel_run run = run_command(s, bytes);
      CHECK(run.answer.lines == naive_answer_lines(s, bytes));
      const std::vector<std::string> lines = lines_of(bytes);
      const auto last_final = std::find_if(lines.begin(), lines.end(),
                                           [](const std::string& l) { return parse_final_result(l).has_value(); });
      if (last_final == lines.end()) {
        CHECK(run.answer.error == channel_error::timeout);
      } else {
        REQUIRE(run.answer.final);
        CHECK(run.answer.final->line == *last_final);
      }
    }
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("corpus +CMS/+CME errors carry the code and meaning the sources assert", "[at][corpus]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "error") || excluded(s)) continue;
    INFO(s.name << " (" << s.device() << ")");
    const channel_run run = run_command(s, s.bytes);
    REQUIRE(run.answer.final);
    CHECK(to_string(run.answer.final->kind) == "+" + expected(s)["error"].get<std::string>() + " ERROR:");
    CHECK(run.answer.final->code == expected(s)["code"].get<int>());
    CHECK(run.answer.final->meaning == expected(s)["meaning"].get<std::string>());
    ++checked;
  }
  CHECK(checked == 7);
}

TEST_CASE("Huawei E1752 answers an unknown command with COMMAND NOT SUPPORT", "[at][corpus]") {
  for (const sample& s : corpus()) {
    if (s.name != "pygsmmodem_huawei_e1752_command_not_support") continue;
    const channel_run run = run_command(s, s.bytes);
    REQUIRE(run.answer.final);
    CHECK(run.answer.final->kind == final_kind::command_not_support);
    CHECK_FALSE(run.answer.success);
    return;
  }
  FAIL("sample missing");
}

TEST_CASE("corpus AT+CMGS answers give the message reference and peel off vendor URCs", "[at][corpus]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "message_reference")) continue;
    INFO(s.name << " (" << s.device() << ")");
    const channel_run run = run_command(s, s.bytes);
    CHECK(message_reference_in(run.answer.lines) == expected(s)["message_reference"].get<int>());
    std::vector<std::string> urc_names;
    for (const urc& code : run.urcs) urc_names.push_back(code.prefix.substr(0, code.prefix.size() - 1));
    if (expects(s, "interleaved_urcs")) CHECK(urc_names == expected(s)["interleaved_urcs"].get<std::vector<std::string>>());
    if (expects(s, "urc")) {
      REQUIRE(run.urcs.size() == 1);
      const auto index = parse_storage_index(run.urcs[0].line);
      REQUIRE(index);
      CHECK(urc_names[0] == expected(s)["urc"]["type"].get<std::string>());
      CHECK(index->memory == expected(s)["urc"]["memory"].get<std::string>());
      CHECK(index->index == expected(s)["urc"]["index"].get<int>());
    }
    ++checked;
  }
  CHECK(checked == 3);
}

TEST_CASE("corpus +CMTI/+CDSI URCs arrive with their storage and index", "[at][corpus]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "urc") || is_cmgs(s)) continue;
    INFO(s.name);
    const std::vector<urc> urcs = run_unsolicited(s.bytes);
    REQUIRE(urcs.size() == 1);
    CHECK(urcs[0].prefix == expected(s)["urc"].get<std::string>() + ":");
    const auto index = parse_storage_index(urcs[0].line);
    REQUIRE(index);
    CHECK(index->memory == expected(s)["memory"].get<std::string>());
    CHECK(index->index == expected(s)["index"].get<int>());
    ++checked;
  }
  CHECK(checked == 2);
}

TEST_CASE("a corpus +CDS URC arrives with its PDU", "[at][corpus]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "pdu") || !command_of(s).starts_with("unsolicited")) continue;
    INFO(s.name);
    const std::vector<urc> urcs = run_unsolicited(s.bytes);
    REQUIRE(urcs.size() == 1);
    CHECK(urcs[0].prefix == "+CDS:");
    CHECK(urcs[0].pdu == expected(s)["pdu"].get<std::string>());
    CHECK(urcs[0].line == "+CDS: " + std::to_string(expected(s)["pdu_len"].get<int>()));
    ++checked;
  }
  CHECK(checked == 1);
}

TEST_CASE("corpus registration lines parse as ModemManager reads them, by device", "[at][corpus][parsers]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "state") || excluded(s)) continue;
    const bool solicited = command_of(s).starts_with("AT+");
    INFO(s.name << " (" << s.device() << ") " << (solicited ? "solicited" : "unsolicited"));
    const std::vector<std::string> lines = lines_of(s.bytes);
    REQUIRE_FALSE(lines.empty());
    if (!solicited) {  // URCs: through the channel, which must recognise them
      const std::vector<urc> urcs = run_unsolicited(s.bytes);
      REQUIRE(urcs.size() == lines.size());
      CHECK(urcs[0].known());
    }
    const auto reg = parse_registration(lines[0], solicited);
    REQUIRE(reg);
    const json& want = expected(s);
    CHECK(reg->stat == number_in_parentheses(want["state"].get<std::string>()));
    CHECK(reg->lac == want["lac"].get<std::uint32_t>());
    CHECK(reg->ci == want["ci"].get<std::uint32_t>());
    CHECK(access_tech_name(reg->act) == want["access_tech"].get<std::string>());
    CHECK((reg->kind == registration_kind::cgreg) == want["is_cgreg"].get<bool>());
    CHECK((reg->kind == registration_kind::cereg) == want["is_cereg"].get<bool>());
    CHECK((reg->kind == registration_kind::c5greg) == want["is_c5greg"].get<bool>());
    ++checked;
  }
  CHECK(checked >= 40);
}

TEST_CASE("Gammu's AT+CREG? dumps parse exactly when Gammu says they do", "[at][corpus][parsers]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (command_of(s) != "AT+CREG?" || !expects(s, "parse_ok")) continue;
    INFO(s.name << " (" << s.device() << ")");
    const channel_run run = run_command(s, s.bytes);
    CHECK(run.answer.success);
    if (run.answer.lines.empty()) continue;  // "empty": no +CREG line at all, Gammu accepts
    CHECK(parse_registration(run.answer.lines[0], true).has_value() == expected(s)["parse_ok"].get<bool>());
    ++checked;
  }
  CHECK(checked >= 8);
}

TEST_CASE("corpus +CSQ answers give the signal the sources assert", "[at][corpus][parsers]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "signal_strength")) continue;
    INFO(s.name);
    const channel_run run = run_command(s, s.bytes);
    REQUIRE(run.answer.lines.size() == 1);
    const auto quality = parse_csq(run.answer.lines[0]);
    REQUIRE(quality);
    CHECK((quality->rssi == 99 ? -1 : quality->rssi) == expected(s)["signal_strength"].get<int>());
    ++checked;
  }
  CHECK(checked == 3);
}

TEST_CASE("corpus AT+CPMS=? answers list the storages Gammu and ModemManager find", "[at][corpus][parsers]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (excluded(s)) continue;
    if (expects(s, "gammu_result")) {  // "read: ME : ok, SM : ok, SR : N/A save: ..."
      INFO(s.name << " (" << s.device() << "): " << expected(s)["gammu_result"]);
      const channel_run run = run_command(s, s.bytes);
      REQUIRE(run.answer.lines.size() == 1);
      const auto lists = parse_cpms_supported(run.answer.lines[0]);
      REQUIRE(lists);
      const std::string summary = expected(s)["gammu_result"].get<std::string>();
      const std::string save = summary.substr(summary.find("save:"));
      const std::string read = summary.substr(0, summary.find("save:"));
      for (const std::string memory : {"ME", "SM", "SR"}) {
        const auto has = [&](const std::vector<std::string>& list) {
          return std::find(list.begin(), list.end(), memory) != list.end();
        };
        CHECK(has((*lists)[0]) == (read.find(memory + " : ok") != std::string::npos));
        CHECK(has((*lists)[1]) == (save.find(memory + " : ok") != std::string::npos));
      }
      ++checked;
    } else if (expects(s, "mem3")) {
      INFO(s.name << " (" << s.device() << ")");
      const auto lists = parse_cpms_supported(lines_of(s.bytes).at(0));
      REQUIRE(lists);
      CHECK((*lists)[0] == expected(s)["mem1"].get<std::vector<std::string>>());
      CHECK((*lists)[1] == expected(s)["mem2"].get<std::vector<std::string>>());
      CHECK((*lists)[2] == expected(s)["mem3"].get<std::vector<std::string>>());
      ++checked;
    }
  }
  CHECK(checked >= 10);
}

TEST_CASE("corpus AT+CPMS? answers name the current storages", "[at][corpus][parsers]") {
  static const std::set<std::string> known = {"SM", "ME", "MT", "BM", "SR", "TA"};
  const auto name = [&](const std::string& memory) { return known.count(memory) ? memory : "unknown"; };
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "mem1") || expects(s, "mem3")) continue;
    INFO(s.name);
    const auto uses = parse_cpms_current(lines_of(s.bytes).at(0));
    REQUIRE(uses);
    REQUIRE(uses->size() == 3);
    CHECK(name((*uses)[0].memory) == expected(s)["mem1"].get<std::string>());
    CHECK(name((*uses)[1].memory) == expected(s)["mem2"].get<std::string>());
    ++checked;
  }
  CHECK(checked == 4);
}

TEST_CASE("Nokia N79 answers AT+CPMS? with all fields empty", "[at][corpus][parsers]") {
  const auto uses = parse_cpms_current("+CPMS: ,,,,,,,,");
  REQUIRE(uses);
  CHECK(uses->size() == 3);
  CHECK((*uses)[0].memory.empty());
}

TEST_CASE("Wavecom answers AT+CPMS=\"SM\",\"SM\" with used and total counts", "[at][corpus][parsers]") {
  for (const sample& s : corpus()) {
    if (s.name != "pygsmmodem_wavecom_cpms_set") continue;
    const channel_run run = run_command(s, s.bytes);
    REQUIRE(run.answer.lines.size() == 1);
    const auto uses = parse_cpms_set(run.answer.lines[0]);
    REQUIRE(uses);
    CHECK((*uses)[0].used == 14);
    CHECK((*uses)[0].total == 50);
    return;
  }
  FAIL("sample missing");
}
