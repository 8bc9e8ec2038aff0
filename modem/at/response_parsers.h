#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Small pure parsers for the answers the modem logic reads. Each takes one line as the
// channel hands it over (prefix included) and returns nullopt for a line it cannot read.
namespace siaran::at {

// "+CMGS: <mr>[,<scts>]" (27.005 §3.5.1): the message reference, 0-255.
std::optional<int> parse_message_reference(std::string_view line);
// The same from the lines of an AT+CMGS answer: the first "+CMGS:" line that reads.
std::optional<int> message_reference_in(const std::vector<std::string>& lines);

// "+CMTI: <mem>,<index>" / "+CDSI: <mem>,<index>" (27.005 §3.4.1).
struct storage_index {
  std::string memory;
  int index = 0;
};
std::optional<storage_index> parse_storage_index(std::string_view line);

// +CREG / +CGREG / +CEREG / +C5GREG (27.007 §7.2, §10.1.20, §10.1.22, §10.1.68).
enum class registration_kind { creg, cgreg, cereg, c5greg };
struct registration {
  registration_kind kind = registration_kind::creg;
  std::optional<int> mode;  // <n>, only in the solicited answer to AT+CREG?
  int stat = 0;             // 0 idle, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming...
  std::uint32_t lac = 0;    // LAC or TAC; 0 when absent or unreadable
  std::uint32_t ci = 0;     // cell id; 0 when absent or unreadable
  std::optional<int> act;   // <AcT>: 0 GSM, 2 UTRAN, 3 EDGE, 7 E-UTRAN, 11 NR...
};
// `solicited`: the line answers AT+C*REG? (it starts with <n>); otherwise it is the URC,
// which starts with <stat> — except on modems that send the solicited form unsolicited
// (Sony-Ericsson MD400, Alcatel X220D), recognised by its short second field.
std::optional<registration> parse_registration(std::string_view line, bool solicited);

// "+CSQ: <rssi>,<ber>" (27.007 §8.5).
struct signal_quality {
  int rssi = 99;               // 0-31, 99 unknown
  std::optional<int> dbm;      // 0 -> -113, 1 -> -111, 2..30 -> -109..-53, 31 -> -51 (or more)
  int ber = 99;
};
std::optional<signal_quality> parse_csq(std::string_view line);

// "+CPMS: (<mem1s>),(<mem2s>),(<mem3s>)" answering AT+CPMS=? (27.005 §3.2.2): the storages
// each of mem1/mem2/mem3 supports. Lenient like the modems: unparenthesised single storages
// (Huawei MU609), spaces, empty groups (Nokia), a missing opening quote.
using storage_lists = std::array<std::vector<std::string>, 3>;
std::optional<storage_lists> parse_cpms_supported(std::string_view line);

// "+CPMS: <mem1>,<used1>,<total1>,<mem2>,..." answering AT+CPMS?. Empty fields (Nokia
// N79 answers "+CPMS: ,,,,,,,,") give an empty name and zero counts.
struct storage_use {
  std::string memory;
  int used = 0;
  int total = 0;
};
std::optional<std::vector<storage_use>> parse_cpms_current(std::string_view line);

// "+CPMS: <used1>,<total1>,<used2>,<total2>[,<used3>,<total3>]" answering AT+CPMS=....
std::optional<std::vector<storage_use>> parse_cpms_set(std::string_view line);

}  // namespace siaran::at
