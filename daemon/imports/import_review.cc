// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/imports/import_review.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace siaran::daemon::imports {
namespace {

using queue::contact_column;

// The API's name of each column a review can show (docs/api.md "Contacts").
constexpr std::pair<contact_column, std::string_view> api_names[] = {
    {contact_column::name, "nama"},        {contact_column::salutation, "panggilan"},
    {contact_column::role, "peran"},       {contact_column::level, "tingkat"},
    {contact_column::kabupaten, "kabupaten"}, {contact_column::kecamatan, "kecamatan"},
    {contact_column::desa, "desa"},        {contact_column::posyandu, "posyandu"},
    {contact_column::birth_date, "tanggal_lahir"}, {contact_column::tags, "tag"},
    {contact_column::notes, "catatan"}};

std::optional<std::string> field_of(const queue::contact& c, const std::string& key) {
  const auto found = c.fields.find(key);
  if (found == c.fields.end()) return std::nullopt;
  return found->second;
}

// The columns of `row` that differ from `stored`, with the columns applying it must write.
std::vector<column_change> differences(const queue::contact& stored, const queue::contact& row,
                                       const queue::contact_columns& carried, queue::contact_columns& differing) {
  std::vector<column_change> changes;
  for (const auto& [column, name] : api_names) {
    if (!carried.known.contains(column)) continue;
    auto before = queue::column_text(stored, column);
    auto after = queue::column_text(row, column);
    if (before == after) continue;
    differing.known.insert(column);
    changes.push_back({std::string(name), std::move(before), std::move(after)});
  }
  for (const auto& key : carried.fields) {
    auto before = field_of(stored, key);
    auto after = field_of(row, key);
    if (before == after) continue;
    differing.fields.insert(key);
    changes.push_back({key, std::move(before), std::move(after)});
  }
  return changes;
}

contacts::import_error conflict(int line, const queue::contact& row, const queue::contact& stored) {
  return {line, "phone_conflict", std::nullopt, row.phone,
          row.phone + ": ends in the same digits as contact " + std::to_string(stored.id) + "'s number " +
              stored.phone + ", so replies could not tell them apart"};
}

}  // namespace

import_review review_import(const contacts::import_result& parsed, const stored_contact_of& stored) {
  import_review review;
  review.errors = parsed.errors;
  for (std::size_t i = 0; i < parsed.contacts.size(); ++i) {
    const auto& row = parsed.contacts[i];
    const int line = parsed.lines[i];
    const auto owner = stored(row.phone);
    if (!owner) {
      review.rows.push_back({row, parsed.columns});
      ++review.new_contacts;
    } else if (owner->phone != row.phone) {
      review.errors.push_back(conflict(line, row, *owner));
    } else {
      queue::contact_columns differing;
      auto changes = differences(*owner, row, parsed.columns, differing);
      if (changes.empty()) {
        ++review.unchanged;
        continue;
      }
      review.rows.push_back({row, std::move(differing)});
      review.changed.push_back({line, owner->id, std::move(changes)});
    }
  }
  std::stable_sort(review.errors.begin(), review.errors.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return review;
}

}  // namespace siaran::daemon::imports
