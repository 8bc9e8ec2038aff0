// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/contacts/contact_export.h"

#include <array>
#include <optional>
#include <set>
#include <string_view>


namespace siaran::daemon::contacts {
namespace {

constexpr std::array<std::string_view, 13> standard_columns{
    "nama", "no_hp",         "panggilan", "peran", "tingkat",  "kabupaten", "kecamatan",
    "desa", "posyandu",      "tanggal_lahir", "tag", "berhenti", "catatan"};

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

}  // namespace

exports::spreadsheet_table contact_table(const std::vector<queue::contact>& contacts) {
  std::set<std::string> field_keys;
  for (const auto& c : contacts) {
    for (const auto& [key, value] : c.fields) field_keys.insert(key);
  }
  exports::spreadsheet_table table{"kontak", "Kontak", {}, {}};
  table.header.assign(standard_columns.begin(), standard_columns.end());
  table.header.insert(table.header.end(), field_keys.begin(), field_keys.end());
  for (const auto& c : contacts) {
    auto& row = table.rows.emplace_back();
    for (auto& cell : standard_cells(c)) row.emplace_back(std::move(cell));
    for (const auto& key : field_keys) {
      const auto found = c.fields.find(key);
      row.emplace_back(found == c.fields.end() ? "" : found->second);
    }
  }
  return table;
}

}  // namespace siaran::daemon::contacts
