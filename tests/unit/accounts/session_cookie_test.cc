// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/session_cookie.h"

#include <catch2/catch.hpp>

using namespace siaran::daemon::accounts;

TEST_CASE("the session cookie is found among others, spaces or not", "[accounts][cookie]") {
  CHECK(session_cookie("siaran_session=abc") == "abc");
  CHECK(session_cookie("theme=dark; siaran_session=abc; lang=id") == "abc");
  CHECK(session_cookie("theme=dark;siaran_session=abc") == "abc");
  CHECK(session_cookie("  siaran_session = abc ;x=1") == "abc");
  CHECK(session_cookie("siaran_session=\"abc\"") == "abc");
}

TEST_CASE("no session cookie: absent, empty, or only a similar name", "[accounts][cookie]") {
  CHECK_FALSE(session_cookie(""));
  CHECK_FALSE(session_cookie("theme=dark"));
  CHECK_FALSE(session_cookie("siaran_session="));
  CHECK_FALSE(session_cookie("old_siaran_session=abc; siaran_sessionx=def"));
  CHECK_FALSE(session_cookie("siaran_session"));
}

TEST_CASE("the set cookie is HttpOnly, SameSite=Strict, for the whole site, with its age", "[accounts][cookie]") {
  const std::string set = session_set_cookie("tok123", std::chrono::hours(24 * 7));
  CHECK(set.rfind("siaran_session=tok123;", 0) == 0);
  CHECK(set.find("; Path=/") != std::string::npos);
  CHECK(set.find("; HttpOnly") != std::string::npos);
  CHECK(set.find("; SameSite=Strict") != std::string::npos);
  CHECK(set.find("; Max-Age=604800") != std::string::npos);
}

TEST_CASE("the clearing cookie is empty with Max-Age=0", "[accounts][cookie]") {
  const std::string clear = session_clear_cookie();
  CHECK(clear.rfind("siaran_session=;", 0) == 0);
  CHECK(clear.find("Max-Age=0") != std::string::npos);
  CHECK_FALSE(session_cookie(clear.substr(0, clear.find(';'))));
}
