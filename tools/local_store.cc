// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/local_store.h"

#include "config/error.h"
#include "tools/command_args.h"
#include "tools/exit_codes.h"

namespace siaran::tools {

std::unique_ptr<queue::database> open_existing_database(const std::filesystem::path& database, std::string_view hint) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(database, error)) {
    throw command_failure{exit_unavailable, "no database at " + database.string() + " (" + std::string(hint) + ")"};
  }
  return std::make_unique<queue::database>(database);
}

int run_reporting_failures(std::string_view command, std::string_view usage, std::ostream& err,
                           const std::function<int()>& body) {
  try {
    return body();
  } catch (const usage_error& e) {
    err << "siaran " << command << ": " << e.message << "\n" << usage;
    return exit_usage;
  } catch (const command_failure& e) {
    err << "siaran " << command << ": " << e.message << "\n";
    return e.exit_code;
  } catch (const queue::store_error& e) {
    err << "siaran " << command << ": " << e.what() << "\n";
    return exit_unavailable;
  } catch (const config::config_error& e) {
    for (const auto& diagnostic : e.diagnostics()) err << "siaran " << command << ": " << diagnostic.to_string() << "\n";
    return exit_config;
  }
}

}  // namespace siaran::tools
