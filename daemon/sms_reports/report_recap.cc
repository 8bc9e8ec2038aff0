// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_recap.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

namespace siaran::daemon::sms_reports {
namespace {

using exports::spreadsheet_table;
using exports::table_row;

// The coverage ratios of the SKDN recap, shown when the form has both fields.
constexpr std::pair<const char*, const char*> ratios[] = {{"K", "S"}, {"D", "S"}, {"N", "D"}};

struct place_row {
  std::string kecamatan, desa, posyandu;
  int cadres = 0;
  const queue::sms_report* report = nullptr;
};

struct tally {
  int posyandu = 0, reported = 0;
  std::map<std::string, std::int64_t> sums;
};

bool has_field(const report_form& form, const std::string& name) {
  return std::ranges::any_of(form.fields, [&](const form_field& f) { return f.name == name; });
}

std::vector<std::pair<std::string, std::string>> shown_ratios(const report_form& form) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [top, bottom] : ratios) {
    if (has_field(form, top) && has_field(form, bottom)) out.emplace_back(top, bottom);
  }
  return out;
}

// "86,5": Indonesian decimals; empty when nothing is divided by.
std::string percent(std::int64_t top, std::int64_t bottom) {
  if (bottom <= 0) return "";
  std::string text =
      fmt::format("{:.1f}", 100.0 * static_cast<double>(top) / static_cast<double>(bottom));
  std::ranges::replace(text, '.', ',');
  return text;
}

std::vector<place_row> places_of(const recap_source& source) {
  std::map<std::int64_t, const queue::sms_report*> by_id;
  for (const auto& r : source.reports) by_id[r.id] = &r;
  std::vector<place_row> out;
  for (const auto& p : source.posyandu) {
    place_row row{p.kecamatan.value_or(""), p.desa.value_or(""), p.posyandu, p.cadres, nullptr};
    if (p.report_id && by_id.contains(*p.report_id)) {
      row.report = by_id[*p.report_id];
      by_id.erase(*p.report_id);
    }
    out.push_back(std::move(row));
  }
  // Reported by a posyandu no contact names any more: still counted.
  for (const auto& [id, r] : by_id)
    out.push_back({r->kecamatan.value_or(""), r->desa.value_or(""), r->posyandu, 0, r});
  return out;
}

std::map<std::string, std::int64_t> integer_values(const nlohmann::json& values) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [name, value] : values.items()) {
    if (value.is_number_integer()) out[name] = value.get<std::int64_t>();
  }
  return out;
}

void count(tally& t, const place_row& row) {
  ++t.posyandu;
  if (!row.report) return;
  ++t.reported;
  for (const auto& [name, value] : integer_values(nlohmann::json::parse(row.report->values)))
    t.sums[name] += value;
}

std::vector<std::string> value_header(const report_form& form) {
  std::vector<std::string> out;
  for (const auto& f : form.fields) out.push_back(f.name);
  for (const auto& [top, bottom] : shown_ratios(form)) out.push_back(top + "/" + bottom + " (%)");
  return out;
}

void add_values(table_row& row, const report_form& form,
                const std::map<std::string, std::int64_t>& numbers, const nlohmann::json& texts) {
  for (const auto& f : form.fields) {
    if (const auto it = numbers.find(f.name); it != numbers.end()) {
      row.emplace_back(it->second);
    } else {
      row.emplace_back(texts.contains(f.name) && texts[f.name].is_string()
                           ? texts[f.name].get<std::string>()
                           : "");
    }
  }
  for (const auto& [top, bottom] : shown_ratios(form)) {
    const bool both = numbers.contains(top) && numbers.contains(bottom);
    row.emplace_back(both ? percent(numbers.at(top), numbers.at(bottom)) : std::string());
  }
}

spreadsheet_table tally_table(const recap_source& source, const std::vector<place_row>& places,
                              bool by_desa) {
  std::map<std::pair<std::string, std::string>, tally> tallies;
  for (const auto& row : places) count(tallies[{row.kecamatan, by_desa ? row.desa : ""}], row);
  spreadsheet_table table;
  table.key = by_desa ? "desa" : "kecamatan";
  table.name = by_desa ? "Per desa" : "Per kecamatan";
  table.header = {"kecamatan"};
  if (by_desa) table.header.push_back("desa");
  for (const char* column : {"posyandu", "melapor", "belum_melapor"})
    table.header.push_back(column);
  for (auto& column : value_header(source.form)) table.header.push_back(std::move(column));
  for (const auto& [place, t] : tallies) {
    table_row row{place.first};
    if (by_desa) row.emplace_back(place.second);
    row.emplace_back(std::int64_t{t.posyandu});
    row.emplace_back(std::int64_t{t.reported});
    row.emplace_back(std::int64_t{t.posyandu - t.reported});
    add_values(row, source.form, t.sums, nlohmann::json::object());
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string received(const queue::sms_report& r, const schedule::time_zone& zone) {
  const auto local = zone.to_local(r.received_at);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", local.date.year, local.date.month,
                     local.date.day, local.hour, local.minute);
}

spreadsheet_table posyandu_table(const recap_source& source, const std::vector<place_row>& places,
                                 const schedule::time_zone& zone) {
  spreadsheet_table table{
      "posyandu", "Posyandu", {"kecamatan", "desa", "posyandu", "melapor", "diterima"}, {}};
  for (auto& column : value_header(source.form)) table.header.push_back(std::move(column));
  for (const auto& p : places) {
    table_row row{p.kecamatan, p.desa, p.posyandu, std::string(p.report ? "Ya" : "Belum"),
                  p.report ? received(*p.report, zone) : std::string()};
    const nlohmann::json values =
        p.report ? nlohmann::json::parse(p.report->values) : nlohmann::json::object();
    add_values(row, source.form, integer_values(values), values);
    table.rows.push_back(std::move(row));
  }
  return table;
}

spreadsheet_table missing_table(const std::vector<place_row>& places) {
  spreadsheet_table table{"belum", "Belum melapor", {"kecamatan", "desa", "posyandu", "kader"}, {}};
  for (const auto& p : places) {
    if (!p.report) table.rows.push_back({p.kecamatan, p.desa, p.posyandu, std::int64_t{p.cadres}});
  }
  return table;
}

}  // namespace

std::vector<spreadsheet_table> report_recap(const recap_source& source,
                                            const schedule::time_zone& zone) {
  const std::vector<place_row> places = places_of(source);
  return {tally_table(source, places, false), tally_table(source, places, true),
          posyandu_table(source, places, zone), missing_table(places)};
}

}  // namespace siaran::daemon::sms_reports
