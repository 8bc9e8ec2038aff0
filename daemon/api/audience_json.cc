// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/audience_json.h"

#include "daemon/api/contact_json.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/message_request.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

std::vector<std::int64_t> ids_of(const json& value, const char* key) {
  if (!value.contains(key)) return {};
  return id_list(value[key], std::string("audience.") + key);
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

broadcast_request audience_request(const json& body) {
  broadcast_request r;
  r.officer_id = field_integer(body, "officer_id", id_range);
  if (!body.contains("audience")) throw bad_request("audience is required");
  r.audience = parse_audience(body["audience"]);
  r.audience_json = body["audience"].dump();
  return r;
}

}  // namespace siaran::daemon::api
