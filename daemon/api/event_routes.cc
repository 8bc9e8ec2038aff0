// SPDX-License-Identifier: GPL-3.0-or-later
// Meetings with reminders and RSVPs, birthday greetings and recurring broadcasts (docs/api.md
// "Events, birthdays and recurring broadcasts"): POST/GET /api/v1/events[/{id}],
// POST /api/v1/events/{id}/cancel, GET/PUT /api/v1/birthdays, POST/GET /api/v1/recurring,
// DELETE /api/v1/recurring/{id}. The scheduler (daemon/schedule/) sends what these store.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "common/ascii.h"
#include "common/log_text.h"
#include "daemon/api/api_context.h"
#include "daemon/api/audience_json.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/message_json.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/signing_officer.h"
#include "daemon/broadcast/template.h"
#include "daemon/reports/rsvp_list.h"
#include "daemon/schedule/birthday_settings.h"
#include "daemon/schedule/cron_expression.h"
#include "daemon/schedule/phrase_error.h"
#include "daemon/schedule/recurrence_words.h"
#include "daemon/schedule/reminder_offset.h"
#include "daemon/schedule/reminder_words.h"
#include "daemon/schedule/schedule_runner.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr const char* default_event_template =
    "Yth. {panggilan} {nama}, mengingatkan {acara} pada {tanggal} pukul {jam} di {tempat}. "
    "Mohon balas HADIR atau TIDAK.";

json object_body(const http::request& request) {
  json body = json_body(request);
  if (!body.is_object()) throw bad_request("the body must be a JSON object");
  return body;
}

// A schedule in words that could not be read: a 400 whose "pesan" the page shows as it is.
http::response refused_words(std::string_view field, const schedule::phrase_error& e) {
  return json_reply(400, {{"error", std::string(field) + ": " + e.what()}, {"pesan", e.indonesian()}});
}

// The offsets "reminders" asks for: a list, each an offset ("-1d@08:00") or words ("H-1 jam
// 08.00"), or one text of them separated by commas; ["-1d@08:00", "-2h"] by default.
json reminders_of(const json& body) {
  if (!body.contains("reminders") || body["reminders"].is_null()) return json(schedule::default_reminders);
  const json& given = body["reminders"];
  if (given.is_string()) return schedule::reminder_offsets_from_words(given.get<std::string>());
  if (!given.is_array()) throw bad_request("reminders: give a list such as [\"H-1 jam 08.00\", \"2 jam sebelum\"]");
  json offsets = json::array();
  for (const json& item : given) {
    if (!item.is_string()) throw bad_request("reminders: " + item.dump() + " is not a text such as \"H-1 jam 08.00\"");
    for (const std::string& offset : schedule::reminder_offsets_from_words(item.get<std::string>())) {
      offsets.push_back(offset);
    }
  }
  return offsets;
}

queue::new_event event_of(const json& body, queue::timestamp now) {
  queue::new_event e;
  e.title = required_string(body, "title");
  const auto starts_at = parse_iso(required_string(body, "starts_at"));
  if (!starts_at) throw bad_request("starts_at: give an ISO 8601 time with its offset, e.g. 2026-11-30T09:00+07:00");
  e.starts_at = *starts_at;
  e.place = field_string(body, "place").value_or("");
  if (!body.contains("audience")) throw bad_request("audience: required, {\"groups\", \"contacts\", \"filter\"}");
  parse_audience(body["audience"]);
  e.audience_json = body["audience"].dump();
  e.template_text = field_string(body, "template").value_or(default_event_template);
  e.officer_id = field_integer(body, "officer_id", id_range);
  e.reminders_json = reminders_of(body).dump();
  e.created_at = now;
  return e;
}

// What a reminder stands at: its run if it ran, otherwise what the scheduler will do with it.
std::string reminder_state(const queue::event_record& e, queue::timestamp due, queue::timestamp now) {
  if (e.cancelled_at) return "cancelled";
  if (due > now) return "pending";
  if (due < e.created_at || now >= e.starts_at) return "skipped";
  return "due";
}

json reminders_json(api_context& c, const queue::event_record& e, queue::timestamp now) {
  const schedule::time_zone zone(c.timezone);
  const auto runs = c.events.runs(schedule::event_jobs(e.id));
  json out = json::array();
  const json offsets = json::parse(e.reminders_json);
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    const auto offset = schedule::parse_reminder_offset(offsets[i].get<std::string>());
    const queue::timestamp due = offset->due(e.starts_at, zone);
    json reminder = {{"offset", offsets[i]}, {"words", schedule::reminder_words(*offset)}, {"due_at", iso_utc(due)},
                     {"state", reminder_state(e, due, now)}, {"broadcast_id", nullptr}};
    const std::string job = schedule::reminder_job(e.id, i);
    for (const queue::schedule_run& run : runs) {
      if (run.job != job) continue;
      reminder["state"] = run.state == "claimed" ? "running" : run.state;
      reminder["ran_at"] = iso_utc(run.ran_at);
      if (run.broadcast_id) reminder["broadcast_id"] = *run.broadcast_id;
      if (run.note) reminder["note"] = *run.note;
    }
    out.push_back(std::move(reminder));
  }
  return out;
}

// "hadir_orang": the people the attending answers bring, by the head-count rule (head_count.h).
json tally_json(const queue::rsvp_tally& t, const std::vector<queue::rsvp_record>& answers) {
  return {{"hadir", t.attending},
          {"hadir_orang", reports::heads_attending(answers)},
          {"tidak", t.declining},
          {"belum", t.unanswered}};
}

json event_json(api_context& c, const queue::event_record& e, queue::timestamp now) {
  return {{"id", e.id},
          {"title", e.title},
          {"starts_at", iso_utc(e.starts_at)},
          {"place", e.place},
          {"audience", json::parse(e.audience_json)},
          {"template", e.template_text},
          {"officer_id", e.officer_id ? json(*e.officer_id) : json(nullptr)},
          {"reminders", reminders_json(c, e, now)},
          {"cancelled", e.cancelled_at.has_value()},
          {"created_at", iso_utc(e.created_at)},
          {"rsvp", tally_json(c.events.tally(e.id), c.events.rsvps(e.id))}};
}

json answers_json(api_context& c, std::int64_t event_id) {
  json out = json::array();
  for (const queue::rsvp_record& r : c.events.rsvps(event_id)) {
    out.push_back({{"contact_id", r.contact_id},
                   {"name", r.name},
                   {"phone", r.phone},
                   {"answer", r.answer == queue::rsvp_answer::attending ? "hadir" : "tidak"},
                   {"people", reports::heads_of(r)},
                   {"reply", or_null(r.reply)},
                   {"answered_at", iso_utc(r.answered_at)}});
  }
  return out;
}

// A bad placeholder or an unknown officer or group is a 422 now, not a failed reminder at 08:00.
std::optional<http::response> refused_by_broadcaster(api_context& c, const broadcast_request& request,
                                                     queue::timestamp now) {
  try {
    c.broadcasts_out.preview(request, now, 1);
    return std::nullopt;
  } catch (const broadcast_error& e) {
    return http::error_response(422, e.what());
  }
}

http::response post_event(api_context& c, const http::request& request) {
  const queue::timestamp now = c.now();
  queue::new_event e;
  try {
    e = event_of(object_body(request), now);
  } catch (const schedule::phrase_error& refused) {
    return refused_words("reminders", refused);
  }
  e.officer_id = signing_officer(c, request.who, e.officer_id);
  if (e.starts_at <= now) return http::error_response(422, "starts_at is in the past");
  queue::event_record draft;
  static_cast<queue::new_event&>(draft) = e;
  if (auto refused = refused_by_broadcaster(c, schedule::reminder_request(draft, schedule::time_zone(c.timezone)), now)) {
    return *refused;
  }
  draft.id = c.events.create_event(e);
  c.schedule_changed();
  spdlog::info("event {} created: starts {}, {} reminder(s)", draft.id, iso_utc(e.starts_at),
               json::parse(e.reminders_json).size());
  return json_reply(201, {{"id", draft.id}, {"reminders", reminders_json(c, draft, now)}});
}

http::response get_event(api_context& c, const http::request& request) {
  const auto e = c.events.find_event(path_id(request, "an event"));
  if (!e || !sees(request.who, e->officer_id)) return http::error_response(404, "no event " + request.params.at("id"));
  json out = event_json(c, *e, c.now());
  out["answers"] = answers_json(c, e->id);
  return json_reply(200, out);
}

http::response list_events(api_context& c, const http::request& request) {
  const queue::timestamp now = c.now();
  json out = json::array();
  for (const queue::event_record& e : c.events.list_events()) {
    if (sees(request.who, e.officer_id)) out.push_back(event_json(c, e, now));
  }
  return json_reply(200, out);
}

http::response cancel_event(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "an event");
  const auto e = c.events.find_event(id);
  if (e) require_change(request.who, e->officer_id, "event " + std::to_string(id));
  if (!e || !c.events.cancel_event(id, c.now()))
    return http::error_response(404, "no event " + std::to_string(id));
  spdlog::info("event {} cancelled", id);
  return json_reply(200, {{"id", id}, {"cancelled", true}});
}

http::response get_birthdays(api_context& c, const http::request&) {
  return json_reply(200, schedule::birthday_settings_json(schedule::load_birthday_settings(c.events)));
}

http::response put_birthdays(api_context& c, const http::request& request) {
  schedule::birthday_settings settings;
  const schedule::birthday_settings before = schedule::load_birthday_settings(c.events);
  // Greetings signed by another officer are theirs; unsigned ones, the office's (an admin's).
  require_change(request.who, before.officer_id, "the birthday greetings");
  try {
    settings = schedule::updated_birthday_settings(before, object_body(request));
    broadcast::message_template::parse(settings.template_text);
  } catch (const std::invalid_argument& e) {
    throw bad_request(e.what());
  } catch (const broadcast::template_error& e) {
    return http::error_response(422, std::string("template: ") + e.what());
  }
  settings.officer_id = signing_officer(c, request.who, settings.officer_id);
  if (settings.officer_id && !c.contacts.find_officer(*settings.officer_id)) {
    return http::error_response(422, "unknown officer " + std::to_string(*settings.officer_id));
  }
  schedule::save_birthday_settings(c.events, settings);
  c.schedule_changed();
  return json_reply(200, schedule::birthday_settings_json(settings));
}

json recurring_json(api_context& c, const queue::recurring_record& r, queue::timestamp now) {
  const schedule::time_zone zone(c.timezone);
  const auto next = schedule::cron_expression(r.cron).next_after(now, zone);
  const auto last = c.events.latest_run(schedule::recurring_job(r.id));
  return {{"id", r.id},
          {"officer_id", r.officer_id ? json(*r.officer_id) : json(nullptr)},
          {"audience", json::parse(r.audience_json)},
          {"template", r.template_text},
          {"cron", r.cron},
          {"words", or_null(schedule::recurrence_words(r.cron))},
          {"priority", r.priority},
          {"next_at", next ? json(iso_utc(*next)) : json(nullptr)},
          {"last_run_at", last ? json(iso_utc(*last)) : json(nullptr)}};
}

// "cron": five cron fields, or words such as "setiap Senin jam 07.00", kept in their cron form.
std::string cron_of(const std::string& given) {
  const std::string_view text = common::trim(given);
  const char first = text.empty() ? ' ' : common::to_lower(text.front());
  if (first >= 'a' && first <= 'z') return schedule::cron_from_words(text);
  try {
    schedule::cron_expression{given};
  } catch (const std::invalid_argument& e) {
    throw bad_request(std::string("cron: ") + e.what());
  }
  return given;
}

queue::new_recurring recurring_of(const json& body, queue::timestamp now) {
  queue::new_recurring r;
  r.officer_id = field_integer(body, "officer_id", id_range);
  if (!body.contains("audience")) throw bad_request("audience: required, {\"groups\", \"contacts\", \"filter\"}");
  parse_audience(body["audience"]);
  r.audience_json = body["audience"].dump();
  r.template_text = required_string(body, "template");
  r.cron = cron_of(required_string(body, "cron"));
  r.priority = static_cast<int>(field_integer(body, "priority", priority_range).value_or(0));
  r.created_at = now;
  return r;
}

http::response post_recurring(api_context& c, const http::request& request) {
  const queue::timestamp now = c.now();
  queue::new_recurring r;
  try {
    r = recurring_of(object_body(request), now);
  } catch (const schedule::phrase_error& refused) {
    return refused_words("cron", refused);
  }
  r.officer_id = signing_officer(c, request.who, r.officer_id);
  broadcast_request preview;
  preview.officer_id = r.officer_id;
  preview.audience = parse_audience(json::parse(r.audience_json));
  preview.audience_json = r.audience_json;
  preview.template_text = r.template_text;
  if (auto refused = refused_by_broadcaster(c, preview, now)) return *refused;
  queue::recurring_record created;
  static_cast<queue::new_recurring&>(created) = r;
  created.id = c.events.create_recurring(r);
  c.schedule_changed();
  spdlog::info("recurring broadcast {} created ({})", created.id, common::log_text(r.cron));
  return json_reply(201, recurring_json(c, created, now));
}

http::response list_recurring(api_context& c, const http::request& request) {
  const queue::timestamp now = c.now();
  json out = json::array();
  for (const queue::recurring_record& r : c.events.active_recurring()) {
    if (sees(request.who, r.officer_id)) out.push_back(recurring_json(c, r, now));
  }
  return json_reply(200, out);
}

http::response delete_recurring(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a recurring broadcast");
  const auto active = c.events.active_recurring();
  const auto found = std::find_if(active.begin(), active.end(), [id](const auto& r) { return r.id == id; });
  if (found != active.end()) {
    require_change(request.who, found->officer_id, "recurring broadcast " + std::to_string(id));
  }
  if (!c.events.stop_recurring(id)) return http::error_response(404, "no recurring broadcast " + std::to_string(id));
  spdlog::info("recurring broadcast {} stopped", id);
  return json_reply(200, {{"id", id}, {"stopped", true}});
}

}  // namespace

void add_event_routes(http::router& routes, api_context& context) {
  auto bind = [&context](http::response (*handler)(api_context&, const http::request&)) {
    return guarded([&context, handler](const http::request& request) { return handler(context, request); });
  };
  routes.add("POST", "/api/v1/events", bind(post_event));
  routes.add("GET", "/api/v1/events", bind(list_events));
  routes.add("GET", "/api/v1/events/{id}", bind(get_event));
  routes.add("POST", "/api/v1/events/{id}/cancel", bind(cancel_event));
  routes.add("GET", "/api/v1/birthdays", bind(get_birthdays));
  routes.add("PUT", "/api/v1/birthdays", bind(put_birthdays));
  routes.add("POST", "/api/v1/recurring", bind(post_recurring));
  routes.add("GET", "/api/v1/recurring", bind(list_recurring));
  routes.add("DELETE", "/api/v1/recurring/{id}", bind(delete_recurring));
}

}  // namespace siaran::daemon::api
