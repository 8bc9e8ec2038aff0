// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbox/forwarding.h"

#include <vector>

#include "common/ascii.h"

namespace siaran::daemon::inbox {
namespace {

// "kader" -> "Kader": roles are stored as typed in the spreadsheet.
std::string capitalised(std::string word) {
  if (!word.empty()) word[0] = common::to_upper(word[0]);
  return word;
}

}  // namespace

std::string forwarded_text(const queue::contact& from, std::string_view text) {
  std::vector<std::string> about;
  if (from.role && !from.role->empty()) about.push_back(capitalised(*from.role));
  if (from.desa && !from.desa->empty()) about.push_back("Desa " + *from.desa);
  std::string out = "Balasan dari " + from.name;
  if (!about.empty()) {
    out += " (" + about[0];
    if (about.size() > 1) out += ", " + about[1];
    out += ")";
  }
  return out + ": " + std::string(text);
}

bool worth_forwarding(const std::optional<keyword_match>& keyword) {
  if (!keyword) return true;
  const bool rsvp = keyword->kind == keyword_kind::attend || keyword->kind == keyword_kind::decline;
  return rsvp && !keyword->note.empty();
}

}  // namespace siaran::daemon::inbox
