// SPDX-License-Identifier: GPL-3.0-or-later
// Arbitrary text as an SMS read against the default SKDN form. Each must be read or refused with
// a problem to send back; what is read must keep the form: its fields in order, each within its
// limits, every rule holding, for a month not after the current one.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "daemon/sms_reports/form_rules.h"
#include "daemon/sms_reports/report_answers.h"
#include "daemon/sms_reports/report_form.h"
#include "daemon/sms_reports/report_reader.h"

namespace sms_reports = siaran::daemon::sms_reports;

namespace {

const sms_reports::report_form& skdn() {
  static const sms_reports::report_form form = sms_reports::default_skdn_form();
  return form;
}

std::int64_t value_of(const sms_reports::report_reading& reading, const std::string& name) {
  for (const auto& given : reading.values) {
    if (given.first == name) return std::get<std::int64_t>(given.second);
  }
  std::abort();
}

void check_reading(const sms_reports::report_reading& reading, sms_reports::report_period current) {
  const auto& form = skdn();
  if (reading.form != form.code || reading.values.size() != form.fields.size() || reading.period > current) {
    std::abort();
  }
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    const auto& field = form.fields[i];
    const auto value = value_of(reading, field.name);
    if (reading.values[i].first != field.name || value < field.min.value_or(0) || value > *field.max) std::abort();
  }
  for (const auto& rule : form.rules) {
    if (!sms_reports::holds(rule.op, value_of(reading, rule.left), value_of(reading, rule.right))) std::abort();
  }
  if (sms_reports::report_confirmed(form, "Melati", reading, false).empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  constexpr sms_reports::report_period current{2026, 11};
  const auto read = sms_reports::read_report(skdn(), text, current);
  if (const auto* refusal = std::get_if<sms_reports::report_refusal>(&read)) {
    if (refusal->problem.empty() || refusal->form != skdn().code) std::abort();
    if (sms_reports::report_corrected(skdn(), *refusal).empty()) std::abort();
  } else {
    check_reading(std::get<sms_reports::report_reading>(read), current);
  }
  const sms_reports::report_form forms[] = {skdn()};
  const bool recognised = sms_reports::recognise_form(text, forms) != nullptr;
  // A message the form is not recognised in is refused as not starting with its code.
  if (!recognised && std::holds_alternative<sms_reports::report_reading>(read)) std::abort();
  return 0;
}
