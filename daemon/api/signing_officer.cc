// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/signing_officer.h"

#include <string>

#include "daemon/api/message_request.h"
#include "daemon/api/officer_scope.h"

namespace siaran::daemon::api {

std::optional<std::int64_t> signing_officer(api_context& c, const http::principal& who,
                                            std::optional<std::int64_t> named) {
  const auto officer_id = acting_officer(who, named);
  if (!officer_id) return officer_id;
  const auto officer = c.contacts.find_officer(*officer_id);
  if (!officer || !officer->archived_at) return officer_id;
  const auto why =
      "officer " + std::to_string(*officer_id) + " (" + officer->name + ") is archived";
  if (who.own_only()) throw forbidden(why + ": this account can no longer send");
  throw bad_request(why + ": restore them first to send in their name");
}

}  // namespace siaran::daemon::api
