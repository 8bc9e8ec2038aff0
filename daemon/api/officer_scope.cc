// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/officer_scope.h"

#include <string>

namespace siaran::daemon::api {

std::optional<std::int64_t> acting_officer(const http::principal& who, std::optional<std::int64_t> named) {
  if (!who.own_only()) return named;
  if (!who.officer_id) throw forbidden("this account is not linked to an officer, so it cannot sign anything");
  if (named && named != who.officer_id) {
    throw forbidden("an officer acts only as themselves: officer_id " + std::to_string(*named) +
                    " is another officer");
  }
  return who.officer_id;
}

bool sees(const http::principal& who, std::optional<std::int64_t> owner) {
  return !who.own_only() || (who.officer_id && owner == who.officer_id);
}

void require_change(const http::principal& who, std::optional<std::int64_t> owner, std::string_view what) {
  if (!sees(who, owner)) throw forbidden(std::string(what) + " belongs to another officer (or to the office)");
}

std::optional<std::int64_t> listed_officer(const http::principal& who) {
  if (!who.own_only()) return std::nullopt;
  return who.officer_id.value_or(0);
}

}  // namespace siaran::daemon::api
