// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Contacts as CSV with the import's own header names, so that an export imports back
// unchanged: ',' separated, RFC 4180 quoting, CRLF; tags joined by ", ", opted out as
// berhenti = ya, and every contact field as a column after the standard ones (sorted); a cell
// a spreadsheet would run as a formula is written as text (common/spreadsheet_cell.h). Pure.

#include <string>
#include <vector>

#include "queue/contacts.h"

namespace siaran::daemon::contacts {

std::string export_contacts(const std::vector<queue::contact>& contacts);

}  // namespace siaran::daemon::contacts
