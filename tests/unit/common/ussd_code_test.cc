// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "common/ussd_code.h"

using siaran::common::valid_ussd_code;

TEST_CASE("a USSD code is digits, stars and hashes ending in a hash", "[common]") {
  CHECK(valid_ussd_code("*888#"));
  CHECK(valid_ussd_code("*123*2#"));
  CHECK_FALSE(valid_ussd_code("*888"));
  CHECK_FALSE(valid_ussd_code("*888#\",15\r\nAT+CMGD=1,4\r\n#"));
  CHECK_FALSE(valid_ussd_code("#"));
}
