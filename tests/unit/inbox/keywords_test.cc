// SPDX-License-Identifier: GPL-3.0-or-later
// Which replies are keywords (daemon/inbox/keywords.h): a table of what cadres actually write.

#include <catch2/catch.hpp>

#include <utility>

#include "daemon/inbox/keywords.h"

using siaran::daemon::inbox::keyword_kind;
using siaran::daemon::inbox::keyword_lists;
using siaran::daemon::inbox::keyword_table;

namespace {

struct row {
  const char* text;
  std::optional<keyword_kind> kind;  // none: free text
  const char* word = "";
};

}  // namespace

TEST_CASE("a reply that is a keyword is recognised in any case and spacing; free text is not") {
  const keyword_table table;
  const row rows[] = {
      {"BERHENTI", keyword_kind::stop, "BERHENTI"},
      {"berhenti", keyword_kind::stop, "BERHENTI"},
      {"  Stop  ", keyword_kind::stop, "STOP"},
      {"Berhenti!", keyword_kind::stop, "BERHENTI"},
      {"\nstop.\n", keyword_kind::stop, "STOP"},
      {"gabung", keyword_kind::start, "GABUNG"},
      {"START", keyword_kind::start, "START"},
      {"hadir", keyword_kind::attend, "HADIR"},
      {"Ya", keyword_kind::attend, "YA"},
      {"TIDAK.", keyword_kind::decline, "TIDAK"},
      {"GANTI 081234567890", keyword_kind::change_number, "GANTI"},
      {"stop dulu ya bu", std::nullopt},
      {"STOPKONTAK rusak", std::nullopt},
      {"saya tidak bisa datang", std::nullopt},
      {"Yah, maaf bu", std::nullopt},
      {"Terima kasih bu, HADIR", std::nullopt},
      {"", std::nullopt},
      {"   ", std::nullopt},
      {"0812", std::nullopt},
  };
  for (const row& r : rows) {
    INFO("reply: '" << r.text << "'");
    const auto match = table.recognise(r.text, "ID");
    REQUIRE(match.has_value() == r.kind.has_value());
    if (!match) continue;
    CHECK(match->kind == *r.kind);
    CHECK(match->word == r.word);
  }
}

TEST_CASE("HADIR and TIDAK may carry a short note, a long letter is free text") {
  const keyword_table table;
  const auto three = table.recognise("HADIR 3 orang", "ID");
  REQUIRE(three);
  CHECK(three->kind == keyword_kind::attend);
  CHECK(three->note == "3 orang");
  const auto sick = table.recognise("Tidak, sedang sakit.", "ID");
  REQUIRE(sick);
  CHECK(sick->kind == keyword_kind::decline);
  CHECK(sick->note == "sedang sakit");
  CHECK_FALSE(table.recognise("Ya bu, nanti saya sampaikan ke semua kader di posyandu kami bahwa rapatnya dimajukan "
                              "ke hari Senin jam sembilan pagi",
                              "ID"));
}

TEST_CASE("GANTI reads the new number in any local form") {
  const keyword_table table;
  const char* forms[] = {"GANTI 0812-3456-7890", "ganti 081234567890", "GANTI: 0812 3456 7890",
                         "  Ganti   +6281234567890 .", "GANTI0812-3456-7890", "ganti 62 812 3456 7890"};
  for (const char* text : forms) {
    INFO("reply: '" << text << "'");
    const auto match = table.recognise(text, "ID");
    REQUIRE(match);
    CHECK(match->kind == keyword_kind::change_number);
    CHECK(match->number == "+6281234567890");
    CHECK_FALSE(match->error);
  }
}

TEST_CASE("GANTI without a number that parses is still GANTI, with an error to answer") {
  const keyword_table table;
  for (const char* text : {"GANTI", "ganti nomor", "GANTI 12"}) {
    INFO("reply: '" << text << "'");
    const auto match = table.recognise(text, "ID");
    REQUIRE(match);
    CHECK(match->kind == keyword_kind::change_number);
    CHECK_FALSE(match->number);
    CHECK(match->error);
  }
}

TEST_CASE("GANTI followed by words keeps them as the name a cadre on a new SIM gives") {
  const keyword_table table;
  const std::pair<const char*, const char*> forms[] = {{"GANTI Siti Aminah", "Siti Aminah"},
                                                       {"ganti: ibu siti.", "ibu siti"},
                                                       {"Ganti  Euis Posyandu Mawar 2", "Euis Posyandu Mawar 2"}};
  for (const auto& [text, name] : forms) {
    INFO("reply: '" << text << "'");
    const auto match = table.recognise(text, "ID");
    REQUIRE(match);
    CHECK(match->kind == keyword_kind::change_number);
    CHECK_FALSE(match->number);
    CHECK(match->name == name);
  }
  CHECK_FALSE(table.recognise("GANTI 12", "ID")->name);
  CHECK_FALSE(table.recognise("GANTI 0812-3456-7890", "ID")->name);
}

TEST_CASE("configured keywords replace the defaults") {
  keyword_lists lists;
  lists.stop = {"keluar"};
  const keyword_table table(lists);
  const auto keluar = table.recognise("Keluar", "ID");
  REQUIRE(keluar);
  CHECK(keluar->kind == keyword_kind::stop);
  CHECK(keluar->word == "KELUAR");
  CHECK_FALSE(table.recognise("BERHENTI", "ID"));
}
