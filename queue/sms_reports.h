// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reports by SMS (schema step 25): the forms an admin defines and the monthly reports cadres
// send with them, one current report per form, period and posyandu, the ones it replaced kept.
// A form's definition is the daemon's JSON (daemon/sms_reports/report_form.h): the store keeps it
// whole and reads only its code. A report's values are a JSON object of the form's fields.
// A posyandu is its place: its kecamatan, desa and name, compared without case or outer spaces,
// as the contacts name them; the posyandu that should report are those the contacts name.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class database;
struct report_form_statements;  // report_form_book.cc
struct sms_report_statements;   // sms_report_book.cc

struct stored_form {
  std::string code;        // upper-case
  std::string definition;  // JSON
  timestamp created_at{};
  timestamp updated_at{};
};

class report_form_book {
 public:
  explicit report_form_book(database& db);
  ~report_form_book();
  report_form_book(const report_form_book&) = delete;
  report_form_book& operator=(const report_form_book&) = delete;

  // The forms not archived, by code.
  std::vector<stored_form> list();
  std::optional<stored_form> find(const std::string& code);
  // False when a form with that code exists (archived ones too: a code is never reused, so old
  // reports keep their meaning).
  bool add(const stored_form& form);
  bool update(const std::string& code, const std::string& definition, timestamp now);
  bool archive(const std::string& code, timestamp now);
  // Whether no form was ever stored: the shipped default is added then, and only then.
  bool never_defined();

 private:
  std::unique_ptr<report_form_statements> sql_;
};

struct sms_report {
  std::int64_t id = 0;  // given by save()
  std::string form;
  std::string period;  // YYYY-MM
  std::string posyandu;
  std::optional<std::string> desa;
  std::optional<std::string> kecamatan;
  std::optional<std::int64_t> contact_id;
  std::optional<std::int64_t> incoming_id;
  std::string values;  // JSON object
  timestamp received_at{};
  std::optional<std::int64_t> replaces;  // the report of the same posyandu and period it replaced
  std::optional<std::int64_t> replaced_by;  // none: current
};

struct sms_report_filter {
  std::optional<std::string> form;
  std::optional<std::string> period;                     // YYYY-MM
  std::optional<std::string> from_period, to_period;     // inclusive, for trends
  std::optional<std::string> kecamatan, desa, posyandu;  // compared without case
  bool history = false;                                  // also the replaced ones
};

// A posyandu the contacts name, with its reporters and whether it reported.
struct posyandu_status {
  std::string posyandu;
  std::optional<std::string> desa;
  std::optional<std::string> kecamatan;
  int cadres = 0;                         // contacts who may report for it, not archived
  std::optional<std::int64_t> report_id;  // its current report for the form and period
};

class sms_report_book {
 public:
  explicit sms_report_book(database& db);
  ~sms_report_book();
  sms_report_book(const sms_report_book&) = delete;
  sms_report_book& operator=(const sms_report_book&) = delete;

  // Stores `r` as the current report of its posyandu for its form and period; the one it
  // replaces, if any, stays as history. Returns it with its id and `replaces`. Both writes are
  // one transaction.
  sms_report save(sms_report r);
  std::optional<sms_report> find(std::int64_t id);
  // By kecamatan, desa, posyandu, period, then id.
  std::vector<sms_report> list(const sms_report_filter& filter);
  // Every posyandu of the contacts whose role is one of `roles` (JSON array of names; empty:
  // any), with whether it has a current report for `form` and `period`; by kecamatan, desa, name.
  std::vector<posyandu_status> posyandu_statuses(const std::string& form, const std::string& period,
                                                 const std::string& roles);
  // The contacts (not archived, not opted out) who may report for a posyandu without a current
  // report for `form` and `period`: whom a reminder goes to.
  std::vector<std::int64_t> reporters_missing(const std::string& form, const std::string& period,
                                              const std::string& roles);

 private:
  std::unique_ptr<sms_report_statements> sql_;
};

}  // namespace siaran::queue
