// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/message_json.h"

#include <nlohmann/json.hpp>

#include "daemon/api/iso_time.h"
#include "sms/delivery_status.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

json time_or_null(const std::optional<queue::timestamp>& t) { return t ? json(iso_utc(*t)) : json(nullptr); }

}  // namespace

json status_meaning(const std::optional<int>& status) {
  return status ? json(sms::status_text_id(static_cast<std::uint8_t>(*status))) : json(nullptr);
}

namespace {

json part_json(const queue::part_record& p) {
  return {{"number", p.number},
          {"state", queue::to_string(p.state)},
          {"modem", or_null(p.modem)},
          {"reference", or_null(p.reference)},
          {"attempts", p.attempts},
          {"sent_at", time_or_null(p.sent_at)},
          {"delivered_at", time_or_null(p.delivered_at)},
          {"status", or_null(p.status)},
          {"status_meaning", status_meaning(p.status)},
          {"delivery", or_null(p.delivery)},
          {"last_error", or_null(p.last_error)},
          {"resent_uncertain", p.resent_uncertain},
          // Sent again: after a crash left it uncertain, or whole from another modem.
          {"resent", p.resent_uncertain || p.resent_reason.has_value()},
          {"resent_reason", p.resent_reason ? json(*p.resent_reason)
                            : p.resent_uncertain ? json("uncertain: the daemon or the modem stopped while sending it")
                                                 : json(nullptr)}};
}

}  // namespace

json message_json(const queue::message_record& m) {
  json parts = json::array();
  for (const queue::part_record& p : m.parts) parts.push_back(part_json(p));
  return {{"id", m.id},
          {"to", m.recipient},
          {"text", m.text},
          {"state", queue::to_string(m.state)},
          {"delivery", or_null(m.delivery)},
          {"priority", m.priority},
          {"created_at", iso_utc(m.created_at)},
          {"send_at", iso_utc(m.send_at)},
          {"expires_at", time_or_null(m.expires_at)},
          {"report", m.report},
          {"client_ref", or_null(m.client_ref)},
          {"parts", std::move(parts)}};
}

json incoming_json(const queue::incoming_record& m) {
  return {{"id", m.id},
          {"modem", m.modem},
          {"from", m.sender},
          {"text", m.text},
          {"received_at", iso_utc(m.received_at)},
          {"parts", m.parts},
          {"complete", m.complete},
          {"decode_error", or_null(m.decode_error)}};
}

}  // namespace siaran::daemon::api
