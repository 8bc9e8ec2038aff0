// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace siaran::modem {

// The prepaid balance in rupiah where an operator's answer says it: the first amount that
// follows "pulsa", "saldo" or "balance" within a few words, with or without "Rp"/"IDR"
// ("Sisa pulsa Rp.24025.Aktif sd ...", "PulsaUTAMA Rp.58600.", "Pulsa 80000 s.d 23Jan16.",
// "Pulsa Anda Rp 5.000"). Indonesian thousands dots (and commas) are read as such: a separator
// followed by exactly three digits; ",00" after the amount is cents and dropped. Nothing when
// no amount is said (a menu, "Maaf, layanan sedang sibuk").
std::optional<std::int64_t> balance_in(std::string_view text);

}  // namespace siaran::modem
