// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/contacts/contact_export.h"

#include <array>
#include <optional>
#include <set>
#include <string_view>

#include "common/spreadsheet_cell.h"

namespace siaran::daemon::contacts {
namespace {

constexpr std::array<std::string_view, 13> standard_columns{
    "nama", "no_hp",         "panggilan", "peran", "tingkat",  "kabupaten", "kecamatan",
    "desa", "posyandu",      "tanggal_lahir", "tag", "berhenti", "catatan"};

// The cell neutralised against formulas, then quoted as RFC 4180 asks.
std::string quoted(std::string_view text) {
  const std::string cell = common::neutralised_cell(text);
  const bool plain = cell.find_first_of(",\"\r\n") == std::string_view::npos &&
                     (cell.empty() || (cell.front() != ' ' && cell.back() != ' '));
  if (plain) return std::string(cell);
  std::string out = "\"";
  for (const char ch : cell) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string joined_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

std::vector<std::string> standard_cells(const queue::contact& c) {
  const auto text = [](const std::optional<std::string>& value) { return value.value_or(""); };
  return {c.name,      c.phone,   text(c.salutation),    text(c.role),       text(c.level),
          text(c.kabupaten), text(c.kecamatan), text(c.desa), text(c.posyandu), text(c.birth_date),
          joined_tags(c.tags), c.opted_out ? "ya" : "", text(c.notes)};
}

void append_line(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + quoted(cells[i]);
  out += "\r\n";
}

}  // namespace

std::string export_contacts(const std::vector<queue::contact>& contacts) {
  std::set<std::string> field_keys;
  for (const auto& c : contacts) {
    for (const auto& [key, value] : c.fields) field_keys.insert(key);
  }
  std::vector<std::string> header(standard_columns.begin(), standard_columns.end());
  header.insert(header.end(), field_keys.begin(), field_keys.end());
  std::string out;
  append_line(out, header);
  for (const auto& c : contacts) {
    auto cells = standard_cells(c);
    for (const auto& key : field_keys) {
      const auto found = c.fields.find(key);
      cells.push_back(found == c.fields.end() ? "" : found->second);
    }
    append_line(out, cells);
  }
  return out;
}

}  // namespace siaran::daemon::contacts
