// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A contact file compared with the stored contacts before anything changes: which rows are new,
// which change a stored contact (each column's old and new value), which change nothing, and
// which cannot be imported (the file's bad rows, and numbers that clash with a stored contact).
// Applying it writes exactly `rows`: the new contacts, and of each changed one only the columns
// that differ. Pure: the caller looks the numbers up.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/contacts/contact_import.h"
#include "queue/contact_columns.h"

namespace siaran::daemon::imports {

// One column of a stored contact that the file changes: its name as the API writes it (nama,
// desa, tag...) or a field's key, with the stored and the file's value (nothing: empty).
struct column_change {
  std::string name;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

struct changed_contact {
  int line = 0;
  std::int64_t contact_id = 0;
  std::vector<column_change> changes;
};

struct import_review {
  std::vector<queue::contact_row> rows;  // what applying writes, in file order
  int new_contacts = 0;
  std::vector<changed_contact> changed;
  int unchanged = 0;
  std::vector<contacts::import_error> errors;  // in line order
};

// The stored contact a number belongs to (as replies find it: by its last digits), if any.
using stored_contact_of = std::function<std::optional<queue::contact>(const std::string& phone)>;

// Adds the `phone_conflict` error for a number whose last digits are a different stored number's:
// importing it would make two contacts replies cannot tell apart.
import_review review_import(const contacts::import_result& parsed, const stored_contact_of& stored);

}  // namespace siaran::daemon::imports
