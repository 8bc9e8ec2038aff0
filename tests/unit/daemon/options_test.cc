// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/options.h"

using siaran::daemon::startup_options;
using siaran::daemon::parse_options;
using siaran::daemon::usage_error;

TEST_CASE("--config FILE and --config=FILE run the daemon with FILE") {
  for (auto args : {std::vector<std::string>{"--config", "/etc/s.yaml"},
                    std::vector<std::string>{"--config=/etc/s.yaml"}}) {
    startup_options o = parse_options(args);
    CHECK(o.mode == startup_options::run_mode::run);
    CHECK(o.config_file == "/etc/s.yaml");
  }
}

TEST_CASE("--init with --config runs the daemon, allowed to create an empty database") {
  CHECK_FALSE(parse_options({"--config", "s.yaml"}).init);
  for (auto args : {std::vector<std::string>{"--config", "s.yaml", "--init"},
                    std::vector<std::string>{"--init", "--config=s.yaml"}}) {
    startup_options o = parse_options(args);
    CHECK(o.mode == startup_options::run_mode::run);
    CHECK(o.init);
  }
}

TEST_CASE("--check-config FILE only validates FILE") {
  startup_options o = parse_options({"--check-config", "a.yaml"});
  CHECK(o.mode == startup_options::run_mode::check_config);
  CHECK(o.config_file == "a.yaml");
}

TEST_CASE("--version and --help need no file") {
  CHECK(parse_options({"--version"}).mode == startup_options::run_mode::version);
  CHECK(parse_options({"--help"}).mode == startup_options::run_mode::help);
  CHECK(parse_options({"-h"}).mode == startup_options::run_mode::help);
}

TEST_CASE("a command line that cannot be understood is a usage error") {
  using arg_list = std::vector<std::string>;
  for (const arg_list& args : {arg_list{}, arg_list{"--config"}, arg_list{"--config="}, arg_list{"--bogus"},
                           arg_list{"x.yaml"}, arg_list{"--config", "a", "--check-config", "b"},
                           arg_list{"--version", "--help"}, arg_list{"--init"},
                           arg_list{"--check-config", "a", "--init"}}) {
    CHECK_THROWS_AS(parse_options(args), usage_error);
  }
}
