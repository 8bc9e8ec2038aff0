// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_intake.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <variant>

#include "common/ascii.h"
#include "common/log_text.h"
#include "daemon/sms_reports/report_answers.h"
#include "daemon/sms_reports/report_reader.h"
#include "daemon/sms_reports/stored_forms.h"

namespace siaran::daemon::sms_reports {
namespace {

bool may_report(const report_form& form, const queue::contact& sender) {
  if (!sender.posyandu || common::trim(*sender.posyandu).empty()) return false;
  if (form.roles.empty()) return true;
  return sender.role && std::ranges::any_of(form.roles, [&](const std::string& role) {
           return common::iequals(role, common::trim(*sender.role));
         });
}

std::string values_json(const report_reading& reading) {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& [name, value] : reading.values) {
    std::visit([&values, &name](const auto& v) { values[name] = v; }, value);
  }
  return values.dump();
}

report_period month_of(const schedule::time_zone& zone, queue::timestamp at) {
  const auto local = zone.to_local(at).date;
  return {local.year, static_cast<unsigned>(local.month)};
}

}  // namespace

report_intake::report_intake(queue::report_form_book& forms, queue::sms_report_book& reports,
                             schedule::time_zone zone)
    : forms_(forms), reports_(reports), zone_(std::move(zone)) {}

std::optional<report_taken> report_intake::take(std::int64_t incoming_id,
                                                const std::optional<queue::contact>& sender,
                                                std::string_view text,
                                                queue::timestamp received_at) {
  const std::vector<report_form> forms = stored_forms(forms_);
  const report_form* form = recognise_form(text, forms);
  if (!form) return std::nullopt;
  if (!sender) return report_taken{form->code, report_sender_unknown(*form)};
  if (!may_report(*form, *sender))
    return report_taken{form->code, report_sender_not_allowed(*form)};
  auto read = read_report(*form, text, month_of(zone_, received_at));
  if (const auto* refusal = std::get_if<report_refusal>(&read)) {
    spdlog::info("incoming {}: {} report refused: {}", incoming_id, form->code,
                 common::log_text(refusal->problem));
    return report_taken{form->code, report_corrected(*form, *refusal)};
  }
  const auto& reading = std::get<report_reading>(read);
  queue::sms_report report;
  report.form = form->code;
  report.period = to_string(reading.period);
  report.posyandu = std::string(common::trim(*sender->posyandu));
  report.desa = sender->desa;
  report.kecamatan = sender->kecamatan;
  report.contact_id = sender->id;
  report.incoming_id = incoming_id;
  report.values = values_json(reading);
  report.received_at = received_at;
  const auto saved = reports_.save(std::move(report));
  spdlog::info(
      "incoming {}: {} report {} for {} stored{}", incoming_id, form->code, saved.id, saved.period,
      saved.replaces ? ", replacing report " + std::to_string(*saved.replaces) : std::string());
  return report_taken{form->code,
                      report_confirmed(*form, saved.posyandu, reading, saved.replaces.has_value())};
}

}  // namespace siaran::daemon::sms_reports
