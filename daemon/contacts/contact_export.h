// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Contacts as a table with the import's own header names, so that an export (CSV or .xlsx,
// daemon/export) imports back unchanged: tags joined by ", ", opted out as berhenti = ya, and
// every contact field as a column after the standard ones (sorted). Pure.

#include <string>
#include <vector>

#include "daemon/export/spreadsheet_table.h"
#include "queue/contacts.h"

namespace siaran::daemon::contacts {

exports::spreadsheet_table contact_table(const std::vector<queue::contact>& contacts);

}  // namespace siaran::daemon::contacts
