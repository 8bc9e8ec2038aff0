// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/modem_entries.h"

namespace siaran::daemon {

modem::modem_entry modem_entry_for(const config::modem_config& modem) {
  modem::modem_entry entry;
  entry.id = modem.id;
  entry.port = modem.port;
  entry.baud = modem.baud;
  entry.pin = modem.pin;
  entry.smsc = modem.smsc;
  if (modem.mobile_operator) entry.operator_name = std::string(config::to_string(*modem.mobile_operator));
  entry.max_per_minute = modem.max_per_minute;
  entry.sim_send_delay = std::chrono::milliseconds(modem.sim_send_delay_ms);
  if (modem.ussd_balance) {
    entry.balance_code = *modem.ussd_balance;
  } else if (modem.mobile_operator) {
    entry.balance_code = std::string(config::balance_code(*modem.mobile_operator));
  }
  entry.balance_check = modem.balance_check;
  entry.balance_threshold = modem.balance_threshold;
  entry.rest_when_low = modem.rest_when_low;
  entry.sim_balance = modem.sim_balance;
  for (const config::sim_report_rule& rule : modem.sim_reports) {
    modemsim::report_rule& r = entry.sim_reports.emplace_back();
    r.ending = rule.ending;
    if (rule.status) r.status = static_cast<std::uint8_t>(*rule.status);
    if (rule.delay_ms) r.delay = std::chrono::milliseconds(*rule.delay_ms);
  }
  return entry;
}

std::vector<modem::modem_entry> modem_entries(const config::daemon_config& config) {
  std::vector<modem::modem_entry> entries;
  entries.reserve(config.modems.size());
  for (const config::modem_config& each : config.modems) entries.push_back(modem_entry_for(each));
  return entries;
}

}  // namespace siaran::daemon
