// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/control.h"

#include <nlohmann/json.hpp>

#include "sms/codec_error.h"

namespace siaran::modemsim {
namespace {

using nlohmann::json;

json state_of(const interpreter& modem, const pty_server& server) {
  return {{"plugged", server.plugged()},
          {"pty", server.slave_path()},
          {"silent", modem.silent()},
          {"stored", modem.storage().used()},
          {"capacity", modem.storage().capacity()},
          {"next_mr", modem.next_message_reference()},
          {"failing_deletes", modem.failing_deletes()},
          {"reports_stored", modem.report_storage().used()},
          {"powered_off", modem.powered_off()},
          {"hung", modem.hung()},
          {"balance", modem.balance()}};
}

json apply(const json& request, interpreter& modem, pty_server& server) {
  if (!request.is_object() || request.size() != 1)
    throw std::invalid_argument("expected an object with one key, e.g. {\"inject\": {...}}");
  const std::string key = request.begin().key();
  const json& value = request.begin().value();
  const sim_time now = server.now();
  json ack{{"ok", true}, {"command", key}};
  if (key == "inject") {
    const auto slots = modem.inject_sms(value.at("from").get<std::string>(), value.at("text").get<std::string>(), now);
    ack["stored"] = slots;
  } else if (key == "status_report") {
    const int mr = value.at("mr").get<int>();
    if (mr < 0 || mr > 255) throw std::invalid_argument("mr must be 0-255");
    const int status = value.value("status", 0);
    if (status < 0 || status > 255) throw std::invalid_argument("status must be 0-255");
    if (!modem.deliver_status_report(static_cast<std::uint8_t>(mr), static_cast<std::uint8_t>(status), now))
      throw std::invalid_argument("no accepted SUBMIT has message reference " + std::to_string(mr));
  } else if (key == "report_rules") {
    modem.set_report_rules(parse_report_rules(value.get<std::string>()));
  } else if (key == "fail_sends") {
    modem.fail_next_sends(value.at("count").get<int>(), value.value("cms", 500));
  } else if (key == "fail_every") {
    modem.fail_every_nth_send(value.at("n").get<int>(), value.value("cms", 500));
  } else if (key == "fail_deletes") {
    modem.fail_next_deletes(value.at("count").get<int>(), value.value("cms", 500));
  } else if (key == "silence") {
    modem.set_silent(value.get<bool>());
  } else if (key == "delay") {
    modem.set_answer_delay(sim_time{value.get<int>()});
  } else if (key == "garbage" || key == "urc") {
    modem.emit_line(value.get<std::string>(), now);
  } else if (key == "urc_in_response") {
    modem.insert_in_next_response(value.get<std::string>());
  } else if (key == "reboot") {
    // {"reboot": {"boot_ms": 2000, "sim_ms": 2500}}: deaf for boot_ms, then the power-on lines,
    // the SIM busy for sim_ms more before its "+CPIN:" line.
    const int boot = value.value("boot_ms", 2000);
    const int sim_ready = value.value("sim_ms", 0);
    if (boot < 0 || sim_ready < 0) throw std::invalid_argument("boot_ms and sim_ms must not be negative");
    modem.reboot(now, sim_time{boot}, sim_time{sim_ready});
  } else if (key == "hang_in_send") {
    // {"hang_in_send": {"ms": 20000}}: the next AT+CMGS is never answered and the modem hears
    // nothing for that long.
    const int duration = value.at("ms").get<int>();
    if (duration < 0) throw std::invalid_argument("ms must not be negative");
    modem.hang_in_next_send(sim_time{duration});
  } else if (key == "balance") {
    const auto rupiah = value.get<std::int64_t>();
    if (rupiah < 0) throw std::invalid_argument("balance must not be negative");
    modem.set_balance(rupiah);
  } else if (key == "ussd_coding") {
    const auto coding = value.get<std::string>();
    if (coding != "gsm" && coding != "ucs2") throw std::invalid_argument("ussd_coding is \"gsm\" or \"ucs2\"");
    modem.set_ussd_ucs2(coding == "ucs2");
  } else if (key == "unplug") {
    server.unplug();
  } else if (key == "replug") {
    server.replug();
  } else if (key != "state") {
    throw std::invalid_argument("unknown control \"" + key + "\"");
  }
  server.poke();
  ack["state"] = state_of(modem, server);
  return ack;
}

}  // namespace

std::string apply_control_line(std::string_view line, interpreter& modem, pty_server& server) {
  try {
    return apply(json::parse(line), modem, server).dump();
  } catch (const std::exception& e) {
    return json{{"ok", false}, {"error", e.what()}}.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace siaran::modemsim
