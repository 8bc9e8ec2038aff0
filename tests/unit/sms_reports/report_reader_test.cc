// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace siaran::daemon::sms_reports;
using values = std::vector<std::pair<std::string, report_value>>;

namespace {

constexpr report_period november{2026, 11};
const values skdn_52_50_45_38{{"S", 52}, {"K", 50}, {"D", 45}, {"N", 38}};

report_reading reading_of(const report_form& form, const std::string& text,
                          report_period current = november) {
  INFO(text);
  const auto read = read_report(form, text, current);
  if (const auto* refusal = std::get_if<report_refusal>(&read))
    FAIL("refused: " << refusal->problem);
  return std::get<report_reading>(read);
}

report_reading skdn(const std::string& text, report_period current = november) {
  return reading_of(default_skdn_form(), text, current);
}

std::string problem_of(const report_form& form, const std::string& text) {
  INFO(text);
  const auto read = read_report(form, text, november);
  if (std::holds_alternative<report_reading>(read)) FAIL("read, not refused");
  const auto& refusal = std::get<report_refusal>(read);
  CHECK(refusal.form == form.code);
  return refusal.problem;
}

std::string skdn_problem(const std::string& text) { return problem_of(default_skdn_form(), text); }

// SKDN with a note (KET) and how many were weighed for the first time (BARU), both optional.
report_form skdn_with_notes() {
  report_form form = default_skdn_form();
  form.fields.push_back(
      form_field{"BARU", "balita baru", field_type::integer, std::nullopt, std::nullopt, true});
  form.fields.push_back(
      form_field{"KET", "keterangan", field_type::text, std::nullopt, std::nullopt, true});
  return form;
}

}  // namespace

TEST_CASE("a report is the form's values in order, for the month it arrived in") {
  const auto read = skdn("SKDN 52 50 45 38");
  CHECK(read.form == "SKDN");
  CHECK(read.period == report_period{2026, 11});
  CHECK(read.values == skdn_52_50_45_38);
}

TEST_CASE("a report is read in any case with any separators people type between values") {
  for (const char* text :
       {"skdn 52 50 45 38", "Skdn 52 50 45 38", "  SKDN   52  50\t45 38  ", "SKDN 52,50,45,38",
        "SKDN 52, 50, 45, 38", "skdn 52. 50. 45. 38", "SKDN: 52 50 45 38", "SKDN 52;50;45;38",
        "SKDN 52-50-45-38", "SKDN 52/50/45/38", "SKDN\n52\n50\n45\n38", "SKDN52 50 45 38",
        "SKDN-52-50-45-38", "SKDN 52 - 50 - 45 - 38", "SKDN 52.50.45.38"}) {
    CHECK(skdn(text).values == skdn_52_50_45_38);
  }
}

TEST_CASE("labelled values are read in any order and any spelling of the label") {
  for (const char* text :
       {"SKDN S52 K50 D45 N38", "SKDN S=52, K=50, D=45, N=38", "skdn s: 52 k: 50 d: 45 n: 38",
        "SKDN S 52 K 50 D 45 N 38", "SKDN N38 D45 K50 S52", "SKDN K=50 S=52 N=38 D=45",
        "SKDN S52K50D45N38", "SKDN s.52 k.50 d.45 n.38"}) {
    CHECK(skdn(text).values == skdn_52_50_45_38);
  }
}

TEST_CASE("a month may come before the values, as a number, a name or after BLN") {
  for (const char* text :
       {"SKDN 9 52 50 45 38", "SKDN SEP 52 50 45 38", "SKDN sept 52,50,45,38",
        "SKDN September 52 50 45 38", "SKDN BLN 9 52 50 45 38", "SKDN bulan 09 52 50 45 38",
        "SKDN 9 S52 K50 D45 N38", "SKDN SEP S=52 K=50 D=45 N=38", "SKDN 9.52.50.45.38"}) {
    INFO(text);
    const auto read = skdn(text);
    CHECK(read.period == report_period{2026, 9});
    CHECK(read.values == skdn_52_50_45_38);
  }
}

TEST_CASE("a named month is the latest such month, never one still to come") {
  CHECK(skdn("SKDN 11 52 50 45 38").period == report_period{2026, 11});
  CHECK(skdn("SKDN NOV 52 50 45 38").period == report_period{2026, 11});
  CHECK(skdn("SKDN Nov 52 50 45 38").period == report_period{2026, 11});
  CHECK(skdn("SKDN November 52 50 45 38").period == report_period{2026, 11});
  CHECK(skdn("SKDN DES 52 50 45 38", {2027, 1}).period == report_period{2026, 12});
  CHECK(skdn("SKDN 12 52 50 45 38", {2027, 1}).period == report_period{2026, 12});
  CHECK(skdn("SKDN DES 52 50 45 38", {2026, 12}).period == report_period{2026, 12});
  CHECK(skdn("SKDN 52 50 45 38", {2027, 1}).period == report_period{2027, 1});
}

TEST_CASE("a dot between digits is a thousands separator when the value is one number") {
  report_form big = default_skdn_form();
  for (auto& field : big.fields) field.max.reset();
  CHECK(reading_of(big, "SKDN S 1.052 K 1.000 D 900 N 800").values ==
        values{{"S", 1052}, {"K", 1000}, {"D", 900}, {"N", 800}});
  CHECK(reading_of(big, "SKDN 1.052 1.000 900 800").values ==
        values{{"S", 1052}, {"K", 1000}, {"D", 900}, {"N", 800}});
  CHECK(reading_of(big, "SKDN S=1.200.000 K=1.000 D=900 N=800").values.front() ==
        std::pair<std::string, report_value>{"S", 1200000});
}

TEST_CASE("dots separate values when only that gives the form's count") {
  CHECK(skdn("SKDN 52.50.45.38").values == skdn_52_50_45_38);
  CHECK(skdn("SKDN 520.500.450.380").values ==
        values{{"S", 520}, {"K", 500}, {"D", 450}, {"N", 380}});
  CHECK(skdn("SKDN 11.520.500.450.380").period == report_period{2026, 11});
}

TEST_CASE("a letter typed for a digit is refused, never guessed") {
  CHECK(skdn_problem("SKDN 52 50 3O 38") == "'3O' untuk D (balita ditimbang) bukan angka.");
  CHECK(skdn_problem("SKDN 52 50 45 l") == "'l' untuk N (berat badan naik) bukan angka.");
  CHECK(skdn_problem("SKDN 5l 50 45 38") == "'5l' untuk S (jumlah balita) bukan angka.");
  CHECK(skdn_problem("SKDN S52 K50 D3O N38") == "'3O' untuk D (balita ditimbang) bukan angka.");
  CHECK(skdn_problem("SKDN S52 K50 D l N38") == "'l' untuk D (balita ditimbang) bukan angka.");
}

TEST_CASE("a missing value is named with its label") {
  CHECK(skdn_problem("SKDN 52 50 45") == "Nilai N (berat badan naik) belum ada.");
  CHECK(skdn_problem("SKDN 52 50") ==
        "Nilai D (balita ditimbang) dan N (berat badan naik) belum ada.");
  CHECK(skdn_problem("SKDN 52") ==
        "Nilai K (balita punya KMS), D (balita ditimbang) dan N (berat badan naik) belum ada.");
  CHECK(skdn_problem("SKDN S52 K50 N38") == "Nilai D (balita ditimbang) belum ada.");
  CHECK(skdn_problem("SKDN S K50 D45 N38") == "Nilai S (jumlah balita) belum ada.");
  CHECK(skdn_problem("SKDN S52 K50 D45 N") == "Nilai N (berat badan naik) belum ada.");
  CHECK(skdn_problem("SKDN") == "Nilai laporan SKDN belum ada.");
  CHECK(skdn_problem("SKDN NOV") == "Nilai laporan SKDN belum ada.");
}

TEST_CASE("more values than the form has are refused") {
  CHECK(skdn_problem("SKDN 11 52 50 45 38 30") ==
        "Terlalu banyak nilai: laporan SKDN berisi 4 nilai (S K D N), terkirim 6.");
  CHECK(skdn_problem("SKDN NOV 52 50 45 38 30") ==
        "Terlalu banyak nilai: laporan SKDN berisi 4 nilai (S K D N), terkirim 5.");
  CHECK(skdn_problem("SKDN 52 50 45 38 30") ==
        "Nilai pertama '52' bukan bulan, dan laporan SKDN hanya berisi 4 nilai (S K D N).");
}

TEST_CASE("a month that is not a month is refused") {
  CHECK(skdn_problem("SKDN 13 52 50 45 38") ==
        "Nilai pertama '13' bukan bulan, dan laporan SKDN hanya berisi 4 nilai (S K D N).");
  CHECK(skdn_problem("SKDN BLN 13 52 50 45 38") ==
        "Bulan '13' tidak dikenal; tulis 1 sampai 12 atau nama bulan.");
  CHECK(skdn_problem("SKDN BLN NOVEMBR 52 50 45 38") ==
        "Bulan 'NOVEMBR' tidak dikenal; tulis 1 sampai 12 atau nama bulan.");
  CHECK(skdn_problem("SKDN BLN") ==
        "Bulan belum ditulis setelah BLN; tulis 1 sampai 12 atau nama bulan.");
  CHECK(skdn_problem("SKDN NOVEMBR 52 50 45 38") ==
        "Nilai pertama 'NOVEMBR' bukan bulan, dan laporan SKDN hanya berisi 4 nilai (S K D N).");
}

TEST_CASE("a value outside its field's limits is refused with the limit") {
  CHECK(skdn_problem("SKDN S 100000 K 50 D 45 N 38") ==
        "S (jumlah balita) 100000 melebihi batas 9999.");
  CHECK(skdn_problem("SKDN 52 -5 45 38") == "K (balita punya KMS) -5 kurang dari batas 0.");
  CHECK(skdn_problem("SKDN S=-5 K=0 D=0 N=0") == "S (jumlah balita) -5 kurang dari batas 0.");
  CHECK(skdn_problem("SKDN 99999999999999999999 50 45 38") ==
        "S (jumlah balita) 99999999999999999999 melebihi batas 9999.");
  report_form unbounded = default_skdn_form();
  unbounded.fields[0].max.reset();
  CHECK(problem_of(unbounded, "SKDN 99999999999999999999 50 45 38") ==
        "S (jumlah balita) 99999999999999999999 terlalu besar.");
}

TEST_CASE("a decimal is not a whole number") {
  CHECK(skdn_problem("SKDN S 52.5 K 50 D 45 N 38") ==
        "'52.5' untuk S (jumlah balita) bukan bilangan bulat.");
}

TEST_CASE("a broken rule is said the way its operator reads") {
  CHECK(skdn_problem("SKDN 52 50 30 38") ==
        "N (berat badan naik) 38 tidak boleh lebih dari D (balita ditimbang) 30.");
  CHECK(skdn_problem("SKDN 52 60 45 38") ==
        "K (balita punya KMS) 60 tidak boleh lebih dari S (jumlah balita) 52.");
  report_form form = default_skdn_form();
  const auto broken = [&](comparison op, const char* text) {
    form.rules = {form_rule{"N", op, "D"}};
    return problem_of(form, text);
  };
  CHECK(broken(comparison::less, "SKDN 52 50 45 45") ==
        "N (berat badan naik) 45 harus kurang dari D (balita ditimbang) 45.");
  CHECK(broken(comparison::greater_equal, "SKDN 52 50 45 38") ==
        "N (berat badan naik) 38 tidak boleh kurang dari D (balita ditimbang) 45.");
  CHECK(broken(comparison::greater, "SKDN 52 50 45 45") ==
        "N (berat badan naik) 45 harus lebih dari D (balita ditimbang) 45.");
  CHECK(broken(comparison::equal, "SKDN 52 50 45 38") ==
        "N (berat badan naik) 38 harus sama dengan D (balita ditimbang) 45.");
}

TEST_CASE("a label given twice or not of the form is refused") {
  CHECK(skdn_problem("SKDN S52 K50 K45 N38") == "K (balita punya KMS) ditulis dua kali.");
  CHECK(skdn_problem("SKDN S52 K50 X45 N38") == "X bukan kolom laporan SKDN.");
  CHECK(skdn_problem("SKDN S52 K50 D45 N38 TOTAL 60") == "TOTAL bukan kolom laporan SKDN.");
}

TEST_CASE("labelled and positional values are not mixed") {
  CHECK(skdn_problem("SKDN 52 K50 D45 N38") ==
        "Nilai '52' tidak berlabel: tulis semua nilai dengan label atau semua tanpa label.");
  CHECK(skdn_problem("SKDN S52 50 D45 N38") ==
        "Nilai '50' tidak berlabel: tulis semua nilai dengan label atau semua tanpa label.");
  CHECK(skdn_problem("SKDN 52 50 45 N38") ==
        "Nilai '52' tidak berlabel: tulis semua nilai dengan label atau semua tanpa label.");
}

TEST_CASE("an optional field may be left out, and is absent from the reading") {
  const report_form form = skdn_with_notes();
  CHECK(reading_of(form, "SKDN 52 50 45 38").values == skdn_52_50_45_38);
  CHECK(reading_of(form, "SKDN 52 50 45 38 3").values ==
        values{{"S", 52}, {"K", 50}, {"D", 45}, {"N", 38}, {"BARU", 3}});
  CHECK(reading_of(form, "SKDN S52 K50 D45 N38 KET hujan").values ==
        values{{"S", 52}, {"K", 50}, {"D", 45}, {"N", 38}, {"KET", "hujan"}});
}

TEST_CASE("a rule whose field was left out is skipped") {
  report_form form = skdn_with_notes();
  form.rules.push_back(form_rule{"BARU", comparison::less_equal, "D"});
  CHECK(reading_of(form, "SKDN 52 50 45 38").values == skdn_52_50_45_38);
  CHECK(problem_of(form, "SKDN 52 50 45 38 46") ==
        "BARU (balita baru) 46 tidak boleh lebih dari D (balita ditimbang) 45.");
}

TEST_CASE("a text field takes one word as typed, positional or after its label") {
  const report_form form = skdn_with_notes();
  CHECK(reading_of(form, "SKDN 52 50 45 38 0 Hujan").values.back() ==
        std::pair<std::string, report_value>{"KET", "Hujan"});
  CHECK(reading_of(form, "SKDN KET: 3O S52 K50 D45 N38").values.back() ==
        std::pair<std::string, report_value>{"KET", "3O"});
  CHECK(problem_of(form, "SKDN 52 50 45 38 0 hujan deras sekali") ==
        "Terlalu banyak nilai: laporan SKDN berisi 6 nilai (S K D N BARU KET), terkirim 8.");
}

TEST_CASE("a message that does not start with the form's code is not read as that form") {
  CHECK(skdn_problem("SKDNX 52 50 45 38") == "Pesan tidak diawali kode SKDN.");
  CHECK(skdn_problem("Laporan SKDN 52 50 45 38") == "Pesan tidak diawali kode SKDN.");
  CHECK(skdn_problem("") == "Pesan tidak diawali kode SKDN.");
}

TEST_CASE("the form is recognised by the code that starts the message") {
  report_form gizi = default_skdn_form();
  gizi.code = "GIZI";
  report_form skdn2 = default_skdn_form();
  skdn2.code = "SKDN2";
  report_form old = default_skdn_form();
  old.code = "SKDNLAMA";
  old.active = false;
  const std::vector<report_form> forms{default_skdn_form(), gizi, skdn2, old};
  CHECK(recognise_form("SKDN 52 50 45 38", forms) == &forms[0]);
  CHECK(recognise_form("  skdn: 52", forms) == &forms[0]);
  CHECK(recognise_form("SKDN52 50 45 38", forms) == &forms[0]);
  CHECK(recognise_form("SKDN", forms) == &forms[0]);
  CHECK(recognise_form("gizi 1 2", forms) == &forms[1]);
  CHECK(recognise_form("SKDN2 52 50 45 38", forms) == &forms[2]);
  CHECK(recognise_form("SKDNX 52", forms) == nullptr);
  CHECK(recognise_form("SKDNLAMA 52 50 45 38", forms) == nullptr);
  CHECK(recognise_form("HADIR", forms) == nullptr);
  CHECK(recognise_form("", forms) == nullptr);
}

TEST_CASE("a long run of text is quoted cut short, so the correction stays one SMS") {
  CHECK(skdn_problem("SKDN 52 50 45 terimakasihbanyakbuibidan") ==
        "'terimakasihbanyakbui...' untuk N (berat badan naik) bukan angka.");
  CHECK(
      skdn_problem("SKDN 52 50 45 "
                   "ibu\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9") ==
      "'ibu\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9...' untuk N (berat "
      "badan naik) bukan angka.");
}

TEST_CASE("the example a reminder gives for a month already over is read for that month, every month") {
  const report_period january{2027, 1};
  for (unsigned month = 1; month <= 12; ++month) {
    const std::string format = expected_format(default_skdn_form(), month);
    const std::string example = format.substr(format.find("contoh: ") + 8);
    const auto read = skdn(example, january);
    CHECK(read.period == named_month(month, january));
    CHECK(read.values == skdn_52_50_45_38);
  }
  CHECK(expected_format(default_skdn_form(), 11) == "SKDN NOV S K D N, contoh: SKDN NOV 52 50 45 38");
}
