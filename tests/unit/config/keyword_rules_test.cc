// SPDX-License-Identifier: GPL-3.0-or-later
// The rules every set of inbox keywords follows, from the YAML or from the web page
// (config/keyword_rules.h).

#include "config/keyword_rules.h"

#include <catch2/catch.hpp>

using namespace siaran::config;

TEST_CASE("a keyword is one word of 1 to 20 letters") {
  CHECK_FALSE(keyword_refusal("Info"));
  CHECK_FALSE(keyword_refusal(std::string(20, 'A')));
  CHECK(keyword_refusal("") == "'' is not a keyword: one word of 1 to 20 letters");
  CHECK(keyword_refusal("INFO2"));
  CHECK(keyword_refusal("JADWAL POSYANDU"));
  CHECK(keyword_refusal(std::string(21, 'A')));
}

TEST_CASE("an automatic answer is not empty and fits two SMS, counted in characters") {
  CHECK_FALSE(answer_refusal("Jadwal Posyandu Selasa."));
  CHECK(answer_refusal("  ") == "the answer is empty");
  CHECK_FALSE(answer_refusal(std::string(306, 'a')));
  CHECK(answer_refusal(std::string(307, 'a')) ==
        "the answer has 307 characters, more than the 306 of two SMS");
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "\xC3\xA9";  // é: two bytes, one character
  CHECK_FALSE(answer_refusal(accented));
}

TEST_CASE("a word in two lists clashes once, named with both kinds, in any case") {
  const std::vector<std::string> attend{"HADIR", "YA"};
  const std::vector<std::string> decline{"TIDAK"};
  const std::vector<std::string> own{"info", "ya", "Info"};
  const auto clashes =
      keyword_clashes({{"attend", &attend}, {"decline", &decline}, {"auto_replies", &own}});
  REQUIRE(clashes.size() == 2);
  CHECK(clashes[0].reason() == "'YA' is a keyword of both attend and auto_replies");
  CHECK(clashes[1].reason() == "'INFO' is a keyword of both auto_replies and auto_replies");
}
