// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The names of the months as people in Indonesian offices write them: in full ("Agustus"),
// abbreviated in the several ways in use (Agt, Ags, Agu, Peb, Nop), and the English names a
// spreadsheet or a phone in another locale writes.

#include <optional>
#include <string_view>

namespace siaran::common {

// "Januari".."Desember" for 1..12; std::out_of_range for any other number.
std::string_view indonesian_month_name(unsigned month);

// 1..12 for a month's name or abbreviation, in any case; nullopt for anything else.
std::optional<unsigned> month_of_name(std::string_view word);

}  // namespace siaran::common
