// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/contact_json.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "common/ascii.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/message_request.h"
#include "daemon/contacts/birth_date.h"
#include "sms/phone_number.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

void require_object(const json& body, const std::string& what) {
  if (!body.is_object()) throw bad_request(what + " must be a JSON object");
}

void only_keys(const json& body, std::initializer_list<std::string_view> allowed, const std::string& field) {
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      throw bad_request(field + key + ": unknown field");
    }
  }
}

// Absent: `current`; null or blank: nothing; a string: trimmed; anything else a bad_request.
std::optional<std::string> optional_text(const json& body, const char* key, const std::string& field,
                                         std::optional<std::string> current) {
  const auto it = body.find(key);
  if (it == body.end()) return current;
  if (it->is_null()) return std::nullopt;
  if (!it->is_string()) throw bad_request(field + key + ": must be a string");
  auto text = std::string(common::trim(it->get<std::string>()));
  if (text.empty()) return std::nullopt;
  return text;
}

std::string required_text(const json& body, const char* key, const std::string& field, std::string current) {
  auto text = optional_text(body, key, field, current.empty() ? std::nullopt : std::optional(current));
  if (!text) throw bad_request(field + key + ": required, a non-empty string");
  return *text;
}

std::string phone_of(const std::string& text, const std::string& region, const char* key) {
  try {
    return normalize_phone_number(text, region);
  } catch (const phone_number_error& e) {
    throw bad_request(std::string(key) + ": " + e.what());
  }
}

std::vector<std::string> tags_of(const json& value) {
  if (!value.is_array()) throw bad_request("tag: must be an array of words");
  std::vector<std::string> tags;
  for (const auto& tag : value) {
    if (!tag.is_string()) throw bad_request("tag: must be an array of words");
    const auto text = tag.get<std::string>();
    if (text.empty() || text.find_first_of(",; \t\r\n") != std::string::npos) {
      throw bad_request("tag: '" + text + "' is not one word");
    }
    if (std::find(tags.begin(), tags.end(), text) == tags.end()) tags.push_back(text);
  }
  return tags;
}

std::map<std::string, std::string> fields_of(const json& value) {
  if (!value.is_object()) throw bad_request("fields: must be an object of strings");
  std::map<std::string, std::string> fields;
  for (const auto& [key, text] : value.items()) {
    if (!text.is_string()) throw bad_request("fields." + key + ": must be a string");
    fields[key] = text.get<std::string>();
  }
  return fields;
}

json nullable(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

}  // namespace

json archived_json(const std::optional<queue::timestamp>& at) { return at ? json(iso_utc(*at)) : json(nullptr); }

queue::archived_view archived_query(const http::request& request) {
  const auto found = request.query.find("archived");
  if (found == request.query.end() || found->second == "false") return queue::archived_view::hidden;
  if (found->second == "true") return queue::archived_view::included;
  if (found->second == "only") return queue::archived_view::only;
  throw bad_request("archived: '" + found->second + "' is not true, false or only");
}

json contact_json(const queue::contact& c) {
  return {{"id", c.id},
          {"nama", c.name},
          {"no_hp", c.phone},
          {"panggilan", nullable(c.salutation)},
          {"peran", nullable(c.role)},
          {"tingkat", nullable(c.level)},
          {"kabupaten", nullable(c.kabupaten)},
          {"kecamatan", nullable(c.kecamatan)},
          {"desa", nullable(c.desa)},
          {"posyandu", nullable(c.posyandu)},
          {"tanggal_lahir", nullable(c.birth_date)},
          {"tag", c.tags},
          {"berhenti", c.opted_out},
          {"catatan", nullable(c.notes)},
          {"fields", c.fields},
          {"archived_at", archived_json(c.archived_at)},
          {"confirmed_at", c.confirmed_at ? json(iso_utc(*c.confirmed_at)) : json(nullptr)},
          {"verify", nullable(c.verify)}};
}

void apply_contact_json(const json& body, const std::string& region, queue::contact& c) {
  require_object(body, "the body");
  only_keys(body,
            {"id", "nama", "no_hp", "panggilan", "peran", "tingkat", "kabupaten", "kecamatan", "desa", "posyandu",
             "tanggal_lahir", "tag", "berhenti", "catatan", "fields"},
            "");
  if (body.contains("id") && field_integer(body, "id", id_range) != c.id) {
    throw bad_request("id: cannot be changed");
  }
  c.name = required_text(body, "nama", "", c.name);
  const auto phone = required_text(body, "no_hp", "", c.phone);
  if (phone != c.phone) c.phone = phone_of(phone, region, "no_hp");
  c.salutation = optional_text(body, "panggilan", "", c.salutation);
  c.role = optional_text(body, "peran", "", c.role);
  c.level = optional_text(body, "tingkat", "", c.level);
  c.kabupaten = optional_text(body, "kabupaten", "", c.kabupaten);
  c.kecamatan = optional_text(body, "kecamatan", "", c.kecamatan);
  c.desa = optional_text(body, "desa", "", c.desa);
  c.posyandu = optional_text(body, "posyandu", "", c.posyandu);
  const auto birth = optional_text(body, "tanggal_lahir", "", c.birth_date);
  try {
    c.birth_date = birth && birth != c.birth_date ? contacts::parse_birth_date(*birth) : birth;
  } catch (const contacts::date_error& e) {
    throw bad_request("tanggal_lahir: '" + *birth + "': " + e.what());
  }
  if (body.contains("tag")) c.tags = body["tag"].is_null() ? std::vector<std::string>{} : tags_of(body["tag"]);
  c.opted_out = field_boolean(body, "berhenti").value_or(c.opted_out);
  c.notes = optional_text(body, "catatan", "", c.notes);
  if (body.contains("fields")) c.fields = body["fields"].is_null() ? decltype(c.fields){} : fields_of(body["fields"]);
}

queue::contact_filter filter_from_json(const json& body, const std::string& field) {
  if (!body.is_object()) throw bad_request(field.substr(0, field.size() - 1) + ": must be an object");
  only_keys(body, {"kecamatan", "desa", "peran", "tag", "q", "verify"}, field);
  return {optional_text(body, "kecamatan", field, std::nullopt), optional_text(body, "desa", field, std::nullopt),
          optional_text(body, "peran", field, std::nullopt), optional_text(body, "tag", field, std::nullopt),
          optional_text(body, "q", field, std::nullopt), field_boolean(body, "verify", field).value_or(false)};
}

json filter_json(const queue::contact_filter& f) {
  json j = json::object();
  if (f.kecamatan) j["kecamatan"] = *f.kecamatan;
  if (f.desa) j["desa"] = *f.desa;
  if (f.role) j["peran"] = *f.role;
  if (f.tag) j["tag"] = *f.tag;
  if (f.text) j["q"] = *f.text;
  if (f.to_verify) j["verify"] = true;
  return j;
}

json officer_json(const queue::officer& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"phone", nullable(o.phone)},
          {"sender_tag", o.sender_tag},
          {"forward_sms", o.forward_sms},
          {"default_sender", nullable(o.default_sender)},
          {"archived_at", archived_json(o.archived_at)}};
}

queue::officer officer_from_json(const json& body, const std::string& region) {
  require_object(body, "the body");
  only_keys(body, {"name", "phone", "sender_tag", "forward_sms", "default_sender"}, "");
  queue::officer o;
  o.name = required_text(body, "name", "", "");
  if (const auto phone = optional_text(body, "phone", "", std::nullopt)) o.phone = phone_of(*phone, region, "phone");
  if (auto tag = field_string(body, "sender_tag")) o.sender_tag = std::move(*tag);
  o.forward_sms = field_boolean(body, "forward_sms").value_or(false);
  o.default_sender = optional_text(body, "default_sender", "", std::nullopt);
  if (o.forward_sms && !o.phone) throw bad_request("forward_sms: needs a phone to forward replies to");
  return o;
}

}  // namespace siaran::daemon::api
