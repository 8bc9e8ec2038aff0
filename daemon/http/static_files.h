// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The web UI's files, served read-only from a few directories: the UI itself at "/" and
// Debian's Bootstrap and Chart.js under "/vendor/". No directory listing, no hidden files,
// nothing outside the directories by path (the request target's ".." is refused before).

#include <filesystem>
#include <string>
#include <vector>

#include "daemon/http/exchange.h"

namespace siaran::daemon::http {

struct static_root {
  std::string url_prefix;           // "/" or "/vendor/bootstrap5/", ends with '/'
  std::filesystem::path directory;  // what the prefix maps to
};

// The first root whose prefix starts the path serves the file; "/" is its index.html.
// 404 for anything else, including directories and names starting with '.'.
response serve_static(const std::vector<static_root>& roots, const request& req);

// Content-Type by file extension; "application/octet-stream" when unknown.
std::string content_type_of(const std::filesystem::path& file);

}  // namespace siaran::daemon::http
