// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/inbox_json.h"

#include "common/ascii.h"
#include "daemon/api/inbox_access.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/message_json.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// The query parameter without its surrounding spaces; none when absent or blank.
std::optional<std::string> query_text(const http::request& request, const char* name) {
  const auto found = request.query.find(name);
  if (found == request.query.end()) return std::nullopt;
  const std::string_view text = common::trim(found->second);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

std::optional<bool> query_answered(const http::request& request) {
  const auto given = query_text(request, "answered");
  if (!given) return std::nullopt;
  if (*given == "true") return true;
  if (*given == "false") return false;
  throw bad_request("answered: '" + *given + "' is neither true nor false");
}

}  // namespace

json inbox_entry_json(const queue::inbox_entry& e) {
  json j = incoming_json(e.message);
  j["contact_id"] = or_null(e.route.contact_id);
  j["contact_name"] = or_null(e.contact_name);
  j["desa"] = or_null(e.desa);
  j["kecamatan"] = or_null(e.kecamatan);
  j["posyandu"] = or_null(e.posyandu);
  j["broadcast_id"] = or_null(e.route.broadcast_id);
  j["officer_id"] = or_null(e.route.officer_id);
  j["keyword"] = or_null(e.route.keyword);
  j["read"] = e.read_at.has_value();
  j["answered_at"] = e.answer ? json(iso_utc(e.answer->at)) : json(nullptr);
  j["answered_by"] = e.answer ? json(e.answer->by) : json(nullptr);
  return j;
}

std::optional<http::response> read_inbox_filter(const http::request& request,
                                                queue::inbox_filter& filter) {
  if (auto refused = scope_inbox(request, inbox_access_of(request.who), filter)) return refused;
  filter.text = query_text(request, "q");
  if (auto keyword = query_text(request, "keyword")) filter.keyword = common::uppercase(*keyword);
  filter.desa = query_text(request, "desa");
  filter.kecamatan = query_text(request, "kecamatan");
  filter.answered = query_answered(request);
  if (request.query.contains("broadcast_id"))
    filter.broadcast_id = query_number(request, "broadcast_id", 0, 1, INT64_MAX);
  if (request.query.contains("before"))
    filter.before_id = query_number(request, "before", 0, 1, INT64_MAX);
  filter.limit = static_cast<int>(query_number(request, "limit", 100, 1, 1000));
  return std::nullopt;
}

}  // namespace siaran::daemon::api
