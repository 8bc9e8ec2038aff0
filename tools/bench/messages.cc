// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/messages.h"

#include <array>
#include <cstdio>
#include <string_view>

namespace siaran::tools::bench {
namespace {

// Mobile prefixes in use (Telkomsel, Indosat, XL, Axis, Tri, Smartfren) without the leading 0:
// a prefix libphonenumber does not know would make the daemon refuse the whole batch.
constexpr std::array<std::string_view, 40> prefixes{
    "811", "812", "813", "814", "815", "816", "817", "818", "819", "821", "822", "823", "831", "832",
    "833", "838", "851", "852", "853", "855", "856", "857", "858", "859", "877", "878", "881", "882",
    "883", "884", "885", "886", "887", "888", "889", "895", "896", "897", "898", "899"};

constexpr std::array<std::string_view, 12> names{"Siti", "Sri", "Dewi", "Ratna", "Nur", "Yuli",
                                                 "Endang", "Euis", "Neneng", "Lilis", "Tuti", "Rina"};
constexpr std::array<std::string_view, 8> posyandu{"Melati", "Mawar", "Anggrek", "Kenanga",
                                                   "Dahlia", "Cempaka", "Teratai", "Flamboyan"};

template <std::size_t n>
std::string_view pick(const std::array<std::string_view, n>& list, std::size_t index) {
  return list[index % n];
}

constexpr std::string_view signature = " -- Sekretariat Pokjanal";

std::string invitation(std::size_t index) {
  return "Ibu " + std::string(pick(names, index)) + ", rapat kader Posyandu " +
         std::string(pick(posyandu, index / names.size())) + " hari Kamis 26 November jam 09.00 di balai desa.";
}

}  // namespace

std::string recipient(std::size_t index) {
  // Multiplying by a number coprime to 10^8 permutes the 8-digit subscriber numbers, so the
  // recipients are distinct without looking like a counter.
  const unsigned long long subscriber = (index / prefixes.size() * 7919ULL + 10000019ULL) % 100000000ULL;
  char digits[9];
  std::snprintf(digits, sizeof digits, "%08llu", subscriber);
  return "+62" + std::string(pick(prefixes, index)) + digits;
}

outgoing_message bench_message(std::size_t index) {
  return {recipient(index), "Bench " + std::to_string(index) + ": " + invitation(index) + std::string(signature)};
}

outgoing_message demo_message(std::size_t index) {
  std::string text = invitation(index);
  if (index % 10 == 9) {
    text = "Ibu " + std::string(pick(names, index)) + " \u2014 rapat kader \u201cPosyandu " +
           std::string(pick(posyandu, index / names.size())) + "\u201d hari Kamis jam 09.00.";
  } else if (index % 4 == 3) {
    text += " Mohon membawa buku register dan laporan penimbangan bulan ini. Terima kasih.";
  }
  return {recipient(index), text + std::string(signature)};
}

}  // namespace siaran::tools::bench
