// SPDX-License-Identifier: GPL-3.0-or-later
// The corpus answers the modem logic reads beyond registration, signal and storage lists:
// the SMS centre, the SIM's state, identity lines and stored-message headers, each through
// its parser, labelled by the device the sample came from.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "corpus_samples.h"
#include "modem/at/response_parsers.h"
#include "modem/at/result_code.h"

using namespace siaran::at;
using namespace siaran::at::test;

namespace {

// Samples with a stored-message header that these tests do not check, and why.
const std::map<std::string, std::string> exclusions = {
    {"pygsmmodem_cmgr_status_report_text",
     "a text-mode status report (\"+CMGR: ,6,20,...\"): the modem runs in PDU mode"},
};

// The information lines of an answer: no echo, no final result code.
std::vector<std::string> answer_lines(const sample& s) {
  std::vector<std::string> lines;
  for (const std::string& line : lines_of(s.bytes)) {
    if (parse_final_result(line)) break;
    if (line != command_of(s)) lines.push_back(line);
  }
  return lines;
}

const sample& named(const std::string& name) {
  for (const sample& s : corpus()) {
    if (s.name == name) return s;
  }
  FAIL("sample " << name << " missing");
  throw;  // unreachable: FAIL throws
}

bool is_header(const std::string& line) { return line.starts_with("+CMGR:") || line.starts_with("+CMGL:"); }

// Text mode: Gammu's "-txt" dumps and python-gsmmodem's text listings.
bool text_mode(const sample& s) {
  return s.name.find("-txt") != std::string::npos || s.name.find("_text") != std::string::npos;
}

bool is_hex_pdu(const std::string& line) {
  return !line.empty() && line.size() % 2 == 0 && line.find_first_not_of("0123456789ABCDEFabcdef") == std::string::npos;
}

// The TPDU octets of a PDU with its SMSC field first, as <length> counts them (27.005 §3.4.2).
int tpdu_octets(const std::string& pdu) {
  const int smsc = std::stoi(pdu.substr(0, 2), nullptr, 16);
  return static_cast<int>(pdu.size() / 2) - 1 - smsc;
}

bool from_gammu(const sample& s) { return s.name.starts_with("gammu_"); }

}  // namespace

TEST_CASE("every stored-message exclusion names a real sample", "[at][corpus][parsers]") {
  std::set<std::string> names;
  for (const sample& s : corpus()) names.insert(s.name);
  for (const auto& [name, reason] : exclusions) {
    INFO(name << ": " << reason);
    CHECK(names.count(name) == 1);
  }
}

TEST_CASE("corpus AT+CSCA? answers give the SMS centre exactly when Gammu reads one", "[at][corpus][parsers]") {
  // Decoded by hand from the dumps: 01 and 05 come from modems left in the UCS2 character set.
  const std::map<std::string, std::string> numbers = {
      {"gammu_at-smsc_01", "+97254120032"},
      {"gammu_at-smsc_02", "+79168999100"},
      {"gammu_at-smsc_03", "6281100000"},
      {"gammu_at-smsc_05", "+447802092035"},
  };
  int checked = 0;
  for (const sample& s : corpus()) {
    if (command_of(s) != "AT+CSCA?" || !expects(s, "parse_ok")) continue;
    INFO(s.name << " (" << s.device() << ")");
    const std::vector<std::string> lines = answer_lines(s);
    REQUIRE(lines.size() == 1);
    const auto centre = parse_csca(lines[0]);
    CHECK(centre.has_value() == expected(s)["parse_ok"].get<bool>());
    if (centre) {
      CHECK(centre->number == numbers.at(s.name));
      CHECK(centre->type == 145);
    }
    ++checked;
  }
  CHECK(checked == 5);
}

TEST_CASE("Wavecom's +CPIN: READY without OK is read", "[at][corpus][parsers]") {
  const sample& s = named("pygsmmodem_wavecom_cpin_no_ok");
  const std::vector<std::string> lines = answer_lines(s);
  REQUIRE(lines.size() == 1);
  CHECK(parse_cpin(lines[0]) == "READY");
}

TEST_CASE("Wavecom's AT+CGMI answer loses its leading space", "[at][corpus][parsers]") {
  CHECK(parse_manufacturer(answer_lines(named("pygsmmodem_wavecom_cgmi_leading_space"))) == "WAVECOM MODEM");
}

TEST_CASE("Nokia N79's five-line AT+CGMR answer gives its first line, the version", "[at][corpus][parsers]") {
  const std::vector<std::string> lines = answer_lines(named("pygsmmodem_nokia_n79_cgmr_multiline"));
  REQUIRE(lines.size() == 5);
  CHECK(parse_revision(lines) == "V ICPR72_08w44.1");
}

TEST_CASE("corpus PDU-mode +CMGR/+CMGL headers read, with the length of the PDU after them",
          "[at][corpus][parsers]") {
  int headers = 0;
  int lengths = 0;
  for (const sample& s : corpus()) {
    if (text_mode(s) || exclusions.count(s.name)) continue;
    const std::vector<std::string> lines = lines_of(s.bytes);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!is_header(lines[i])) continue;
      INFO(s.name << " (" << s.device() << "): " << lines[i]);
      const auto header = parse_stored_message_header(lines[i]);
      REQUIRE(header);
      REQUIRE(header->length);
      ++headers;
      const std::string pdu = header->inline_pdu.empty() && i + 1 < lines.size() ? lines[i + 1] : header->inline_pdu;
      // Gammu's at-sms dumps were gathered from Internet posts (its README), header and PDU
      // often pasted from different messages: their lengths say nothing about the parser.
      if (from_gammu(s) || !is_hex_pdu(pdu)) continue;
      CHECK(*header->length == tpdu_octets(pdu));
      ++lengths;
    }
  }
  CHECK(headers >= 60);
  CHECK(lengths >= 10);
}

TEST_CASE("corpus text-mode headers are not taken for PDU-mode ones", "[at][corpus][parsers]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!text_mode(s)) continue;
    for (const std::string& line : lines_of(s.bytes)) {
      if (!is_header(line)) continue;
      INFO(s.name << ": " << line);
      CHECK_FALSE(parse_stored_message_header(line));
      ++checked;
    }
  }
  CHECK(checked >= 8);
}

TEST_CASE("corpus listings give the index, status and PDU ModemManager finds, by device", "[at][corpus][parsers]") {
  int checked = 0;
  for (const sample& s : corpus()) {
    if (!expects(s, "entries")) continue;
    INFO(s.name << " (" << s.device() << ")");
    const std::vector<std::string> lines = lines_of(s.bytes);
    std::vector<stored_message_header> headers;
    std::vector<std::string> pdus;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto header = parse_stored_message_header(lines[i]);
      if (!header) continue;
      headers.push_back(*header);
      pdus.push_back(header->inline_pdu.empty() ? lines.at(i + 1) : header->inline_pdu);
    }
    const auto& entries = expected(s)["entries"];
    REQUIRE(headers.size() == entries.size());
    for (std::size_t i = 0; i < headers.size(); ++i) {
      if (entries[i].contains("index")) CHECK(headers[i].index == entries[i]["index"].get<int>());
      CHECK(headers[i].stat == entries[i]["status"].get<int>());
      CHECK(pdus[i] == entries[i]["pdu"].get<std::string>());
    }
    ++checked;
  }
  CHECK(checked == 6);
}

TEST_CASE("ZTE's +CMGR without a status still reads, with its length", "[at][corpus][parsers]") {
  const std::vector<std::string> lines = answer_lines(named("pygsmmodem_cmgr_status_report_pdu_zte_broken"));
  REQUIRE(lines.size() == 2);
  const auto header = parse_cmgr_header(lines[0]);
  REQUIRE(header);
  CHECK_FALSE(header->stat);
  CHECK(header->length == 27);
}
