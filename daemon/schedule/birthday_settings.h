// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Daily birthday greetings: whether, at what local time, with which template and in whose name.
// Kept in the store's settings table (key "birthdays") so the web UI can change them.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "queue/events.h"

namespace siaran::daemon::schedule {

struct birthday_settings {
  bool enabled = false;
  int hour = 7;
  int minute = 0;
  std::string template_text =
      "Selamat ulang tahun, {panggilan} {nama}! Semoga sehat selalu, panjang umur dan tetap semangat melayani "
      "masyarakat.";
  std::optional<std::int64_t> officer_id;
};

// The stored settings, or the defaults (off) when never set.
birthday_settings load_birthday_settings(queue::event_book& events);
void save_birthday_settings(queue::event_book& events, const birthday_settings& settings);

// {"enabled", "at": "07:00", "template", "officer_id"}, the API's shape.
nlohmann::json birthday_settings_json(const birthday_settings& settings);
// Changes what `body` gives; throws std::invalid_argument, or api::bad_request for a field of
// the wrong type or out of range (daemon/api/json_fields.h), naming a wrong field.
birthday_settings updated_birthday_settings(birthday_settings settings, const nlohmann::json& body);

}  // namespace siaran::daemon::schedule
