// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/contacts/contact_import.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <stdexcept>
#include <utility>

#include "common/ascii.h"
#include "common/spreadsheet_cell.h"
#include "daemon/contacts/birth_date.h"
#include "daemon/contacts/csv_reader.h"
#include "queue/contact_columns.h"
#include "sms/phone_number.h"

namespace siaran::daemon::contacts {
namespace {

using column = queue::contact_column;

struct alias {
  std::string_view key;
  column meaning;
};

constexpr alias aliases[] = {
    {"nama", column::name},          {"name", column::name},
    {"no_hp", column::phone},             {"hp", column::phone},
    {"telepon", column::phone},           {"phone", column::phone},
    {"nomor", column::phone},             {"nomor_hp", column::phone},
    {"no_telp", column::phone},           {"no_telepon", column::phone},
    {"telp", column::phone},              {"no_wa", column::phone},
    {"whatsapp", column::phone},          {"panggilan", column::salutation},
    {"peran", column::role},              {"role", column::role},
    {"tingkat", column::level},           {"level", column::level},
    {"kabupaten", column::kabupaten},     {"kecamatan", column::kecamatan},
    {"desa", column::desa},               {"kelurahan", column::desa},
    {"posyandu", column::posyandu},       {"tanggal_lahir", column::birth_date},
    {"tgl_lahir", column::birth_date},    {"tag", column::tags},
    {"tags", column::tags},               {"catatan", column::notes},
    {"notes", column::notes},             {"berhenti", column::opted_out}};

std::optional<column> meaning_of(const std::string& key) {
  for (const auto& a : aliases) {
    if (a.key == key) return a.meaning;
  }
  return std::nullopt;
}

// A bad row: its code, the column and value it concerns, and the English reason.
class row_error : public std::runtime_error {
 public:
  row_error(std::string code, std::optional<std::string> column, std::optional<std::string> value,
            const std::string& reason)
      : std::runtime_error(reason), code_(std::move(code)), column_(std::move(column)), value_(std::move(value)) {}

  import_error at(int line) const { return {line, code_, column_, value_, what()}; }

 private:
  std::string code_;
  std::optional<std::string> column_;
  std::optional<std::string> value_;
};

// The reason reads "<column> '<value>': <why>".
[[noreturn]] void refuse(const std::string& code, const std::string& header, const std::string& value,
                         const std::string& why) {
  throw row_error(code, header, value, header + " '" + value + "': " + why);
}

// How the header's columns map: a known meaning, a field key, or ignored (an empty header).
struct column_map {
  struct entry {
    std::string header;  // as written, for the reasons
    std::optional<column> meaning;
    std::string field_key;  // when no meaning; empty: ignored
  };
  std::vector<entry> entries;
};

column_map map_header(const std::vector<std::string>& header, std::vector<import_error>& errors) {
  column_map map;
  std::map<column, std::string> seen;
  for (const auto& cell : header) {
    column_map::entry e{std::string(common::trim(cell)), std::nullopt, ""};
    const auto key = column_key(common::restored_cell(common::trim(cell)));
    e.meaning = meaning_of(key);
    if (e.meaning) {
      const auto [earlier, fresh] = seen.try_emplace(*e.meaning, e.header);
      if (!fresh) {
        errors.push_back({1, "header_duplicate", e.header, earlier->second,
                          "columns '" + earlier->second + "' and '" + e.header + "' mean the same"});
      }
    } else {
      e.field_key = key;
    }
    map.entries.push_back(std::move(e));
  }
  if (!seen.contains(column::name)) {
    errors.push_back({1, "header_missing_name", std::nullopt, std::nullopt, "no name column (nama)"});
  }
  if (!seen.contains(column::phone)) {
    errors.push_back(
        {1, "header_missing_phone", std::nullopt, std::nullopt, "no phone column (no_hp, hp, telepon or phone)"});
  }
  return map;
}

// The columns the header names, for an update that changes only those.
queue::contact_columns carried_by(const column_map& map) {
  queue::contact_columns carried;
  for (const auto& entry : map.entries) {
    if (entry.meaning) {
      carried.known.insert(*entry.meaning);
    } else if (!entry.field_key.empty()) {
      carried.fields.insert(entry.field_key);
    }
  }
  return carried;
}

// Excel shows a long digit string as 6.28123E+11 and exports it so: the last digits are gone.
bool excel_mangled(const std::string& value) {
  static const std::regex scientific(R"(^[+]?\d+([.,]\d+)?[eE][+]?\d+$)");
  return std::regex_match(value, scientific);
}

std::string phone_of(const std::string& header, const std::string& value, std::string_view region) {
  if (excel_mangled(value)) {
    refuse("phone_excel", header, value,
           "Excel turned the number into scientific notation and dropped digits; format the column as text and "
           "export again");
  }
  try {
    return normalize_phone_number(value, region);
  } catch (const phone_number_error& e) {
    // "62812..." typed without '+' reads as a national number in most regions: try it as
    // international before giving up.
    if (value.find_first_not_of("0123456789 -.") == std::string::npos && value.front() != '0') {
      try {
        return normalize_phone_number("+" + value, region);
      } catch (const phone_number_error&) {
      }
    }
    throw row_error("phone_invalid", header, value, header + ": " + e.what());  // what() names the value already
  }
}

std::vector<std::string> tags_of(const std::string& value) {
  std::vector<std::string> tags;
  std::string current;
  const auto flush = [&] {
    if (!current.empty() && std::find(tags.begin(), tags.end(), current) == tags.end()) tags.push_back(current);
    current.clear();
  };
  for (const char ch : value) {
    if (ch == ',' || ch == ';' || common::is_space(ch)) {
      flush();
    } else {
      current += ch;
    }
  }
  flush();
  return tags;
}

bool opted_out_of(const std::string& header, const std::string& value) {
  const std::string lower = common::lowercase(value);
  if (lower == "ya" || lower == "y" || lower == "yes" || lower == "1" || lower == "true") return true;
  if (lower == "tidak" || lower == "t" || lower == "no" || lower == "0" || lower == "false") return false;
  refuse("opted_out_invalid", header, value, "write ya or tidak");
}

void assign(queue::contact& c, column meaning, const std::string& header, const std::string& value,
            std::string_view region) {
  switch (meaning) {
    case column::name: c.name = value; break;
    case column::phone: c.phone = phone_of(header, value, region); break;
    case column::salutation: c.salutation = value; break;
    case column::role: c.role = value; break;
    case column::level: c.level = value; break;
    case column::kabupaten: c.kabupaten = value; break;
    case column::kecamatan: c.kecamatan = value; break;
    case column::desa: c.desa = value; break;
    case column::posyandu: c.posyandu = value; break;
    case column::birth_date:
      try {
        c.birth_date = parse_birth_date(value);
      } catch (const date_error& e) {
        refuse("date_invalid", header, value, e.what());
      }
      break;
    case column::tags: c.tags = tags_of(value); break;
    case column::notes: c.notes = value; break;
    case column::opted_out: c.opted_out = opted_out_of(header, value); break;
  }
}

struct read_contact {
  queue::contact contact;
  std::string phone_header;
  std::string phone_as_written;  // for a reason the secretariat finds in the spreadsheet
};

read_contact contact_of(const column_map& map, const csv_row& row, std::string_view region) {
  const std::size_t known = map.entries.size();
  for (std::size_t i = known; i < row.cells.size(); ++i) {
    if (!common::trim(row.cells[i]).empty()) {
      const auto cells = std::to_string(row.cells.size());
      throw row_error("cell_count", std::nullopt, cells,
                      "has " + cells + " cells, the header " + std::to_string(known));
    }
  }
  read_contact read;
  auto& c = read.contact;
  std::string name_header = "nama";
  for (std::size_t i = 0; i < known && i < row.cells.size(); ++i) {
    const auto& entry = map.entries[i];
    const std::string value(common::restored_cell(common::trim(row.cells[i])));
    if (entry.meaning == column::name) name_header = entry.header;
    if (entry.meaning == column::phone) read.phone_header = entry.header;
    if (entry.meaning == column::phone) read.phone_as_written = value;
    if (value.empty()) continue;
    const bool number = i < row.numbers.size() && row.numbers[i];
    if (number && entry.meaning == column::phone) {
      refuse("phone_as_number", entry.header, value,
             "the cell is a number, not text: a number loses its leading 0, and Excel keeps only 15 digits; "
             "format the column as text and type the numbers again");
    }
    if (number && entry.meaning == column::birth_date) {
      try {
        c.birth_date = excel_serial_date(value);
      } catch (const date_error& e) {
        refuse("date_invalid", entry.header, value, e.what());
      }
    } else if (entry.meaning) {
      assign(c, *entry.meaning, entry.header, value, region);
    } else if (!entry.field_key.empty()) {
      c.fields[entry.field_key] = value;
    }
  }
  if (c.name.empty()) {
    throw row_error("name_missing", name_header, std::nullopt, name_header + " is empty: a contact needs a name");
  }
  if (c.phone.empty()) {
    throw row_error("phone_missing", read.phone_header, std::nullopt,
                    read.phone_header + " is empty: a contact needs a phone number");
  }
  return read;
}

}  // namespace

std::string column_key(std::string_view header) {
  std::string key;
  bool gap = false;
  for (const char ch : common::trim(header)) {
    if (ch == ' ' || ch == '\t' || ch == '-' || ch == '.' || ch == '_') {
      gap = true;
      continue;
    }
    if (gap && !key.empty()) key += '_';
    gap = false;
    key += common::to_lower(ch);
  }
  return key;
}

import_result parse_contacts(std::string_view csv, std::string_view region) {
  try {
    return parse_contact_table(read_csv(csv), region);
  } catch (const csv_error& e) {
    import_result result;
    result.errors.push_back({e.line(), "csv_syntax", std::nullopt, std::nullopt, e.what()});
    return result;
  }
}

import_result parse_contact_table(const csv_table& table, std::string_view region) {
  import_result result;
  if (table.header.empty()) {
    result.errors.push_back(
        {1, "empty_file", std::nullopt, std::nullopt, "the file is empty: expected a header line (nama, no_hp, ...)"});
    return result;
  }
  const auto map = map_header(table.header, result.errors);
  if (!result.errors.empty()) return result;
  result.columns = carried_by(map);
  std::map<std::string, int> line_of_phone;
  for (const auto& row : table.rows) {
    try {
      auto read = contact_of(map, row, region);
      const auto [earlier, fresh] = line_of_phone.try_emplace(read.contact.phone, row.line);
      if (!fresh) {
        refuse("phone_duplicate", read.phone_header, read.phone_as_written,
               "same number as line " + std::to_string(earlier->second));
      }
      result.contacts.push_back(std::move(read.contact));
      result.lines.push_back(row.line);
    } catch (const row_error& e) {
      result.errors.push_back(e.at(row.line));
    }
  }
  return result;
}

}  // namespace siaran::daemon::contacts
