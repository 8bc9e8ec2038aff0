// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/birthday_settings.h"

#include <stdexcept>

#include <fmt/format.h>

#include "daemon/api/json_fields.h"
#include "daemon/schedule/reminder_offset.h"

namespace siaran::daemon::schedule {
namespace {

using nlohmann::json;

constexpr const char* setting_key = "birthdays";

void read_at(birthday_settings& settings, const json& at) {
  // "07:00" is parsed as the offset grammar's clock time, "@07:00", so both agree on validity.
  const auto parsed = at.is_string() ? parse_reminder_offset("-1d@" + at.get<std::string>()) : std::nullopt;
  if (!parsed) throw std::invalid_argument("at: give a local time HH:MM, e.g. \"07:00\"");
  settings.hour = *parsed->at_hour;
  settings.minute = parsed->at_minute;
}

}  // namespace

birthday_settings load_birthday_settings(queue::event_book& events) {
  const auto stored = events.setting(setting_key);
  if (!stored) return {};
  return updated_birthday_settings({}, json::parse(*stored));
}

void save_birthday_settings(queue::event_book& events, const birthday_settings& settings) {
  events.set_setting(setting_key, birthday_settings_json(settings).dump());
}

json birthday_settings_json(const birthday_settings& settings) {
  return {{"enabled", settings.enabled},
          {"at", fmt::format("{:02}:{:02}", settings.hour, settings.minute)},
          {"template", settings.template_text},
          {"officer_id", settings.officer_id ? json(*settings.officer_id) : json(nullptr)}};
}

birthday_settings updated_birthday_settings(birthday_settings settings, const json& body) {
  if (!body.is_object()) throw std::invalid_argument("give an object {\"enabled\", \"at\", \"template\", \"officer_id\"}");
  if (const auto enabled = api::field_boolean(body, "enabled")) settings.enabled = *enabled;
  if (body.contains("at")) read_at(settings, body["at"]);
  if (body.contains("template")) {
    if (!body["template"].is_string() || body["template"].get<std::string>().empty()) {
      throw std::invalid_argument("template: give the greeting's text");
    }
    settings.template_text = body["template"].get<std::string>();
  }
  if (body.contains("officer_id")) settings.officer_id = api::field_integer(body, "officer_id", api::id_range);
  return settings;
}

}  // namespace siaran::daemon::schedule
