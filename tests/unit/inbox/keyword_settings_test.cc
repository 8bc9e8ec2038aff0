// SPDX-License-Identifier: GPL-3.0-or-later
// The keyword settings an admin saves in Pengaturan (daemon/inbox/keyword_settings.h): read
// from the API's JSON and refused by the YAML's rules, each problem naming its field and word.

#include "daemon/inbox/keyword_settings.h"

#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "tests/support/temp_dir.h"

using namespace siaran::daemon::inbox;
using nlohmann::json;

TEST_CASE("the settings read from JSON keep what the body leaves out and upper-case the words") {
  const keyword_settings base;
  const auto read = keyword_settings_from_json(
      json{{"stop", {"keluar", "Stop"}},
           {"answers", {{"stop", "Anda keluar."}}},
           {"auto_replies", {{{"word", "info"}, {"answer", "Jadwal Posyandu Selasa."}}}}},
      base);
  CHECK(read.lists.stop == std::vector<std::string>{"KELUAR", "STOP"});
  CHECK(read.lists.attend == base.lists.attend);
  CHECK(read.answers.stop == "Anda keluar.");
  CHECK(read.answers.start == base.answers.start);
  REQUIRE(read.auto_replies.size() == 1);
  CHECK(read.auto_replies[0].word == "INFO");
  CHECK(keyword_problems(read).empty());
  CHECK(keyword_settings_from_json(keyword_settings_json(read), {}) == read);
}

TEST_CASE("a body of the wrong shape is refused naming the field") {
  const keyword_settings base;
  CHECK_THROWS_WITH(keyword_settings_from_json(json{{"stopp", json::array()}}, base),
                    "stopp: unknown field");
  CHECK_THROWS_WITH(keyword_settings_from_json(json{{"stop", "BERHENTI"}}, base),
                    "stop: must be a list of words");
  CHECK_THROWS_WITH(keyword_settings_from_json(json{{"answers", {{"change_number", "x"}}}}, base),
                    "answers.change_number: unknown field");
  CHECK_THROWS_WITH(keyword_settings_from_json(json{{"auto_replies", {{{"word", "INFO"}}}}}, base),
                    "auto_replies[0]: must be {\"word\", \"answer\"}");
}

TEST_CASE("every broken rule is a problem naming its field, its word and the rule") {
  keyword_settings s;
  s.lists.attend = {"HADIR", "YA", "STOP"};
  s.lists.decline = {"TIDAK MAU"};
  s.answers.attend = "";
  s.auto_replies = {{"INFO", std::string(400, 'x')}, {"YA", "Ya apa?"}};
  const auto problems = keyword_problems(s);
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].field == "decline");
  CHECK(problems[0].word == "TIDAK MAU");
  CHECK(problems[0].error == "'TIDAK MAU' is not a keyword: one word of 1 to 20 letters");
  CHECK(problems[1].field == "answers.attend");
  CHECK(problems[1].error == "the answer is empty");
  CHECK(problems[2].field == "auto_replies[0].answer");
  CHECK(problems[2].word == "INFO");
  CHECK(problems[3].field == "attend");
  CHECK(problems[3].error == "'STOP' is a keyword of both stop and attend");
  CHECK(problems[4].field == "auto_replies");
  CHECK(problems[4].error == "'YA' is a keyword of both attend and auto_replies");
}

TEST_CASE(
    "the YAML's settings are the configuration's lists and auto replies with the built-in "
    "answers") {
  siaran::config::inbox_config inbox;
  inbox.auto_replies = {{"INFO", "Jadwal."}};
  const keyword_settings s = keyword_settings_of(inbox);
  CHECK(s.lists == inbox.keywords);
  CHECK(s.auto_replies == inbox.auto_replies);
  CHECK(s.answers.stop == confirmations::opted_out);
}

TEST_CASE("saved settings come back from the store as saved, and are gone once forgotten") {
  siaran::test::temp_dir dir;
  siaran::daemon::store_books books(dir.path() / "siaran.db");
  CHECK_FALSE(load_saved_keywords(books.events));
  keyword_settings saved;
  saved.lists.stop = {"KELUAR"};
  saved.auto_replies = {{"INFO", "Jadwal."}};
  save_keywords(books.events, saved);
  CHECK(load_saved_keywords(books.events) == saved);
  forget_saved_keywords(books.events);
  CHECK_FALSE(load_saved_keywords(books.events));
  books.events.set_setting("keywords", "{not json");
  CHECK_THROWS_AS(load_saved_keywords(books.events), std::invalid_argument);
}
