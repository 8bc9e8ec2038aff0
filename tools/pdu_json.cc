// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/pdu_json.h"

#include <string>

#include "sms/delivery_status.h"
#include "sms/hex.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

template <typename T, typename F>
json optional_json(const std::optional<T>& value, F&& convert) {
  return value ? json(convert(*value)) : json(nullptr);
}

json concat_json(const std::optional<sms::concat_info>& concat) {
  return optional_json(concat, [](const sms::concat_info& c) {
    return json{{"ref", c.reference}, {"part", c.part}, {"total", c.total}};
  });
}

void add_status_report_fields(const sms::decoded_pdu& pdu, json& out) {
  out["status"] = *pdu.status;
  out["status_text"] = std::string(sms::status_text(*pdu.status));
  out["discharge_time"] =
      optional_json(pdu.discharge_time, [](const sms::timestamp& t) { return t.iso8601(); });
}

}  // namespace

json decoded_pdu_json(const sms::decoded_pdu& pdu) {
  json out{
      {"type", std::string(sms::message_type_name(pdu.type))},
      {"smsc", optional_json(pdu.smsc, [](const std::string& s) { return s; })},
      {"number", pdu.number},
      {"text", pdu.ud.text},
      {"dcs", pdu.coding.dcs},
      {"encoding", std::string(sms::encoding_name(pdu.coding.alphabet))},
      {"class", optional_json(pdu.coding.message_class, [](int c) { return c; })},
      {"pid", pdu.pid},
      {"udl", pdu.ud.length},
      {"timestamp",
       optional_json(pdu.service_centre_time, [](const sms::timestamp& t) { return t.iso8601(); })},
      {"concat", concat_json(pdu.concat())},
  };
  if (pdu.ud.has_header) out["udh"] = sms::hex_encode(pdu.ud.header_octets);
  if (pdu.message_reference) out["message_reference"] = *pdu.message_reference;
  if (pdu.type == sms::message_type::submit) {
    out["validity"] = optional_json(pdu.validity, [](const std::string& v) { return v; });
  }
  if (pdu.status) add_status_report_fields(pdu, out);
  return out;
}

json encoded_part_json(const sms::encoded_part& part) {
  return json{{"pdu", part.pdu}, {"tpdu_length", part.tpdu_length}};
}

json message_plan_json(const sms::message_plan& plan) {
  return json{{"encoding", std::string(sms::encoding_name(plan.alphabet))},
              {"parts", plan.parts},
              {"units", plan.units},
              {"units_per_part", plan.units_per_part},
              {"units_left_in_last_part", plan.units_left_in_last_part}};
}

}  // namespace siaran::tools
