// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report or list answered in the format the request asks (docs/api.md "Reports"):
// ?format=csv (the default) one table as a CSV attachment, the first unless ?sheet= names
// another by its key; ?format=xlsx every table as a sheet of one .xlsx attachment;
// ?format=json every table as {"key", "name", "header", "rows"} under "sheets", beside the
// fields of `about` (the web page's print view draws from it). Unknown formats and sheets are 400.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/export/spreadsheet_table.h"
#include "daemon/http/exchange.h"

namespace siaran::daemon::api {

// `file_stem` names the attachment ("siaran-5" -> siaran-5.csv, siaran-5.xlsx).
http::response table_download(const http::request& request, const std::vector<exports::spreadsheet_table>& tables,
                              const std::string& file_stem, nlohmann::json about = nlohmann::json::object());

}  // namespace siaran::daemon::api
