#pragma once

#include <nlohmann/json_fwd.hpp>

#include "queue/records.h"

namespace siaran::daemon::api {

// GET /api/v1/messages/{id} (docs/api.md): the message, its derived state and each part.
nlohmann::json message_json(const queue::message_record& message);
nlohmann::json incoming_json(const queue::incoming_record& message);

}  // namespace siaran::daemon::api
