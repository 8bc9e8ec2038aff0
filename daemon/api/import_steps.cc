// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/import_steps.h"

#include <algorithm>
#include <chrono>
#include <span>

#include "common/xlsx_media_type.h"
#include "daemon/api/message_json.h"
#include "daemon/api/message_request.h"
#include "daemon/imports/xlsx_reader.h"

namespace siaran::daemon::api {
namespace {

// How long each step of an import holds the store's writer: the dispatcher's claims go between
// steps, and sending keeps its rate during a 100,000-row import.
constexpr std::chrono::milliseconds import_step{20};

contacts::import_result parse_file(const api_context& c, const http::request& request) {
  if (request.content_type != common::xlsx_media_type) return contacts::parse_contacts(request.body, c.region);
  const auto named = request.query.find("sheet");
  const auto sheet = named == request.query.end() ? std::nullopt : std::optional(named->second);
  try {
    return contacts::parse_contact_table(imports::read_xlsx(request.body, sheet), c.region);
  } catch (const imports::xlsx_error& e) {
    throw bad_request(e.what());
  }
}

// A row with an archived contact's number becomes an `archived_contact` error: importing it
// would change a contact nobody sees, and the number is taken, so it cannot be a new one.
void set_aside_archived(const api_context& c, contacts::import_result& parsed) {
  contacts::import_result kept;
  kept.columns = parsed.columns;
  kept.errors = std::move(parsed.errors);
  for (std::size_t i = 0; i < parsed.contacts.size(); ++i) {
    auto& row = parsed.contacts[i];
    const auto stored = c.contacts.find_by_phone(row.phone);
    if (stored && stored->archived_at && stored->phone == row.phone) {
      kept.errors.push_back({parsed.lines[i], "archived_contact", std::nullopt, row.phone,
                             row.phone + ": is archived contact " + std::to_string(stored->id) + " (" + stored->name +
                                 "); restore it first to import this row"});
      continue;
    }
    kept.contacts.push_back(std::move(row));
    kept.lines.push_back(parsed.lines[i]);
  }
  std::stable_sort(kept.errors.begin(), kept.errors.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  parsed = std::move(kept);
}

}  // namespace

contacts::import_result parse_import_body(const api_context& c, const http::request& request) {
  if (request.content_type == "application/json" || request.content_type.starts_with("multipart/")) {
    throw bad_request("the body must be the CSV or .xlsx file itself (Content-Type: text/csv or " +
                      std::string(common::xlsx_media_type) + ")");
  }
  auto parsed = parse_file(c, request);
  set_aside_archived(c, parsed);
  return parsed;
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
