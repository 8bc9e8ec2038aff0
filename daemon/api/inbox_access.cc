// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/inbox_access.h"

#include "daemon/api/officer_scope.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

// No officer_id: every inbox; 0 or "none": the general inbox (replies no officer owns).
void read_officer_query(const http::request& request, queue::inbox_filter& filter) {
  const auto found = request.query.find("officer_id");
  if (found == request.query.end()) return;
  if (found->second == "none" || found->second == "0") {
    filter.scope = queue::inbox_scope::general;
    return;
  }
  filter.scope = queue::inbox_scope::officer;
  filter.officer_id = query_number(request, "officer_id", 0, 1, INT64_MAX);
}

}  // namespace

bool inbox_access::sees(const queue::reply_route& route) const {
  return !only_officer || route.officer_id == only_officer;
}

queue::unread_counts inbox_access::visible(const queue::unread_counts& all) const {
  if (!only_officer) return all;
  queue::unread_counts own;
  if (const auto found = all.by_officer.find(*only_officer); found != all.by_officer.end()) {
    own.total = found->second;
    own.by_officer.emplace(*found);
  }
  return own;
}

inbox_access inbox_access_of(const http::principal& who) { return {listed_officer(who)}; }

std::optional<http::response> scope_inbox(const http::request& request, const inbox_access& access,
                                          queue::inbox_filter& filter) {
  read_officer_query(request, filter);
  if (!access.only_officer) return std::nullopt;
  const bool asked_for_other =
      filter.scope == queue::inbox_scope::general ||
      (filter.scope == queue::inbox_scope::officer && filter.officer_id != *access.only_officer);
  if (asked_for_other) return http::error_response(403, "an officer sees only their own inbox");
  filter.scope = queue::inbox_scope::officer;
  filter.officer_id = *access.only_officer;
  return std::nullopt;
}

}  // namespace siaran::daemon::api
