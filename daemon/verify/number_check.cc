// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/verify/number_check.h"

#include "queue/verifications.h"

namespace siaran::daemon::verify {

std::string_view outcome_at_close(const queue::broadcast_recipient& r) {
  if (r.delivery == "undelivered") return queue::outcome_undelivered;
  if (r.state == queue::part_state::failed) return queue::outcome_failed;
  if (r.delivery == "unknown" || r.state == queue::part_state::uncertain)
    return queue::outcome_unknown;
  if (r.state == queue::part_state::sent || r.state == queue::part_state::delivered)
    return queue::outcome_no_answer;
  return queue::outcome_unsent;
}

}  // namespace siaran::daemon::verify
