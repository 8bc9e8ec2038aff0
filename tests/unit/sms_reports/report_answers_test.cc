// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_answers.h"

#include <catch2/catch.hpp>

using namespace siaran::daemon::sms_reports;

namespace {

const report_reading skdn_november{
    "SKDN", {2026, 11}, {{"S", 52}, {"K", 50}, {"D", 45}, {"N", 38}}};

}  // namespace

TEST_CASE("a confirmation repeats the posyandu, the month and every value") {
  CHECK(report_confirmed(default_skdn_form(), "Melati", skdn_november, false) ==
        "Terima kasih, laporan SKDN Posyandu Melati November 2026: S 52, K 50, D 45, N 38");
}

TEST_CASE("a confirmation says when it replaced an earlier report") {
  CHECK(report_confirmed(default_skdn_form(), "Posyandu Melati", skdn_november, true) ==
        "Terima kasih, laporan SKDN Posyandu Melati November 2026: S 52, K 50, D 45, N 38 "
        "(mengganti laporan sebelumnya)");
}

TEST_CASE("a confirmation shows a text value as it was typed") {
  report_reading reading = skdn_november;
  reading.values.emplace_back("KET", "hujan");
  CHECK(
      report_confirmed(default_skdn_form(), "Mawar", reading, false) ==
      "Terima kasih, laporan SKDN Posyandu Mawar November 2026: S 52, K 50, D 45, N 38, KET hujan");
}

TEST_CASE("a correction says what is wrong and the format with an example") {
  const auto read = read_report(default_skdn_form(), "SKDN 52 50 45", {2026, 11});
  CHECK(report_corrected(default_skdn_form(), std::get<report_refusal>(read)) ==
        "Laporan SKDN belum diterima: Nilai N (berat badan naik) belum ada. Format: SKDN S K D N, "
        "contoh: SKDN 52 50 "
        "45 38");
  const auto typo = read_report(default_skdn_form(), "SKDN 52 50 3O 38", {2026, 11});
  CHECK(report_corrected(default_skdn_form(), std::get<report_refusal>(typo)) ==
        "Laporan SKDN belum diterima: '3O' untuk D (balita ditimbang) bukan angka. Format: SKDN S "
        "K D N, contoh: SKDN "
        "52 50 45 38");
}

TEST_CASE("a sender who is not a cadre of a posyandu is told whom to ask") {
  CHECK(report_sender_unknown(default_skdn_form()) ==
        "Nomor Anda belum terdaftar sebagai kader Posyandu di Pokjanal, laporan SKDN belum bisa "
        "diterima. Hubungi "
        "sekretariat Pokjanal.");
  CHECK(report_sender_not_allowed(default_skdn_form()) ==
        "Nomor Anda belum terdaftar untuk mengirim laporan SKDN (Posyandu atau peran belum "
        "sesuai). Hubungi "
        "sekretariat Pokjanal.");
}

TEST_CASE("the usual answers fit one SMS") {
  const auto read = read_report(default_skdn_form(), "SKDN 52 50 30 38", {2026, 11});
  CHECK(report_corrected(default_skdn_form(), std::get<report_refusal>(read)).size() <= 160);
  CHECK(report_confirmed(default_skdn_form(), "Melati", skdn_november, true).size() <= 160);
  CHECK(report_sender_unknown(default_skdn_form()).size() <= 160);
  CHECK(report_sender_not_allowed(default_skdn_form()).size() <= 160);
  CHECK(default_skdn_form().reminder->text.size() <= 160);
}
