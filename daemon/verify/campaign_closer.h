// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Closes the "cek nomor" campaigns whose window has ended: each recipient that did not answer
// gets its outcome (number_check.h) and its number the mark. Runs on the store's writer thread
// at every look of the scheduler (scheduler.h), so a window that ended while the daemon was
// down is closed at the first look after the start.

#include <optional>

#include "queue/broadcasts.h"
#include "queue/records.h"
#include "queue/verifications.h"

namespace siaran::daemon::verify {

class campaign_closer {
 public:
  campaign_closer(queue::verification_book& verifications, queue::broadcast_book& broadcasts);

  // Closes every campaign due at `now`; when the next window ends.
  std::optional<queue::timestamp> close_due(queue::timestamp now);

 private:
  void close(const queue::verification& campaign, queue::timestamp now);

  queue::verification_book& verifications_;
  queue::broadcast_book& broadcasts_;
};

}  // namespace siaran::daemon::verify
