// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modem/at/ussd_parsers.h"
#include "modem/ussd/balance_text.h"
#include "modem/ussd/ussd_text.h"

namespace at = siaran::at;
namespace modem = siaran::modem;

namespace {

// One +CUSD answer of an Indonesian operator, as the modem prints it, one entry per line.
struct operator_answer {
  std::string_view label;
  std::vector<std::string_view> lines;
  int status;
  std::optional<std::int64_t> balance;
  std::string_view text_start;  // the decoded text begins so
};

// Where each came from:
// - "captured": an answer captured from a real SIM and published in a public GitHub repository,
//   copied as published (only the line framing of AT+CUSD restored where the source printed
//   the gateway's own format).
// - "constructed": no public capture found; written here in the operator's published style,
//   to exercise a coding (packed GSM 7-bit, UCS2) that real modems produce.
const std::vector<operator_answer>& operator_answers() {
  static const std::vector<operator_answer> answers{
      // Captured: Telkomsel *888# on a Wavecom modem, the test data of a TypeScript USSD parser
      // (WavecomUSSDResponseParser's tests). The text spans lines; the network waits (<m> 1).
      {"Telkomsel *888#, Wavecom, multi-line menu",
       {"+CUSD: 1,\"Sisa pulsa Rp.24025.Aktif sd 28/08/2016.",
        "BBMan makin asik dgn stiker Mas Bewok! Beli skrg di http://tsel.me/msbewok", "2.Info Kartu", "\",0"},
       1, 24025, "Sisa pulsa Rp.24025.Aktif sd 28/08/2016.\nBBMan"},
      // Captured: Telkomsel *888# through an Asterisk GSM gateway, from the comments of a shell
      // script that watches the balance of Telkomsel, XL and Indosat SIMs (gateway output
      // "responses:1,code:0 Text:..."). An empty balance reads 0, not "none".
      {"Telkomsel *888#, empty SIM",
       {"+CUSD: 1,\"Sisa pulsa Rp.0.Aktif sd 25/11/2016. Mau MP3 RizkiRidho D2 Academy? Download MP3nya 1.YA "
        "2.Info Kartu\",0"},
       1, 0, "Sisa pulsa Rp.0."},
      {"Telkomsel *888#, same script, another SIM",
       {"+CUSD: 1,\"Sisa pulsa Rp.23041.Aktif sd 25/11/2016. Mau MP3 RizkiRidho D2 Academy? Download MP3nya 1.YA "
        "2.Info Kartu\",0"},
       1, 23041, "Sisa pulsa Rp.23041"},
      // Captured: XL *123#, same script: no "Rp" at all.
      {"XL *123#",
       {"+CUSD: 1,\"Pulsa 80000 s.d 23Jan16. Pilih 1 utk GRATIS telp 15mnt + RBT Lucu 1 Mau 2 Plh Tarif 3 "
        "Inet/Cek Kuota 4 Nelp&SMS 5 Pkt Seru 6 mPulsa 7 I.L.M/MyInfo\",15"},
       1, 80000, "Pulsa 80000 s.d 23Jan16."},
      // Captured: Indosat (IM3/Mentari) *555#, same script: "PulsaUTAMA" in one word.
      {"Indosat *555#",
       {"+CUSD: 2,\"PulsaUTAMA Rp.58600. Aktif 27.02.16, Tenggang 28.03.16.Dptkn 10GB di 4G,konten&Bns 10rb mnt. "
        "cek: *123*46#\",15"},
       2, 58600, "PulsaUTAMA Rp.58600."},
      // Captured: Telkomsel, the sample an Android balance app tested its parser with.
      {"Telkomsel, Android balance app sample",
       {"+CUSD: 0,\"Sisa Pulsa Anda Rp.568484. Masa berlaku sampai dengan 05/11/2014.\",15"}, 0, 568484,
       "Sisa Pulsa Anda Rp.568484."},
      // Captured (Wavecom parser tests): answers that say no balance.
      {"Telkomsel *888#, grace period",
       {"+CUSD: 2,\"Masa tenggang kartu Anda akan berakhir pada 26/08/2016. Silakan lakukan pengisian ulang.\",0"},
       2, std::nullopt, "Masa tenggang"},
      {"Telkomsel, refused code",
       {"+CUSD: 2,\"Maaf, operasi gagal karena format pesan yang tidak valid.\",15"}, 2, std::nullopt, "Maaf,"},
      {"USSD not supported", {"+CUSD: 4"}, 4, std::nullopt, ""},
      // Constructed: Tri *111#, packed GSM 7-bit as hex (Huawei E3131 in AT+CSCS="GSM" does this),
      // "Sisa Pulsa Rp12.345. Aktif s.d 31/12/2026".
      {"Tri *111#, packed GSM 7-bit hex",
       {"+CUSD: 0,\"D3F43C0C82D6D9F330480A8FC95C335ACD050AAEE9693368EE228366B1574CF692C16436\",15"}, 0, 12345,
       "Sisa Pulsa Rp12.345. Aktif s.d 31/12/2026"},
      // Constructed: Smartfren *999#, UCS2 (dcs 72), "Pulsa Anda Rp 5.000. Aktif s/d 31-12-2026".
      {"Smartfren *999#, UCS2",
       {"+CUSD: 0,\"00500075006C0073006100200041006E0064006100200052007000200035002E003000300030002E0020004100"
        "6B00740069006600200073002F0064002000330031002D00310032002D0032003000320036\",72"},
       0, 5000, "Pulsa Anda Rp 5.000. Aktif"},
      // Constructed: a modem in AT+CSCS="HEX" gives one hex pair per septet, "Pulsa Rp 7.500".
      {"XL *123#, unpacked septets in hex", {"+CUSD: 0,\"50756C736120527020372E353030\",15"}, 0, 7500,
       "Pulsa Rp 7.500"},
  };
  return answers;
}

std::optional<std::string> assembled(const std::vector<std::string_view>& lines) {
  at::cusd_lines collector;
  std::optional<std::string> whole;
  for (const std::string_view line : lines) {
    REQUIRE_FALSE(whole);
    whole = collector.feed(line, line.starts_with("+CUSD:"));
  }
  return whole;
}

}  // namespace

TEST_CASE("the balance is read from real answers of Indonesian operators", "[ussd][corpus]") {
  int checked = 0;
  for (const operator_answer& sample : operator_answers()) {
    INFO(sample.label);
    const std::optional<std::string> whole = assembled(sample.lines);
    REQUIRE(whole);
    const auto line = at::parse_cusd(*whole);
    REQUIRE(line);
    CHECK(line->status == sample.status);
    const std::string text = modem::decode_ussd_text(line->text.value_or(""), line->dcs);
    CHECK(text.starts_with(sample.text_start));
    CHECK(modem::balance_in(text) == sample.balance);
    ++checked;
  }
  CHECK(checked == 12);  // the table cannot pass by being emptied
}

TEST_CASE("Indonesian thousands dots are read and cents dropped", "[ussd][balance]") {
  CHECK(modem::balance_in("Sisa pulsa Rp12.345") == 12345);
  CHECK(modem::balance_in("Pulsa Anda Rp 5.000") == 5000);
  CHECK(modem::balance_in("Saldo: Rp 1.500.000,00 s.d 01/01") == 1500000);
  CHECK(modem::balance_in("Balance IDR 25,000. Valid until") == 25000);
  CHECK(modem::balance_in("Pulsa Rp.24025.Aktif") == 24025);
}

TEST_CASE("an amount far from the word, or none, is no balance", "[ussd][balance]") {
  CHECK_FALSE(modem::balance_in("Transfer pulsa gagal. Silakan coba lagi 1 jam lagi"));
  CHECK_FALSE(modem::balance_in("1.Paket Internet 2.Cek Kuota 3.Info"));
  CHECK_FALSE(modem::balance_in(""));
}

TEST_CASE("a +CUSD line is read with and without its text", "[ussd][at]") {
  const auto menu = at::parse_cusd("+CUSD: 1,\"1.Cek Pulsa, 2.Paket\",15");
  REQUIRE(menu);
  CHECK(menu->status == 1);
  CHECK(menu->text == "1.Cek Pulsa, 2.Paket");
  CHECK(menu->dcs == 15);
  const auto ended = at::parse_cusd("+CUSD: 2");
  REQUIRE(ended);
  CHECK_FALSE(ended->text);
  CHECK_FALSE(at::parse_cusd("+CUSD: 9,\"x\",15"));
  CHECK_FALSE(at::parse_cusd("+CSQ: 20,99"));
}

TEST_CASE("lines fed while no +CUSD is open are not taken for an answer", "[ussd][at]") {
  at::cusd_lines collector;
  CHECK_FALSE(collector.feed("^RSSI: 12", false));
  CHECK_FALSE(collector.open());
  CHECK(collector.feed("+CUSD: 0,\"Pulsa Rp 100\",15", true) == "+CUSD: 0,\"Pulsa Rp 100\",15");
}

TEST_CASE("an answer that never closes its quote stops collecting lines", "[ussd][at]") {
  at::cusd_lines collector;
  CHECK_FALSE(collector.feed("+CUSD: 0,\"Sisa pulsa", true));
  const std::string noise(100, 'x');
  for (int i = 0; i < 30; ++i) collector.feed(noise, false);
  CHECK_FALSE(collector.open());
  CHECK_FALSE(collector.feed("\",15", false));
}
