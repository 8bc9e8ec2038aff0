// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/db_command.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "queue/audit_book.h"
#include "queue/maintenance.h"
#include "tools/command_args.h"
#include "tools/daemon_config.h"
#include "tools/exit_codes.h"
#include "tools/local_store.h"

namespace siaran::tools {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view usage_text =
    "usage: siaran db prune --before YYYY-MM-DD [--database FILE | --config FILE]\n"
    "       siaran db backup FILE [--database FILE | --config FILE]\n"
    "prune deletes finished messages created before DATE (00:00 UTC) and received messages,\n"
    "status reports and modem events older than it, and audit log entries older than it or a\n"
    "year, whichever is earlier. backup writes an online copy to FILE\n"
    "(replacing it). Both work while siarand runs. The database is the config's `database`\n"
    "(default config /etc/siaran/siaran.yaml).\n";

// Bad data (exit 65) or a store that cannot be used (exit 69), with what to tell the person.
struct db_args {
  std::string action;
  std::optional<std::string> before;
  std::optional<std::string> backup_file;
  std::optional<std::string> database;
  std::optional<std::string> config;
};

void take_positional(std::string_view word, db_args& parsed) {
  if (parsed.action.empty()) {
    parsed.action = word;
  } else if (parsed.action == "backup" && !parsed.backup_file) {
    parsed.backup_file = word;
  } else {
    throw usage_error{"unexpected argument '" + std::string(word) + "'"};
  }
}

db_args parse(std::span<const std::string_view> words) {
  arg_cursor args(words);
  db_args parsed;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--before") {
      parsed.before = args.value_of(word);
    } else if (word == "--database") {
      parsed.database = args.value_of(word);
    } else if (word == "--config") {
      parsed.config = args.value_of(word);
    } else if (word.starts_with("--")) {
      throw usage_error{"unknown option '" + std::string(word) + "'"};
    } else {
      take_positional(word, parsed);
    }
  }
  if (parsed.database && parsed.config) throw usage_error{"give --database or --config, not both"};
  return parsed;
}

bool digits(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

// YYYY-MM-DD as midnight UTC; exit 65 for anything else (2026-02-30 included).
queue::timestamp parse_date(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4)) &&
                      digits(text.substr(5, 2)) && digits(text.substr(8, 2));
  const auto number = [&text](std::size_t at, std::size_t length) {
    unsigned value = 0;
    std::from_chars(text.data() + at, text.data() + at + length, value);
    return value;
  };
  const std::chrono::year_month_day date{std::chrono::year{static_cast<int>(number(0, 4))},
                                         std::chrono::month{number(5, 2)}, std::chrono::day{number(8, 2)}};
  if (!shaped || !date.ok()) {
    throw command_failure{exit_data, "--before '" + std::string(text) + "' is not a date YYYY-MM-DD"};
  }
  return std::chrono::sys_days(date);
}

fs::path database_of(const db_args& args) {
  if (args.database) return *args.database;
  const auto config = load_daemon_config(args.config);
  return config ? config->database : config::daemon_config{}.database;
}

std::unique_ptr<queue::database> open_database(const fs::path& database) {
  return open_existing_database(database, "give --database FILE, or --config FILE for its `database`");
}

// Who did what stays a year, whatever a cron job prunes the messages to.
constexpr auto audit_kept = std::chrono::days(365);

int prune(const db_args& args, std::ostream& out) {
  if (!args.before) throw usage_error{"prune: --before YYYY-MM-DD is required"};
  const queue::timestamp before = parse_date(*args.before);
  const auto db = open_database(database_of(args));
  const queue::prune_counts counts = queue::maintenance(*db).prune(before);
  const auto year_ago = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()) - audit_kept;
  const std::int64_t audited = queue::audit_book(*db).prune(std::min<queue::timestamp>(before, year_ago));
  out << "pruned before " << *args.before << " 00:00 UTC: " << counts.messages << " messages, "
      << counts.incoming << " received messages, " << counts.status_reports << " status reports, "
      << counts.modem_events << " modem events, " << audited << " audit log entries (a year is kept)\n";
  return exit_ok;
}

int backup(const db_args& args, std::ostream& out) {
  if (!args.backup_file) throw usage_error{"backup: FILE is required"};
  const fs::path database = database_of(args);
  std::error_code error;
  if (fs::equivalent(database, *args.backup_file, error)) {
    throw usage_error{"backup: FILE is the database itself"};
  }
  const auto db = open_database(database);
  queue::maintenance(*db).backup(*args.backup_file);
  out << "backed up " << database.string() << " to " << *args.backup_file << "\n";
  return exit_ok;
}

int dispatch(std::span<const std::string_view> words, std::ostream& out) {
  const db_args args = parse(words);
  if (args.action == "prune") return prune(args, out);
  if (args.action == "backup") return backup(args, out);
  if (args.action.empty()) throw usage_error{"missing subcommand (prune, backup)"};
  throw usage_error{"unknown subcommand '" + args.action + "'"};
}

}  // namespace

int run_db_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_reporting_failures("db", usage_text, err, [&] { return dispatch(args, out); });
}

}  // namespace siaran::tools
