// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The message storages (27.005 §3.2.2): which the modem offers, which it uses, how full they
// are. Each parser takes one "+CPMS:" line and returns nullopt for a line it cannot read.
namespace siaran::at {

// "+CPMS: (<mem1s>),(<mem2s>),(<mem3s>)" answering AT+CPMS=?: the storages each of
// mem1/mem2/mem3 supports. Lenient like the modems: unparenthesised single storages
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

// "+CPMS: <used1>,<total1>[,<used2>,<total2>[,<used3>,<total3>]]" answering AT+CPMS=...: one
// pair per storage the command named, in order, without names.
std::optional<std::vector<storage_use>> parse_cpms_set(std::string_view line);

}  // namespace siaran::at
