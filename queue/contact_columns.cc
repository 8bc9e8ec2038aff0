// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/contact_columns.h"

namespace siaran::queue {

contact_columns contact_columns::all() {
  using enum contact_column;
  return {{name, salutation, role, level, kabupaten, kecamatan, desa, posyandu, birth_date, tags, notes}, {}, true};
}

namespace {

void copy_column(contact& to, const contact& from, contact_column column) {
  switch (column) {
    case contact_column::name: to.name = from.name; break;
    case contact_column::salutation: to.salutation = from.salutation; break;
    case contact_column::role: to.role = from.role; break;
    case contact_column::level: to.level = from.level; break;
    case contact_column::kabupaten: to.kabupaten = from.kabupaten; break;
    case contact_column::kecamatan: to.kecamatan = from.kecamatan; break;
    case contact_column::desa: to.desa = from.desa; break;
    case contact_column::posyandu: to.posyandu = from.posyandu; break;
    case contact_column::birth_date: to.birth_date = from.birth_date; break;
    case contact_column::tags: to.tags = from.tags; break;
    case contact_column::notes: to.notes = from.notes; break;
    case contact_column::phone:
    case contact_column::opted_out: break;
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

}  // namespace

std::optional<std::string> column_text(const contact& c, contact_column column) {
  // The one column copied into an empty contact and read back: copy_column stays the one place
  // that knows which member a column is.
  contact only;
  copy_column(only, c, column);
  if (column == contact_column::name) return only.name;
  if (column == contact_column::tags) return only.tags.empty() ? std::nullopt : std::optional(joined(only.tags));
  for (const auto* text : {&only.salutation, &only.role, &only.level, &only.kabupaten, &only.kecamatan, &only.desa,
                           &only.posyandu, &only.birth_date, &only.notes}) {
    if (*text) return *text;
  }
  return std::nullopt;
}

contact carried_over(contact stored, const contact& from_file, const contact_columns& carried) {
  for (const auto column : carried.known) copy_column(stored, from_file, column);
  if (carried.every_field) {
    stored.fields = from_file.fields;
    return stored;
  }
  for (const auto& key : carried.fields) {
    const auto found = from_file.fields.find(key);
    if (found == from_file.fields.end()) {
      stored.fields.erase(key);
    } else {
      stored.fields[key] = found->second;
    }
  }
  return stored;
}

}  // namespace siaran::queue
