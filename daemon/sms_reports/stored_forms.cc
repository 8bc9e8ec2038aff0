// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/stored_forms.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace siaran::daemon::sms_reports {
namespace {

std::optional<report_form> read_form(const queue::stored_form& stored) {
  try {
    return form_from_json(nlohmann::json::parse(stored.definition));
  } catch (const std::exception& e) {
    spdlog::error("report form {} is left out: its stored definition does not read: {}",
                  stored.code, e.what());
    return std::nullopt;
  }
}

}  // namespace

std::vector<report_form> stored_forms(queue::report_form_book& book) {
  std::vector<report_form> out;
  for (const auto& stored : book.list()) {
    if (auto form = read_form(stored)) out.push_back(std::move(*form));
  }
  return out;
}

std::optional<report_form> stored_form(queue::report_form_book& book, const std::string& code) {
  const auto stored = book.find(code);
  if (!stored) return std::nullopt;
  return read_form(*stored);
}

void add_default_form(queue::report_form_book& book, queue::timestamp now) {
  if (!book.never_defined()) return;
  const report_form form = default_skdn_form();
  book.add({form.code, to_json(form).dump(), now, now});
  spdlog::info("report form {} added: the shipped default", form.code);
}

std::string roles_json(const report_form& form) { return nlohmann::json(form.roles).dump(); }

}  // namespace siaran::daemon::sms_reports
