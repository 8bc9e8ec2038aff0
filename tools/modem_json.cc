// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/modem_json.h"

#include "modem/ussd/balance_text.h"
#include "sms/delivery_status.h"

namespace siaran::tools {
namespace {

std::string_view registration_name(int stat) {
  switch (stat) {
    case 0:
      return "not searching";
    case 1:
      return "home";
    case 2:
      return "searching";
    case 3:
      return "denied";
    case 5:
      return "roaming";
    default:
      return "unknown";
  }
}

std::string_view outcome_name(sms::delivery_outcome outcome) {
  switch (outcome) {
    case sms::delivery_outcome::completed:
      return "delivered";
    case sms::delivery_outcome::still_trying:
      return "still_trying";
    case sms::delivery_outcome::failed:
      return "failed";
    case sms::delivery_outcome::failed_temporary:
      return "failed_temporary";
    case sms::delivery_outcome::reserved:
      break;
  }
  return "unknown";
}

nlohmann::json optional_text(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

}  // namespace

nlohmann::json port_json(const modem::port_info& port) {
  nlohmann::json out{{"port", port.name},
                     {"description", port.description},
                     {"transport", port.transport},
                     {"by_id", optional_text(port.by_id)}};
  if (port.usb_vid && port.usb_pid) {
    out["usb"] = {{"id", modem::usb_id(*port.usb_vid, *port.usb_pid)},
                  {"manufacturer", optional_text(port.manufacturer)},
                  {"product", optional_text(port.product)},
                  {"serial", optional_text(port.serial_number)}};
  }
  return out;
}

nlohmann::json status_json(const modem::modem_status& status) {
  const modem::modem_identity& id = status.identity;
  nlohmann::json out{{"id", status.id},
                     {"port", status.port},
                     {"state", modem::to_string(status.state)},
                     {"manufacturer", id.manufacturer},
                     {"model", id.model},
                     {"revision", id.revision},
                     {"imei", id.imei},
                     {"imsi", id.imsi},
                     {"operator", id.operator_name},
                     {"smsc", id.smsc},
                     {"signal_dbm", status.signal_dbm ? nlohmann::json(*status.signal_dbm) : nlohmann::json()},
                     {"sent", status.sent},
                     {"failed", status.failed}};
  if (!status.reason.empty()) out["reason"] = status.reason;
  if (status.registration) {
    out["registration"] = {{"stat", *status.registration}, {"name", registration_name(*status.registration)}};
  } else {
    out["registration"] = nullptr;
  }
  if (status.routing) out["status_reports"] = modem::to_string(*status.routing);
  nlohmann::json storage = nlohmann::json::array();
  for (const modem::storage_slot& slot : status.storage) {
    storage.push_back({{"memory", slot.memory}, {"used", slot.used}, {"total", slot.total}});
  }
  out["storage"] = storage;
  return out;
}

nlohmann::json report_json(const modem::status_report& report) {
  const std::uint8_t status = report.report.status.value_or(0xff);
  nlohmann::json out{{"type", "status_report"},
                     {"reference", report.message_reference},
                     {"recipient", report.report.number},
                     {"status", status},
                     {"outcome", outcome_name(sms::outcome_of(status))},
                     {"text", sms::status_text(status)}};
  if (report.report.discharge_time) out["discharge_time"] = report.report.discharge_time->iso8601();
  if (report.report.service_centre_time) out["sent_time"] = report.report.service_centre_time->iso8601();
  return out;
}

nlohmann::json message_json(const sms::decoded_pdu& first_part, const std::string& text, std::size_t parts) {
  nlohmann::json out{{"type", "sms"}, {"from", first_part.number}, {"text", text}, {"parts", parts}};
  if (first_part.service_centre_time) out["time"] = first_part.service_centre_time->iso8601();
  if (first_part.smsc) out["smsc"] = *first_part.smsc;
  return out;
}

nlohmann::json ussd_json(const std::string& code, const modem::ussd_reply& reply) {
  const std::optional<std::int64_t> balance = modem::balance_in(reply.text);
  return {{"code", code},
          {"status", reply.status},
          {"text", reply.text},
          {"dcs", reply.dcs ? nlohmann::json(*reply.dcs) : nlohmann::json(nullptr)},
          {"balance", balance ? nlohmann::json(*balance) : nlohmann::json(nullptr)},
          {"raw", reply.raw}};
}

}  // namespace siaran::tools
