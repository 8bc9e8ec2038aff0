// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran user` against a store file the test creates, found through --config as on a real
// install: the password read from stdin (a pipe, as provisioning scripts give it).

#include <catch2/catch.hpp>

#include "daemon/accounts/password.h"
#include "queue/accounts.h"
#include "queue/database.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;
using namespace std::chrono_literals;
namespace queue = siaran::queue;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";

// A config naming a database that exists (siarand has run once).
struct installed {
  temp_dir dir;
  std::filesystem::path database = dir.path() / "siaran.db";
  std::filesystem::path config = dir.write("siaran.yaml", "database: " + database.string() + "\n");
  installed() { queue::database created(database); }
};

program_result run_with_stdin(std::vector<std::string> args, std::string_view input) {
  args.insert(args.begin(), siaran_tool);
  child_process child(std::move(args));
  child.write_stdin(input);
  child.close_stdin();
  auto finished = child.wait_exit(deadline_in(30s));
  REQUIRE(finished);
  return *finished;
}

}  // namespace

TEST_CASE("siaran user add stores an admin whose password is an Argon2id hash", "[cli][user]") {
  installed site;
  const program_result added =
      run_with_stdin({"user", "add", "admin", "--role", "admin", "--config", site.config.string()}, "rahasia-123\n");
  INFO("stderr: " << added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out.find("added user admin") != std::string::npos);

  queue::database store(site.database);
  const auto admin = queue::account_book(store).find_user("admin");
  REQUIRE(admin);
  CHECK(admin->role == "admin");
  CHECK(admin->password_hash.rfind("$argon2id$", 0) == 0);
  CHECK(siaran::daemon::accounts::verify_password(admin->password_hash, "rahasia-123"));
}

TEST_CASE("siaran user passwd replaces the hash; list shows the users", "[cli][user]") {
  installed site;
  REQUIRE(run_with_stdin({"user", "add", "vera", "--role", "viewer", "--config", site.config.string()},
                         "rahasia-123\n")
              .exit_code == 0);
  const program_result changed = run_with_stdin({"user", "passwd", "VERA", "--config", site.config.string()}, "baru-sekali\n");
  INFO("stderr: " << changed.err);
  REQUIRE(changed.exit_code == 0);
  {
    queue::database store(site.database);
    const auto vera = queue::account_book(store).find_user("vera");
    REQUIRE(vera);
    CHECK(siaran::daemon::accounts::verify_password(vera->password_hash, "baru-sekali"));
  }
  const program_result listed = run_with_stdin({"user", "list", "--config", site.config.string()}, "");
  CHECK(listed.exit_code == 0);
  CHECK(listed.out.find("vera\tviewer\t-\tenabled") != std::string::npos);
}

TEST_CASE("siaran user add refuses a short password, a taken name and a bad role", "[cli][user]") {
  installed site;
  const auto config = site.config.string();
  const program_result short_one = run_with_stdin({"user", "add", "admin", "--role", "admin", "--config", config}, "pendek\n");
  CHECK(short_one.exit_code == 65);
  CHECK(short_one.err.find("at least 8 characters") != std::string::npos);
  CHECK(run_with_stdin({"user", "add", "admin", "--role", "root", "--config", config}, "rahasia-123\n").exit_code == 2);
  REQUIRE(run_with_stdin({"user", "add", "admin", "--role", "admin", "--config", config}, "rahasia-123\n").exit_code ==
          0);
  CHECK(run_with_stdin({"user", "add", "Admin", "--role", "viewer", "--config", config}, "rahasia-123\n").exit_code ==
        65);
  CHECK(run_with_stdin({"user", "add", "siti", "--role", "officer", "--officer", "7", "--config", config},
                       "rahasia-123\n")
            .exit_code == 65);
}

TEST_CASE("siaran user add refuses a database that does not exist yet", "[cli][user]") {
  temp_dir dir;
  const auto config = dir.write("siaran.yaml", "database: " + (dir.path() / "missing.db").string() + "\n");
  const program_result refused =
      run_with_stdin({"user", "add", "admin", "--role", "admin", "--config", config.string()}, "rahasia-123\n");
  CHECK(refused.exit_code == 69);
  CHECK(refused.err.find("start siarand once") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "missing.db"));
}
