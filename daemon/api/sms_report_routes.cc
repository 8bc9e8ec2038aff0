// SPDX-License-Identifier: GPL-3.0-or-later
// Reports by SMS (docs/api.md "Reports by SMS", DESIGN.md "Interfaces"): GET /api/v1/reports,
// GET /api/v1/reports/missing, GET /api/v1/reports/recap (CSV, .xlsx, JSON for the page and its
// print view), POST /api/v1/reports/missing/remind, and the forms under /api/v1/forms, which only
// an admin changes. Reports are the district's figures, not an officer's conversation: every
// role reads all of them. A form is never deleted, only archived, so its code keeps its meaning.

#include <spdlog/spdlog.h>

#include <algorithm>

#include "common/ascii.h"
#include "daemon/api/api_context.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/signing_officer.h"
#include "daemon/api/table_download.h"
#include "daemon/sms_reports/report_recap.h"
#include "daemon/sms_reports/report_reminders.h"
#include "daemon/sms_reports/stored_forms.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;
using sms_reports::report_form;
using sms_reports::report_period;

std::optional<std::string> query(const http::request& request, const char* name) {
  const auto it = request.query.find(name);
  if (it == request.query.end() || common::trim(it->second).empty()) return std::nullopt;
  return std::string(common::trim(it->second));
}

report_period month_now(api_context& c) {
  const auto local = schedule::time_zone(c.timezone).to_local(c.now()).date;
  return {local.year, static_cast<unsigned>(local.month)};
}

// ?period= or the body's "period": a month such as 2026-11; this month when absent.
report_period period_of(api_context& c, const std::optional<std::string>& given) {
  if (!given) return month_now(c);
  const auto period = sms_reports::parse_period(*given);
  if (!period) throw bad_request("period: must be a month such as 2026-11");
  return *period;
}

// The form named, or the only one when none is named; 404 for one that is not defined.
std::variant<report_form, http::response> form_of(api_context& c,
                                                  const std::optional<std::string>& code) {
  if (code) {
    auto form = sms_reports::stored_form(*c.forms, common::uppercase(*code));
    if (!form) return http::error_response(404, "no report form " + *code);
    return std::move(*form);
  }
  auto forms = sms_reports::stored_forms(*c.forms);
  if (forms.size() == 1) return std::move(forms.front());
  std::string codes;
  for (const auto& f : forms) codes += (codes.empty() ? "" : ", ") + f.code;
  throw bad_request("form: name one of the report forms (" +
                    (codes.empty() ? "none defined" : codes) + ")");
}

json report_json(const queue::sms_report& r) {
  const auto id_or_null = [](const std::optional<std::int64_t>& id) {
    return id ? json(*id) : json(nullptr);
  };
  return {{"id", r.id},
          {"form", r.form},
          {"period", r.period},
          {"posyandu", r.posyandu},
          {"desa", r.desa ? json(*r.desa) : json(nullptr)},
          {"kecamatan", r.kecamatan ? json(*r.kecamatan) : json(nullptr)},
          {"contact_id", id_or_null(r.contact_id)},
          {"values", json::parse(r.values)},
          {"received_at", iso_utc(r.received_at)},
          {"replaces", id_or_null(r.replaces)},
          {"replaced_by", id_or_null(r.replaced_by)}};
}

http::response list_reports(api_context& c, const http::request& request) {
  queue::sms_report_filter filter;
  if (auto form = query(request, "form")) filter.form = common::uppercase(*form);
  for (const auto& [key, field] :
       {std::pair{"period", &filter.period}, std::pair{"from", &filter.from_period},
        std::pair{"to", &filter.to_period}}) {
    if (auto given = query(request, key)) *field = sms_reports::to_string(period_of(c, given));
  }
  filter.kecamatan = query(request, "kecamatan");
  filter.desa = query(request, "desa");
  filter.posyandu = query(request, "posyandu");
  filter.history = query(request, "history") == "true";
  json out = json::array();
  for (const auto& r : c.sms_reports->list(filter)) out.push_back(report_json(r));
  return json_reply(200, out);
}

http::response list_missing(api_context& c, const http::request& request) {
  auto form = form_of(c, query(request, "form"));
  if (auto* refused = std::get_if<http::response>(&form)) return std::move(*refused);
  const auto& f = std::get<report_form>(form);
  const auto period = sms_reports::to_string(period_of(c, query(request, "period")));
  json out = json::array();
  for (const auto& p :
       c.sms_reports->posyandu_statuses(f.code, period, sms_reports::roles_json(f))) {
    if (p.report_id) continue;
    out.push_back({{"posyandu", p.posyandu},
                   {"desa", p.desa ? json(*p.desa) : json(nullptr)},
                   {"kecamatan", p.kecamatan ? json(*p.kecamatan) : json(nullptr)},
                   {"cadres", p.cadres}});
  }
  return json_reply(200, out);
}

http::response recap(api_context& c, const http::request& request) {
  auto form = form_of(c, query(request, "form"));
  if (auto* refused = std::get_if<http::response>(&form)) return std::move(*refused);
  sms_reports::recap_source source;
  source.form = std::get<report_form>(std::move(form));
  source.period = period_of(c, query(request, "period"));
  const std::string period = sms_reports::to_string(source.period);
  source.posyandu = c.sms_reports->posyandu_statuses(source.form.code, period,
                                                     sms_reports::roles_json(source.form));
  queue::sms_report_filter filter;
  filter.form = source.form.code;
  filter.period = period;
  source.reports = c.sms_reports->list(filter);
  const schedule::time_zone zone(c.timezone);
  return table_download(request, sms_reports::report_recap(source, zone),
                        "laporan-" + common::lowercase(source.form.code) + "-" + period,
                        {{"form", source.form.code},
                         {"title", source.form.title},
                         {"period", period},
                         {"month", sms_reports::month_name(source.period.month) + " " +
                                       std::to_string(source.period.year)},
                         {"organisation", c.organisation},
                         {"timezone", c.timezone}});
}

// Prepared here on the reader, committed in short steps of the writer, as POST /api/v1/broadcasts.
http::response remind(api_context& c, const http::request& request) {
  const json body = json_body(request);
  if (!body.is_object()) throw bad_request("the body must be a JSON object");
  constexpr std::string_view known[] = {"form", "period", "text", "officer_id"};
  require_known_fields(body, known);
  auto form = form_of(c, field_string(body, "form"));
  if (auto* refused = std::get_if<http::response>(&form)) return std::move(*refused);
  const auto& f = std::get<report_form>(form);
  const report_period period = period_of(c, field_string(body, "period"));
  auto contacts = c.sms_reports->reporters_missing(f.code, sms_reports::to_string(period),
                                                   sms_reports::roles_json(f));
  if (contacts.empty()) {
    return http::error_response(
        422, "every posyandu has reported " + f.code + " for " + sms_reports::to_string(period));
  }
  const std::string text =
      field_string(body, "text")
          .value_or(f.reminder ? f.reminder->text
                               : std::string(sms_reports::default_reminder_text));
  broadcast_request r = sms_reports::report_reminder_request(f, period, std::move(contacts), text);
  r.officer_id = signing_officer(c, request.who, field_integer(body, "officer_id", id_range));
  try {
    broadcaster::prepared ready = c.broadcasts_out.prepare(r, c.now());
    const auto on_writer = [&c](const std::function<void(queue::broadcast_book&)>& step) {
      c.on_writer([&](api_context& writer) { step(writer.broadcasts); });
    };
    const created_broadcast created = c.broadcasts_out.commit(std::move(ready), on_writer);
    spdlog::info("report reminder for {} {}: broadcast {}", f.code, sms_reports::to_string(period),
                 created.id);
    return json_reply(201, {{"id", created.id}, {"recipients", created.plan.recipients}});
  } catch (const broadcast_error& e) {
    return http::error_response(422, e.what());
  }
}

http::response list_forms(api_context& c, const http::request&) {
  json out = json::array();
  for (const auto& f : sms_reports::stored_forms(*c.forms)) out.push_back(sms_reports::to_json(f));
  return json_reply(200, out);
}

http::response get_form(api_context& c, const http::request& request) {
  auto form = form_of(c, request.params.at("code"));
  if (auto* refused = std::get_if<http::response>(&form)) return std::move(*refused);
  return json_reply(200, sms_reports::to_json(std::get<report_form>(form)));
}

// The body as a form; 422 naming what is wrong.
std::variant<report_form, http::response> form_in(const http::request& request) {
  try {
    return sms_reports::form_from_json(json_body(request));
  } catch (const sms_reports::form_error& e) {
    return http::error_response(422, e.what());
  }
}

http::response post_form(api_context& c, const http::request& request) {
  auto form = form_in(request);
  if (auto* refused = std::get_if<http::response>(&form)) return std::move(*refused);
  const auto& f = std::get<report_form>(form);
  if (!c.forms->add({f.code, sms_reports::to_json(f).dump(), c.now(), c.now()})) {
    return http::error_response(
        409, "a report form " + f.code + " exists or existed: its code is not reused");
  }
  spdlog::info("report form {} added", f.code);
  return json_reply(201, sms_reports::to_json(f));
}

http::response put_form(api_context& c, const http::request& request) {
  const std::string code = common::uppercase(request.params.at("code"));
  auto form = form_in(request);
  if (auto* refused = std::get_if<http::response>(&form)) return std::move(*refused);
  const auto& f = std::get<report_form>(form);
  if (f.code != code) throw bad_request("code: a form keeps its code (" + code + ")");
  if (!c.forms->update(code, sms_reports::to_json(f).dump(), c.now())) {
    return http::error_response(404, "no report form " + code);
  }
  spdlog::info("report form {} changed", code);
  return json_reply(200, sms_reports::to_json(f));
}

http::response delete_form(api_context& c, const http::request& request) {
  const std::string code = common::uppercase(request.params.at("code"));
  if (!c.forms->archive(code, c.now())) return http::error_response(404, "no report form " + code);
  spdlog::info("report form {} archived", code);
  return http::json_response(204, "");
}

}  // namespace

void add_sms_report_routes(http::router& routes, api_context& context) {
  auto bind = [&context](http::response (*handler)(api_context&, const http::request&)) {
    return guarded(
        [&context, handler](const http::request& request) { return handler(context, request); });
  };
  const http::route_options admin_only{.min_role = http::role::admin};
  routes.add("GET", "/api/v1/reports", bind(list_reports));
  routes.add("GET", "/api/v1/reports/missing", bind(list_missing));
  routes.add("GET", "/api/v1/reports/recap", bind(recap));
  routes.add("POST", "/api/v1/reports/missing/remind", bind(remind),
             {.where = http::runs_on::reader});
  routes.add("GET", "/api/v1/forms", bind(list_forms));
  routes.add("GET", "/api/v1/forms/{code}", bind(get_form));
  routes.add("POST", "/api/v1/forms", bind(post_form), admin_only);
  routes.add("PUT", "/api/v1/forms/{code}", bind(put_form), admin_only);
  routes.add("DELETE", "/api/v1/forms/{code}", bind(delete_form), admin_only);
}

}  // namespace siaran::daemon::api
