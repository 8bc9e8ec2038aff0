// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran token new NAME`: the token is shown once with the sha256 the config keeps.

#include <catch2/catch.hpp>

#include <sstream>

#include "daemon/http/api_token.h"
#include "tests/support/child_process.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";

struct printed_token {
  std::string token;
  std::string sha256;
};

// The token is the first line; the digest follows "sha256: " in the YAML entry.
printed_token new_token(const std::string& name) {
  const auto finished = run_program({siaran_tool, "token", "new", name}, deadline_in(20s));
  REQUIRE(finished);
  INFO("stderr: " << finished->err);
  REQUIRE(finished->exit_code == 0);
  printed_token printed;
  std::istringstream lines(finished->out);
  std::getline(lines, printed.token);
  const auto at = finished->out.find("sha256: ");
  REQUIRE(at != std::string::npos);
  printed.sha256 = finished->out.substr(at + 8, 64);
  return printed;
}

}  // namespace

TEST_CASE("siaran token new prints a token whose sha256 is the one in the YAML entry", "[cli][token]") {
  const printed_token printed = new_token("sekretariat");
  CHECK(printed.token.starts_with("siaran_"));
  CHECK(printed.sha256 == siaran::daemon::http::sha256_hex(printed.token));
}

TEST_CASE("siaran token new prints the entry to paste under http.tokens and says it is shown once",
          "[cli][token]") {
  const auto finished = run_program({siaran_tool, "token", "new", "bidan-desa_2"}, deadline_in(20s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 0);
  CHECK(finished->out.find("http.tokens:") != std::string::npos);
  CHECK(finished->out.find("- name: bidan-desa_2\n") != std::string::npos);
  CHECK(finished->out.find("shown only now") != std::string::npos);
}

TEST_CASE("two runs of siaran token new give different tokens", "[cli][token]") {
  CHECK(new_token("a").token != new_token("a").token);
}

TEST_CASE("siaran token new refuses a NAME that is not letters, digits, '_' or '-'", "[cli][token]") {
  for (const std::string name : {"with space", "colon:yaml", "", "ünïcode"}) {
    const auto finished = run_program({siaran_tool, "token", "new", name}, deadline_in(20s));
    REQUIRE(finished);
    INFO("name '" << name << "'");
    CHECK(finished->exit_code == 2);
    CHECK(finished->out.empty());
  }
}
