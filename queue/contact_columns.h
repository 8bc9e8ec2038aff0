// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The columns a contact spreadsheet carries, and a stored contact updated by only those: a
// file without desa keeps every contact's desa, as a secretariat's four-column sheet must not
// clear what another sheet filled in. Pure: the book and the import review both use it.

#include <optional>
#include <set>
#include <string>

#include "queue/contacts.h"

namespace siaran::queue {

// A contact's columns. A file's phone finds the stored contact, and an import never changes
// the opt-out (see contact_book::upsert): carried_over keeps both.
enum class contact_column { name, phone, salutation, role, level, kabupaten, kecamatan, desa, posyandu, birth_date,
                            tags, notes, opted_out };

struct contact_columns {
  std::set<contact_column> known;
  std::set<std::string> fields;  // the keys of the other columns the file carries
  bool every_field = false;      // true: the stored fields are replaced whole (an edit, not a file)

  // Every column: the stored contact replaced whole.
  static contact_columns all();
};

// A file's row: its values, and the columns it updates in the stored contact with its number.
struct contact_row {
  contact values;
  contact_columns columns;
};

// The column as text, `tags` as its words joined by ", ", nothing for `phone`, `opted_out` and
// an empty value: what a review shows as the old and the new value.
std::optional<std::string> column_text(const contact& c, contact_column column);

// `stored` with the `carried` columns taken from `from_file`; an empty cell in a carried column
// clears that column (the file says so), a column the file lacks is kept.
contact carried_over(contact stored, const contact& from_file, const contact_columns& carried);

}  // namespace siaran::queue
