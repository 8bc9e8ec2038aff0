// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/reports/head_count.h"

using siaran::daemon::reports::head_count;

TEST_CASE("a count right after the keyword is the head count", "[reports][head_count]") {
  CHECK(head_count("HADIR 3 orang") == 3);
  CHECK(head_count("HADIR 3") == 3);
  CHECK(head_count("hadir3org") == 3);
  CHECK(head_count("Ya, 2") == 2);
  CHECK(head_count("HADIR tiga orang") == 3);
  CHECK(head_count("hadir Sepuluh") == 10);
  CHECK(head_count("HADIR 12 orang kader") == 12);
}

TEST_CASE("a count before 'orang' further on is the head count", "[reports][head_count]") {
  CHECK(head_count("Hadir bersama 2 orang") == 2);
  CHECK(head_count("YA insya Allah, kami 4 org") == 4);
}

TEST_CASE("a plain attending reply counts the cadre alone", "[reports][head_count]") {
  CHECK(head_count("HADIR") == 1);
  CHECK(head_count("  hadir!") == 1);
  CHECK(head_count("HADIR jam 9") == 1);
  CHECK(head_count("Ya insya Allah") == 1);
  CHECK(head_count("") == 1);
}

TEST_CASE("a number that cannot be a head count counts the cadre alone", "[reports][head_count]") {
  CHECK(head_count("HADIR 0") == 1);
  CHECK(head_count("HADIR 2026") == 1);
  CHECK(head_count("HADIR 100 orang") == 1);
  CHECK(head_count("HADIR 99999999999999999999999") == 1);
}
