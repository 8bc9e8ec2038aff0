// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the import and the import review's routes share: the file the body must be, the
// errors' JSON, and the rows written a step at a time on the writer.

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/api/api_context.h"
#include "daemon/contacts/contact_import.h"
#include "queue/contact_columns.h"

namespace siaran::daemon::api {

constexpr std::size_t import_body_limit = 8 * 1024 * 1024;

// The body parsed as the contact CSV, or as an .xlsx workbook's first sheet or ?sheet=NAME by
// its media type; bad_request for a JSON or form body or a workbook that cannot be read. A row
// with an archived contact's number is an `archived_contact` error, not a row.
contacts::import_result parse_import_body(const api_context& c, const http::request& request);

// [{"line", "code", "column", "value", "reason"}] (docs/api.md "Contacts").
nlohmann::json import_errors_json(const std::vector<contacts::import_error>& errors);

// The rows written a step at a time (import_step each), so that the dispatcher's claims go
// between. A failure part-way (a lock held elsewhere, a full disk) keeps the steps before it:
// importing the file again finishes it, as rows are matched by their number.
queue::upsert_counts upsert_in_steps(api_context& c, const std::vector<queue::contact_row>& rows);

}  // namespace siaran::daemon::api
