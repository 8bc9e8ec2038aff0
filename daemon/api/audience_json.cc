// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/audience_json.h"

#include "daemon/api/contact_json.h"
#include "daemon/api/message_request.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

std::vector<std::int64_t> ids_of(const json& value, const char* key) {
  std::vector<std::int64_t> ids;
  if (!value.contains(key)) return ids;
  const json& list = value[key];
  if (!list.is_array()) throw bad_request(std::string("audience.") + key + " must be a list of ids");
  for (const json& id : list) {
    if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
      throw bad_request(std::string("audience.") + key + ": " + id.dump() + " is not an id");
    }
    ids.push_back(id.get<std::int64_t>());
  }
  return ids;
}

}  // namespace

queue::audience parse_audience(const json& value) {
  if (!value.is_object()) throw bad_request("audience must be an object {\"groups\", \"contacts\", \"filter\"}");
  queue::audience audience{ids_of(value, "groups"), ids_of(value, "contacts"), std::nullopt};
  if (value.contains("filter") && !value["filter"].is_null()) {
    audience.filter = filter_from_json(value["filter"], "audience.filter.");
  }
  if (audience.groups.empty() && audience.contacts.empty() && !audience.filter) {
    throw bad_request("audience names nobody: give groups, contacts or a filter");
  }
  return audience;
}

}  // namespace siaran::daemon::api
