// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/verify/campaign_closer.h"

#include <spdlog/spdlog.h>

#include "daemon/verify/number_check.h"

namespace siaran::daemon::verify {

campaign_closer::campaign_closer(queue::verification_book& verifications,
                                 queue::broadcast_book& broadcasts)
    : verifications_(verifications), broadcasts_(broadcasts) {}

std::optional<queue::timestamp> campaign_closer::close_due(queue::timestamp now) {
  for (const queue::verification& campaign : verifications_.due(now)) close(campaign, now);
  return verifications_.next_end();
}

void campaign_closer::close(const queue::verification& campaign, queue::timestamp now) {
  std::vector<queue::closing_outcome> outcomes;
  for (const queue::broadcast_recipient& r : broadcasts_.recipients(campaign.broadcast_id)) {
    outcomes.push_back({r.contact_id, std::string(outcome_at_close(r))});
  }
  verifications_.close(campaign.id, outcomes, now);
  spdlog::info("cek nomor {}: window ended, {} recipient(s) settled", campaign.id, outcomes.size());
}

}  // namespace siaran::daemon::verify
