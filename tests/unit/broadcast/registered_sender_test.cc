// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/broadcast/registered_sender.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using siaran::daemon::broadcast::choose_sender;
using siaran::daemon::broadcast::registered_sender;
using siaran::daemon::broadcast::reply_line;

TEST_CASE("the number to answer is written as cadres write it", "[broadcast][smpp]") {
  CHECK(reply_line("+6281234567890") == "Balas ke 0812-3456-7890");
  CHECK(reply_line("+628123456789") == "Balas ke 0812-3456-789");
  CHECK(reply_line("+62812345678901") == "Balas ke 0812-3456-78901");
  CHECK(reply_line("+60123456789") == "Balas ke +60123456789");
}

TEST_CASE("a masked broadcast goes from a registered name, the asked one or the first", "[broadcast][smpp]") {
  const std::vector<registered_sender> names{{"POKJANALKBB", "+6281234567890", "s1"}, {"DINKESKBB", std::nullopt, "s2"}};
  CHECK(choose_sender(names, std::nullopt).name == "POKJANALKBB");
  CHECK(choose_sender(names, "DINKESKBB").name == "DINKESKBB");
  CHECK_FALSE(choose_sender(names, "DINKESKBB").reply_number);
  CHECK_THROWS_WITH(choose_sender(names, "POSYANDU"),
                    "sender 'POSYANDU' is not a registered name of any SMPP bind (registered: POKJANALKBB, DINKESKBB)");
  CHECK_THROWS_AS(choose_sender({}, std::nullopt), std::invalid_argument);
}
