// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/import_steps.h"

#include <chrono>
#include <span>

#include "daemon/api/message_json.h"
#include "daemon/api/message_request.h"
#include "daemon/imports/xlsx_reader.h"

namespace siaran::daemon::api {
namespace {

// How long each step of an import holds the store's writer: the dispatcher's claims go between
// steps, and sending keeps its rate during a 100,000-row import.
constexpr std::chrono::milliseconds import_step{20};

}  // namespace

contacts::import_result parse_import_body(const api_context& c, const http::request& request) {
  if (request.content_type == "application/json" || request.content_type.starts_with("multipart/")) {
    throw bad_request("the body must be the CSV or .xlsx file itself (Content-Type: text/csv or " +
                      std::string(imports::xlsx_media_type) + ")");
  }
  if (request.content_type != imports::xlsx_media_type) return contacts::parse_contacts(request.body, c.region);
  const auto named = request.query.find("sheet");
  const auto sheet = named == request.query.end() ? std::nullopt : std::optional(named->second);
  try {
    return contacts::parse_contact_table(imports::read_xlsx(request.body, sheet), c.region);
  } catch (const imports::xlsx_error& e) {
    throw bad_request(e.what());
  }
}

nlohmann::json import_errors_json(const std::vector<contacts::import_error>& errors) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : errors) {
    out.push_back({{"line", e.line},
                   {"code", e.code},
                   {"column", or_null(e.column)},
                   {"value", or_null(e.value)},
                   {"reason", e.reason}});
  }
  return out;
}

queue::upsert_counts upsert_in_steps(api_context& c, const std::vector<queue::contact_row>& rows) {
  queue::upsert_counts counts;
  for (std::span<const queue::contact_row> rest(rows); !rest.empty();) {
    c.on_writer([&](api_context& writer) {
      const auto done = writer.contacts.upsert_some(rest, writer.now(), import_step);
      counts.inserted += done.inserted;
      counts.updated += done.updated;
      rest = rest.subspan(static_cast<std::size_t>(done.inserted + done.updated));
    });
  }
  return counts;
}

}  // namespace siaran::daemon::api
