// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran`: the command-line client and tools. Each subcommand lives in its own file; this
// file only dispatches.
#include <array>
#include <iostream>
#include <span>
#include <string_view>
#include <vector>

#include "tools/broadcast_command.h"
#include "tools/contacts_command.h"
#include "tools/db_command.h"
#include "tools/exit_codes.h"
#include "tools/groups_command.h"
#include "tools/events_command.h"
#include "tools/inbox_command.h"
#include "tools/message_commands.h"
#include "tools/reports_command.h"
#include "tools/modem_command.h"
#include "tools/modems_command.h"
#include "tools/officers_command.h"
#include "tools/pdu_command.h"
#include "tools/smpp_command.h"
#include "tools/tls_command.h"
#include "tools/token_command.h"
#include "tools/user_command.h"

namespace {

using command_function = int (*)(std::span<const std::string_view>, std::ostream&, std::ostream&);

struct subcommand {
  std::string_view name;
  command_function run;
  std::string_view summary;
};

constexpr std::array subcommands = {
    subcommand{"send", siaran::tools::run_send_command,
               "send --to NUMBER --text TEXT [--priority P] [--report] [--send-at ISO] "
               "[--client-ref R] [--valid-for D]"},
    subcommand{"status", siaran::tools::run_status_command, "status [ID] [--state STATE]"},
    subcommand{"inbox", siaran::tools::run_inbox_command, "inbox [--since ISO] [--limit N]"},
    subcommand{"broadcast", siaran::tools::run_broadcast_command,
               "broadcast --group G --template T|@FILE [--officer O] [--at ISO] [--preview] | "
               "broadcast status ID | broadcast cancel ID"},
    subcommand{"contacts", siaran::tools::run_contacts_command,
               "contacts import FILE.csv [--partial] | contacts list [--kecamatan K] [--desa D] [--peran P] "
               "[--q TEXT] | contacts export | contacts problems | contacts archive|restore ID"},
    subcommand{"officers", siaran::tools::run_officers_command,
               "officers add --name N [--phone P] [--tag T] [--forward] | officers list | officers archive|restore ID"},
    subcommand{"groups", siaran::tools::run_groups_command,
               "groups add --name N (--kecamatan K|--desa D|--peran P|--tag T ... | --contacts 1,2,3) | "
               "groups list | groups archive|restore ID"},
    subcommand{"events", siaran::tools::run_events_command,
               "events add --title T --at ISO --place P --group G [--reminder \"H-1 jam 08.00\"]... [--officer O] | "
               "events list | events show ID | events cancel ID"},
    subcommand{"reports", siaran::tools::run_reports_command,
               "reports list|missing [--form F] [--period YYYY-MM] | reports remind [--text T] | "
               "reports recap --out FILE.xlsx | reports forms"},
    subcommand{"modems", siaran::tools::run_modems_command, "modems  (the daemon's modems)"},
    subcommand{"db", siaran::tools::run_db_command,
               "db prune --before YYYY-MM-DD | db backup FILE  [--database FILE | --config FILE]"},
    subcommand{"token", siaran::tools::run_token_command, "token new NAME"},
    subcommand{"tls", siaran::tools::run_tls_command,
               "tls self-signed [--out DIR] [--name NAME]... [--address IP]... [--days N] [--force]"},
    subcommand{"user", siaran::tools::run_user_command,
               "user add NAME --role admin|officer|viewer [--officer ID] | user list | user passwd NAME  "
               "[--config FILE]"},
    subcommand{"pdu", siaran::tools::run_pdu_command,
               "pdu decode HEX [--no-smsc] | pdu encode --to NUMBER --text TEXT [...] | "
               "pdu plan --text TEXT"},
    subcommand{"modem", siaran::tools::run_modem_command,
               "modem list | modem info --port P | modem send --port P --to NUMBER --text TEXT "
               "[--report] | modem listen --port P"},
    subcommand{"smpp", siaran::tools::run_smpp_command,
               "smpp test [--config FILE] --id ID [--to NUMBER --text TEXT [--sender NAME]] [--wait S]"},
};

void print_usage(std::ostream& out) {
  out << "usage: siaran COMMAND [ARGS...]\n";
  for (const subcommand& command : subcommands) out << "  siaran " << command.summary << "\n";
  out << "send, status, inbox, modems talk to siarand: --url URL (or $SIARAN_URL), token in\n"
         "$SIARAN_TOKEN or --token-file FILE, --json for the raw reply.\n";
}

bool asks_for_help(std::string_view arg) { return arg == "--help" || arg == "-h" || arg == "help"; }

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(std::cerr);
    return siaran::tools::exit_usage;
  }
  if (asks_for_help(args[0])) {
    print_usage(std::cout);
    return 0;
  }
  for (const subcommand& command : subcommands) {
    if (command.name == args[0]) {
      return command.run(std::span(args).subspan(1), std::cout, std::cerr);
    }
  }
  std::cerr << "siaran: unknown command '" << args[0] << "'\n";
  print_usage(std::cerr);
  return siaran::tools::exit_usage;
}
