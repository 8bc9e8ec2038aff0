// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "queue/records.h"

namespace siaran::daemon::api {

// The value, or JSON null when absent: the API writes every documented field, set or not.
template <class T>
nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// What a modem did not say is null, not "": a client can tell "unknown" from an empty answer.
inline nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}
// A status report's TP-ST in Bahasa Indonesia ("Nomor tidak dikenal ..."), null without a report.
nlohmann::json status_meaning(const std::optional<int>& status);

// GET /api/v1/messages/{id} (docs/api.md): the message, its derived state and each part.
nlohmann::json message_json(const queue::message_record& message);
nlohmann::json incoming_json(const queue::incoming_record& message);

}  // namespace siaran::daemon::api
