// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/user_command.h"

#include <filesystem>
#include <memory>
#include <limits>
#include <optional>
#include <ostream>

#include "daemon/accounts/password.h"
#include "daemon/accounts/user_name.h"
#include "daemon/clock.h"
#include "daemon/http/exchange.h"
#include "queue/accounts.h"
#include "queue/contacts.h"
#include "queue/database.h"
#include "tools/command_args.h"
#include "tools/daemon_config.h"
#include "tools/exit_codes.h"
#include "tools/local_store.h"
#include "tools/password_input.h"

namespace siaran::tools {
namespace {

namespace fs = std::filesystem;
namespace accounts = daemon::accounts;

constexpr std::string_view usage_text =
    "usage: siaran user add NAME --role admin|officer|viewer [--officer ID] [--config FILE]\n"
    "       siaran user list [--config FILE]\n"
    "       siaran user passwd NAME [--config FILE]\n"
    "add and passwd ask for the password twice on a terminal, or read one line from stdin.\n"
    "The database is the daemon config's `database` (default config /etc/siaran/siaran.yaml);\n"
    "siarand must have run once to create it. Run as the daemon's user (sudo -u siaran).\n";

// Bad input (exit 65) or a store that cannot be used (exit 69), with what to tell the person.
struct user_args {
  std::optional<std::string> name;
  std::optional<std::string> role;
  std::optional<std::int64_t> officer_id;
  std::optional<std::string> config;
};

// NAME and the options after the action; which ones an action takes is checked by it.
user_args parse(arg_cursor& args) {
  user_args parsed;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--role") {
      parsed.role = args.value_of(word);
    } else if (word == "--officer") {
      parsed.officer_id = parse_long(args.value_of(word), "--officer", 1, std::numeric_limits<long>::max());
    } else if (word == "--config") {
      parsed.config = args.value_of(word);
    } else if (word.starts_with("--") || parsed.name) {
      throw usage_error{"unexpected argument '" + std::string(word) + "'"};
    } else {
      parsed.name = word;
    }
  }
  return parsed;
}

std::unique_ptr<queue::database> open_database(const user_args& args) {
  const auto config = load_daemon_config(args.config);
  return open_existing_database(config ? config->database : config::daemon_config{}.database,
                             "start siarand once to create it, or give --config FILE");
}

std::string new_password_hash() {
  const auto password = read_new_password();
  if (!password) throw command_failure{exit_data, "no password given (or the two differ)"};
  if (const auto problem = accounts::password_problem(*password)) throw command_failure{exit_data, *problem};
  return accounts::hash_password(*password);
}

int add(arg_cursor& words, std::ostream& out) {
  const user_args args = parse(words);
  if (!args.name) throw usage_error{"add: NAME is required"};
  if (const auto problem = accounts::user_name_problem(*args.name)) throw usage_error{"add: " + *problem};
  if (!args.role || !daemon::http::role_from_name(*args.role)) throw usage_error{"add: --role admin|officer|viewer is required"};
  const auto db = open_database(args);
  if (args.officer_id && !queue::contact_book(*db).find_officer(*args.officer_id)) {
    throw command_failure{exit_data, "no officer " + std::to_string(*args.officer_id) + " (see siaran officers list)"};
  }
  queue::account_book book(*db);
  if (book.find_user(*args.name)) throw command_failure{exit_data, "a user named '" + *args.name + "' exists already"};
  const queue::timestamp now = daemon::wall_clock_now();
  queue::user u{0, *args.name, *args.role, new_password_hash(), args.officer_id, false, now, now};
  u.id = book.add_user(u);
  out << "added user " << u.name << " (id " << u.id << ", role " << u.role << ")\n";
  return exit_ok;
}

int list(arg_cursor& words, std::ostream& out) {
  const user_args args = parse(words);
  if (args.name || args.role || args.officer_id) throw usage_error{"list takes only --config"};
  const auto db = open_database(args);
  for (const auto& u : queue::account_book(*db).users()) {
    out << u.id << "\t" << u.name << "\t" << u.role << "\t"
        << (u.officer_id ? "officer " + std::to_string(*u.officer_id) : "-") << "\t"
        << (u.disabled ? "disabled" : "enabled") << "\n";
  }
  return exit_ok;
}

int passwd(arg_cursor& words, std::ostream& out) {
  const user_args args = parse(words);
  if (!args.name || args.role || args.officer_id) throw usage_error{"passwd: NAME (and only --config) is required"};
  const auto db = open_database(args);
  queue::account_book book(*db);
  const auto u = book.find_user(*args.name);
  if (!u) throw command_failure{exit_data, "no user named '" + *args.name + "'"};
  book.set_password_hash(u->id, new_password_hash(), daemon::wall_clock_now());
  book.delete_sessions_of(u->id);  // whoever knew the old password is logged out
  out << "changed the password of " << u->name << "; their sessions ended\n";
  return exit_ok;
}

}  // namespace

int run_user_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_reporting_failures("user", usage_text, err, [&] {
    arg_cursor words(args);
    return run_action(words, out, {{"add", add}, {"list", list}, {"passwd", passwd}});
  });
}

}  // namespace siaran::tools
