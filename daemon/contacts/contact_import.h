// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A secretariat's contact spreadsheet (CSV) read into contacts: header names mapped (any case,
// any order, spaces or underscores), numbers in any local form normalised to E.164, Indonesian
// dates, tags; every bad row reported with its line and the reason. Pure: nothing is stored;
// the caller imports all the contacts, or, when asked, the good ones despite the errors.
//
// Columns (header -> contact): nama|name; no_hp|hp|telepon|phone|no hp|nomor (and nomor_hp,
// no_telp, telp, no_wa, whatsapp); panggilan; peran|role; tingkat|level; kabupaten; kecamatan;
// desa|kelurahan; posyandu; tanggal_lahir|tgl_lahir; tag|tags (words separated by commas,
// semicolons or spaces: one tag is one word); catatan|notes; berhenti (ya/1/true: opted out).
// Any other column is a contact field, its key the header lower-cased with spaces as '_'.
// A cell written as text with a leading ' before =, +, -, @, tab or CR (as Siaran's export
// neutralises formulas) is read without that '.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/contacts/csv_reader.h"
#include "queue/contact_columns.h"
#include "queue/contacts.h"

namespace siaran::daemon::contacts {

// `code` is stable for programs (the web UI words it in Indonesian): header_duplicate,
// header_missing_name, header_missing_phone, empty_file, csv_syntax, cell_count, name_missing,
// phone_missing, phone_invalid, phone_excel, phone_as_number, phone_duplicate, date_invalid, opted_out_invalid.
// `reason` is the English sentence for the CLI and scripts.
struct import_error {
  int line = 0;
  std::string code;
  std::optional<std::string> column;  // the header cell as written, when the error is about one
  std::optional<std::string> value;   // the cell as written (see docs/api.md for each code)
  std::string reason;
};

struct import_result {
  std::vector<queue::contact> contacts;  // the good rows, in file order
  std::vector<int> lines;                // of each of `contacts`, as an error's line counts
  std::vector<import_error> errors;      // in line order
  queue::contact_columns columns;        // what the header carries: an update changes only these
};

import_result parse_contacts(std::string_view csv, std::string_view region);
// As parse_contacts, for a table read otherwise (an .xlsx sheet): a phone cell stored as a
// number is the error phone_as_number, a birth date stored as a number Excel's serial date.
import_result parse_contact_table(const csv_table& table, std::string_view region);

// A header cell as a key: trimmed, lower-cased, runs of spaces, '-' and '.' as one '_'.
std::string column_key(std::string_view header);

}  // namespace siaran::daemon::contacts
