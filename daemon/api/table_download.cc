// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/table_download.h"

#include <algorithm>

#include "common/xlsx_media_type.h"
#include "daemon/api/message_request.h"
#include "daemon/api/request_helpers.h"
#include "daemon/export/csv_table.h"
#include "daemon/export/xlsx_workbook.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

std::string query_text(const http::request& request, const char* name, const std::string& fallback) {
  const auto found = request.query.find(name);
  return found == request.query.end() || found->second.empty() ? fallback : found->second;
}

http::response attachment(std::string content_type, std::string body, const std::string& file_name) {
  http::response r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return r;
}

const exports::spreadsheet_table& chosen_sheet(const http::request& request,
                                               const std::vector<exports::spreadsheet_table>& tables) {
  const std::string key = query_text(request, "sheet", tables.front().key);
  const auto found = std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.key == key; });
  if (found != tables.end()) return *found;
  std::string known;
  for (const auto& t : tables) known += (known.empty() ? "" : ", ") + t.key;
  throw bad_request("sheet: '" + key + "' is none of " + known);
}

json cell_json(const exports::table_cell& cell) {
  return std::visit([](const auto& value) { return json(value); }, cell);
}

json tables_json(const std::vector<exports::spreadsheet_table>& tables, json about) {
  json sheets = json::array();
  for (const auto& t : tables) {
    json rows = json::array();
    for (const auto& row : t.rows) {
      json cells = json::array();
      for (const auto& cell : row) cells.push_back(cell_json(cell));
      rows.push_back(std::move(cells));
    }
    sheets.push_back({{"key", t.key}, {"name", t.name}, {"header", t.header}, {"rows", std::move(rows)}});
  }
  about["sheets"] = std::move(sheets);
  return about;
}

}  // namespace

http::response table_download(const http::request& request, const std::vector<exports::spreadsheet_table>& tables,
                              const std::string& file_stem, nlohmann::json about) {
  const std::string format = query_text(request, "format", "csv");
  if (format == "csv") {
    return attachment("text/csv; charset=utf-8", exports::csv_text(chosen_sheet(request, tables)), file_stem + ".csv");
  }
  if (format == "xlsx") {
    return attachment(std::string(common::xlsx_media_type), exports::xlsx_workbook(tables), file_stem + ".xlsx");
  }
  if (format == "json") return json_reply(200, tables_json(tables, std::move(about)));
  throw bad_request("format: '" + format + "' is not csv, xlsx or json");
}

}  // namespace siaran::daemon::api
