#include <catch2/catch.hpp>

#include "daemon/options.h"

using siaran::daemon::Options;
using siaran::daemon::parse_options;
using siaran::daemon::UsageError;

TEST_CASE("--config FILE and --config=FILE run the daemon with FILE") {
  for (auto args : {std::vector<std::string>{"--config", "/etc/s.yaml"},
                    std::vector<std::string>{"--config=/etc/s.yaml"}}) {
    Options o = parse_options(args);
    CHECK(o.mode == Options::Mode::run);
    CHECK(o.config_file == "/etc/s.yaml");
  }
}

TEST_CASE("--check-config FILE only validates FILE") {
  Options o = parse_options({"--check-config", "a.yaml"});
  CHECK(o.mode == Options::Mode::check_config);
  CHECK(o.config_file == "a.yaml");
}

TEST_CASE("--version and --help need no file") {
  CHECK(parse_options({"--version"}).mode == Options::Mode::version);
  CHECK(parse_options({"--help"}).mode == Options::Mode::help);
  CHECK(parse_options({"-h"}).mode == Options::Mode::help);
}

TEST_CASE("a command line that cannot be understood is a usage error") {
  using Args = std::vector<std::string>;
  for (const Args& args : {Args{}, Args{"--config"}, Args{"--config="}, Args{"--bogus"},
                           Args{"x.yaml"}, Args{"--config", "a", "--check-config", "b"},
                           Args{"--version", "--help"}}) {
    CHECK_THROWS_AS(parse_options(args), UsageError);
  }
}
