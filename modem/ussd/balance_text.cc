// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/ussd/balance_text.h"

#include <array>
#include <cstddef>
#include <string>

#include "common/ascii.h"

namespace siaran::modem {
namespace {

// Between the word and the amount: "UTAMA Rp.", " Anda Rp ", ": Rp". Longer, it is another
// sentence ("pulsa gagal. Silakan coba lagi. 1.Ya").
constexpr std::size_t most_between = 20;
constexpr std::int64_t most_rupiah = 1'000'000'000'000;

bool digit(char c) { return c >= '0' && c <= '9'; }

bool thousands_group_at(std::string_view text, std::size_t at) {
  return at + 3 < text.size() && (text[at] == '.' || text[at] == ',') && digit(text[at + 1]) &&
         digit(text[at + 2]) && digit(text[at + 3]) && (at + 4 == text.size() || !digit(text[at + 4]));
}

std::optional<std::int64_t> amount_at(std::string_view text, std::size_t at) {
  std::int64_t value = 0;
  while (at < text.size()) {
    if (digit(text[at])) {
      value = value * 10 + (text[at] - '0');
      if (value > most_rupiah) return std::nullopt;
      ++at;
    } else if (thousands_group_at(text, at)) {
      ++at;
    } else {
      break;
    }
  }
  return value;
}

// The amount after the word ending at `from`, if the few characters before it are no digit
// and no sentence end.
std::optional<std::int64_t> amount_after(std::string_view text, std::size_t from) {
  for (std::size_t at = from; at < text.size() && at - from <= most_between; ++at) {
    if (digit(text[at])) return amount_at(text, at);
    const bool sentence_end = text[at] == '.' && (at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n');
    if (sentence_end || text[at] == '\n') return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> balance_in(std::string_view text) {
  const std::string lower = common::lowercase(text);
  for (std::size_t at = 0; at < lower.size(); ++at) {
    for (const std::string_view word : std::array<std::string_view, 3>{"pulsa", "saldo", "balance"}) {
      if (lower.compare(at, word.size(), word) != 0) continue;
      if (const auto amount = amount_after(text, at + word.size())) return amount;
    }
  }
  return std::nullopt;
}

}  // namespace siaran::modem
