// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Contacts, officers, groups and filters in the API's JSON (docs/api.md "Contacts, officers and
// groups"). A contact's keys are the CSV import's column names (nama, no_hp, panggilan, peran,
// tingkat, kabupaten, kecamatan, desa, posyandu, tanggal_lahir, tag, berhenti, catatan) plus
// id and fields. Reading a request checks every key and type: a bad_request names the field.

#include <string>

#include <nlohmann/json.hpp>

#include "daemon/http/exchange.h"
#include "queue/contacts.h"

namespace siaran::daemon::api {

nlohmann::json contact_json(const queue::contact& c);
// archived_at as every archivable object shows it: the ISO time, or null while in use.
nlohmann::json archived_json(const std::optional<queue::timestamp>& at);
// A list's ?archived=: absent or false hides archived ones, true includes them, only shows them alone.
queue::archived_view archived_query(const http::request& request);
// Applies the request's keys to `c` (a stored contact for an edit, a default one for a new
// contact): keys not given stay, null clears an optional one. The phone is normalised in
// `region`, the birth date read as the import reads it.
void apply_contact_json(const nlohmann::json& body, const std::string& region, queue::contact& c);

// {"kecamatan", "desa", "peran", "tag", "q"}, each optional; `field` prefixes errors ("filter.").
queue::contact_filter filter_from_json(const nlohmann::json& body, const std::string& field);
nlohmann::json filter_json(const queue::contact_filter& f);

nlohmann::json officer_json(const queue::officer& o);
// {"name", "phone", "sender_tag", "forward_sms", "default_sender"}: name required; forward_sms
// needs a phone; default_sender is checked against the binds' names when a broadcast uses it.
queue::officer officer_from_json(const nlohmann::json& body, const std::string& region);

}  // namespace siaran::daemon::api
