// SPDX-License-Identifier: GPL-3.0-or-later
// Every PDU in ../shared/corpus/pdus.jsonl that states expected values decodes to exactly
// those values. The corpus is read in place (it is not ours to ship, see its README).
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "sms/codec_error.h"
#include "sms/delivery_status.h"
#include "sms/reassembly.h"
#include "tests/unit/sms/test_helpers.h"

using namespace siaran::sms;
using nlohmann::json;

namespace {

// python-gsmmodem's test passes its two booleans positionally to encodeSmsSubmitPdu(...,
// requestStatusReport, rejectDuplicates, sendFlash), so the corpus labels them one slot off:
// pdu-035's first octet 0x05 has TP-RD set, pdu-037's 0x31 has TP-SRR set, neither is flash.
const std::string python_gsmmodem_flags =
    "corpus labels python-gsmmodem's positional (requestStatusReport, rejectDuplicates) as "
    "(reject_duplicates, flash); the PDU's first octet shows the real flags";

// Expected values we deliberately do not check, each with the reason. Key "*" = whole entry.
const std::map<std::pair<std::string, std::string>, std::string> exclusions = {
    {{"pdu-029", "*"},
     "TP-UDL 0xA0 announces 160 octets but 8 follow; we reject over-long TP-UDL (a truncated "
     "PDU must never pass as a message), python-gsmmodem decodes what is there"},
    {{"pdu-146", "*"},
     "TP-UDL says 93 septets (82 octets) but 79 octets follow; Gammu only asserts it parses "
     "what is there. We refuse over-long TP-UDL, which pdu-010 (ModemManager) requires"},
    {{"pdu-032", "number"},
     "python-gsmmodem renders semi-octet 0xB as 'b'; TS 23.040 §9.1.2.3 / TS 24.008 make it '#'"},
    {{"pdu-035", "reject_duplicates"}, python_gsmmodem_flags},
    {{"pdu-035", "flash"}, python_gsmmodem_flags},
    {{"pdu-037", "reject_duplicates"}, python_gsmmodem_flags},
    {{"pdu-037", "flash"}, python_gsmmodem_flags},
    {{"pdu-052", "timestamp_utc"},
     "python-messaging ignores the status report's SCTS time zone; octet 0x40 is +01:00, so "
     "11:31:54 local is 10:31:54Z"},
    {{"pdu-052", "number"}, "python-messaging's pseudo-message rendering of a status report"},
    {{"pdu-052", "text"}, "python-messaging's pseudo-message rendering of a status report"},
    {{"pdu-030", "text"},
     "8-bit data (DCS 04): we print the data as hex, python-gsmmodem as latin-1 text"},
    {{"pdu-090", "text"}, "needs the Turkish national language table (not implemented)"},
    {{"pdu-091", "text"}, "needs the Turkish national language tables (not implemented)"},
    {{"pdu-092", "text"}, "needs the Portuguese national language table (not implemented)"},
    {{"pdu-093", "text"}, "needs the Portuguese national language tables (not implemented)"},
    {{"pdu-094", "text"}, "needs the Spanish national language tables (not implemented)"},
};

// Keys the decoder has no field for (CPHS indications, e-mail gateway parsing, WAP/MMS).
const std::set<std::string> not_decoded = {"mwi",
                                           "mwi_dont_store",
                                           "replace",
                                           "email_from",
                                           "email_body",
                                           "mms_notification",
                                           "validity_relative_source_units",
                                           "validity_enhanced",
                                           "roundtrip",
                                           "part_index",
                                           "parts",
                                           "national_language_tables",
                                           "gammu_parse_should_fail",
                                           "parse_error",
                                           "concat_total",
                                           "reassembles",
                                           "concatenated_full_text"};

struct corpus_entry {
  std::string id;
  json expected;
  decoded_pdu pdu;
  std::size_t tpdu_octets = 0;  // after the SMSC field
};

std::vector<json> read_corpus() {
  std::ifstream file(SIARAN_CORPUS_DIR "/pdus.jsonl");
  REQUIRE(file.good());
  std::vector<json> entries;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty()) entries.push_back(json::parse(line));
  }
  return entries;
}

bool excluded(const std::string& id, const std::string& key) {
  return exclusions.count({id, key}) > 0 || exclusions.count({id, "*"}) > 0;
}

std::optional<std::string> time_of(const std::optional<timestamp>& t, const std::string& form) {
  if (!t) return std::nullopt;
  if (form == "utc") return t->iso8601_utc();
  if (form == "naive") return t->iso8601_local();
  return t->iso8601();
}

json actual_value(const corpus_entry& entry, const std::string& key) {
  const decoded_pdu& pdu = entry.pdu;
  const auto optional_string = [](const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
  };
  if (key == "kind") return std::string(message_type_name(pdu.type));
  if (key == "smsc") return optional_string(pdu.smsc);
  if (key == "number") return pdu.number;
  if (key == "text") return pdu.ud.text;
  if (key == "timestamp") return optional_string(time_of(pdu.service_centre_time, "iso"));
  if (key == "timestamp_utc") return optional_string(time_of(pdu.service_centre_time, "utc"));
  if (key == "scts_naive") return optional_string(time_of(pdu.service_centre_time, "naive"));
  if (key == "discharge_time") return optional_string(time_of(pdu.discharge_time, "iso"));
  if (key == "discharge_naive") return optional_string(time_of(pdu.discharge_time, "naive"));
  if (key == "dcs") return pdu.coding.dcs;
  if (key == "pid") return pdu.pid;
  if (key == "udl") return pdu.ud.length;
  if (key == "reference") return pdu.message_reference ? json(*pdu.message_reference) : json();
  if (key == "status") return pdu.status ? json(*pdu.status) : json();
  if (key == "multipart") return pdu.concat().has_value();
  if (key == "data") return hex_encode(pdu.ud.data);
  if (key == "udh") return hex_encode(pdu.ud.header_octets);
  if (key == "validity") return optional_string(pdu.validity);
  if (key == "reject_duplicates") return pdu.reject_duplicates;
  if (key == "flash") return pdu.coding.message_class == 0;
  if (key == "encoding") return pdu.coding.alphabet == encoding::ucs2 ? "UCS2" : "other";
  if (key == "tpdu_len") return entry.tpdu_octets;
  if (key == "delivery_status") {
    return pdu.status && outcome_of(*pdu.status) == delivery_outcome::completed ? "DELIVERED"
                                                                                : "other";
  }
  if (key == "validity_relative_octet") return optional_string(pdu.validity);
  if (key == "concat" && pdu.concat()) {
    return json{{"ref", pdu.concat()->reference},
                {"total", pdu.concat()->total},
                {"part", pdu.concat()->part}};
  }
  if (key == "ports" && pdu.ud.header.ports()) {
    return json{{"dst", pdu.ud.header.ports()->destination},
                {"src", pdu.ud.header.ports()->source}};
  }
  return json();
}

json expected_value(const std::string& key, const json& value) {
  // TP-VP 170 is 4 days (TS 23.040 §9.2.3.12.1); the source states the raw octet.
  if (key == "validity_relative_octet") return value == 170 ? json("P4D") : value;
  return value;
}

// Checks every stated key of one entry; returns how many values were compared.
int check_entry(const corpus_entry& entry) {
  int compared = 0;
  for (const auto& [key, value] : entry.expected.items()) {
    if (not_decoded.count(key) || excluded(entry.id, key)) continue;
    if (value.is_null() && key != "smsc" && key != "validity") continue;  // "not asserted"
    INFO(entry.id << " " << key);
    CHECK(actual_value(entry, key) == expected_value(key, value));
    ++compared;
  }
  return compared;
}

}  // namespace

TEST_CASE("the shared PDU corpus decodes to every value its sources assert") {
  int checked_pdus = 0;
  int compared_values = 0;
  std::map<std::string, std::vector<decoded_pdu>> concat_groups;
  std::map<std::string, json> group_expectations;
  for (const json& line : read_corpus()) {
    const std::string id = line["id"];
    const json& expected = line["expected"];
    INFO(id);
    if (excluded(id, "*")) continue;
    const std::string hex = line["pdu"];
    const bool should_fail =
        !expected.is_null() &&
        (expected.value("parse_error", false) || expected.value("gammu_parse_should_fail", false));
    if (should_fail) {
      CHECK_THROWS_AS(decode_pdu_hex(hex, line["has_smsc"]), codec_error);
      ++checked_pdus;
      continue;
    }
    const auto octets = hex_decode(hex);
    const bool has_smsc = line["has_smsc"];
    const std::size_t smsc_octets = has_smsc && !octets.empty() ? octets[0] + 1u : 0u;
    corpus_entry entry{id, expected, decode_pdu(octets, has_smsc), octets.size() - smsc_octets};
    ++checked_pdus;  // sources with no expectations still assert that the PDU parses
    if (expected.is_null()) continue;
    compared_values += check_entry(entry);
    if (expected.contains("reassembles") || expected.contains("concatenated_full_text")) {
      // The parts of one message share their source file and stated full text.
      const std::string group =
          line["source"].get<std::string>() + " " +
          expected.value("concatenated_full_text", std::string("reassembles"));
      concat_groups[group].push_back(entry.pdu);
      group_expectations[group] = expected;
    }
  }
  for (const auto& [group, parts] : concat_groups) {
    const json& expected = group_expectations[group];
    INFO(group);
    const std::string text = reassemble(parts);
    if (expected.contains("concatenated_full_text"))
      CHECK(text == expected["concatenated_full_text"]);
    CHECK(parts.size() == expected.value("concat_total", parts.size()));
  }
  WARN("corpus: " << checked_pdus << " PDUs checked, " << compared_values
                  << " asserted values compared, " << concat_groups.size() << " concat groups");
  REQUIRE(checked_pdus > 0);
  REQUIRE(compared_values > 0);
}
