// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The report forms as the store keeps them (queue/sms_reports.h), read into report_form: the
// intake, the API, the reminders and the page all read them through here. A store that never had
// a form gets the shipped SKDN once, so a district can start without defining anything.

#include <optional>
#include <string>
#include <vector>

#include "daemon/sms_reports/report_form.h"
#include "queue/sms_reports.h"

namespace siaran::daemon::sms_reports {

// Every form not archived, by code. A definition that no longer reads (written by a newer
// Siaran, or edited by hand) is logged and left out, never guessed at.
std::vector<report_form> stored_forms(queue::report_form_book& book);
std::optional<report_form> stored_form(queue::report_form_book& book, const std::string& code);
void add_default_form(queue::report_form_book& book, queue::timestamp now);

// The form's roles as the store's queries take them: a JSON array.
std::string roles_json(const report_form& form);

}  // namespace siaran::daemon::sms_reports
