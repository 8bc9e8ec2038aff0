// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/store_marker.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <system_error>

namespace siaran::daemon {

std::filesystem::path marker_of(const std::filesystem::path& database) {
  return database.parent_path() / ("." + database.filename().string() + ".created");
}

void check_database_present(const std::filesystem::path& database, bool init) {
  std::error_code error;
  if (init || std::filesystem::exists(database, error) || !std::filesystem::exists(marker_of(database), error)) {
    return;
  }
  throw database_gone("the database " + database.string() + " is missing, but siarand created it before (" +
                      marker_of(database).string() +
                      " says so): it was deleted or moved. Copy the latest backup (made with `siaran db backup "
                      "FILE`) to " + database.string() +
                      " and start siarand again; or start it once with `siarand --init` to begin with an empty "
                      "database (no users, contacts or messages)");
}

void mark_database_created(const std::filesystem::path& database) {
  const std::filesystem::path marker = marker_of(database);
  std::error_code error;
  if (std::filesystem::exists(marker, error)) return;
  std::ofstream out(marker);
  out << "siarand created " << database.string()
      << ". While this file exists, siarand refuses to start without that database rather than\n"
         "create an empty one; `siarand --init` creates an empty one anyway.\n";
  out.close();
  if (!out) spdlog::warn("cannot write {}: a deleted database would be replaced by an empty one", marker.string());
}

}  // namespace siaran::daemon
