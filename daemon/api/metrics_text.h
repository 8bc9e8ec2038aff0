// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "daemon/send_metrics.h"
#include "modem/modem_status.h"
#include "smpp/bind.h"

namespace siaran::daemon::api {

// GET /metrics in the Prometheus text exposition format (version 0.0.4).
std::string metrics_text(const std::vector<modem::modem_status>& modems, const send_metrics& metrics,
                         std::int64_t queue_depth, const std::vector<smpp::bind_status>& binds = {});

}  // namespace siaran::daemon::api
