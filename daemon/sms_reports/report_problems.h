// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What is wrong with a report SMS, one sentence in Bahasa Indonesia each, naming a field by its
// name and label ("N (berat badan naik)") and quoting what was typed. The correction SMS
// (report_answers.h) puts one of these before the expected format.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "daemon/sms_reports/report_form.h"

namespace siaran::daemon::sms_reports::problems {

std::string not_this_form(const report_form& form);
std::string not_a_month(std::string_view word);
std::string month_missing_after(std::string_view word);
std::string first_not_a_month(const report_form& form, std::string_view word);
std::string too_many_values(const report_form& form, std::size_t sent);
std::string not_a_field(const report_form& form, std::string_view word);
std::string unlabelled(std::string_view word);
std::string given_twice(const form_field& field);
std::string nothing_given(const report_form& form);
std::string missing(std::span<const form_field* const> fields);
std::string not_a_number(const form_field& field, std::string_view word);
std::string not_whole(const form_field& field, std::string_view word);
std::string above(const form_field& field, std::string_view word, std::int64_t max);
std::string below(const form_field& field, std::string_view word, std::int64_t min);
std::string too_large(const form_field& field, std::string_view word);
// "N (berat badan naik) 38 tidak boleh lebih dari D (balita ditimbang) 30."
std::string rule_broken(comparison op, const form_field& left, std::int64_t left_value,
                        const form_field& right, std::int64_t right_value);

}  // namespace siaran::daemon::sms_reports::problems
