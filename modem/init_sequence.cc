// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/init_sequence.h"

#include <array>
#include <string>

#include "common/ascii.h"
#include "modem/at/identity_parsers.h"

namespace siaran::modem {
namespace {

using std::chrono::seconds;

constexpr std::array reset = {
    // ATZ restores the stored profile; some modems (Wavecom) answer it slowly or not at all.
    init_step{"ATZ", seconds(5), true},
    init_step{"ATE0", seconds(3), false},
    // Numeric +CME ERROR codes: the wrong-PIN rule reads code 16.
    init_step{"AT+CMEE=1", seconds(3), true},
};

constexpr std::array generic_sms_setup = {
    init_step{"AT+CMGF=0", seconds(3), false},  // PDU mode (27.005 §3.2.3)
    // Keep the radio link up between the parts of a burst (27.005 §3.5.6); many modems lack it.
    init_step{"AT+CMMS=2", seconds(3), true},
};

constexpr std::array huawei_sms_setup = {
    init_step{"AT+CMGF=0", seconds(3), false},
    init_step{"AT+CMMS=2", seconds(3), true},
    // E173/E3131 send ^RSSI, ^MODE, ^BOOTS every few seconds otherwise.
    init_step{"AT^CURC=0", seconds(3), true},
};

// DESIGN.md: stored SMS announced by +CMTI and status reports as +CDS; then reports stored
// and announced (+CDSI); then no report indication (storage polling finds them). The mode=1
// rows are for modems that refuse <mode>=2 (buffering in the TA).
constexpr std::array indications = {
    indication_row{"AT+CNMI=2,1,2,1,0", report_routing::direct},
    indication_row{"AT+CNMI=2,1,0,2,0", report_routing::stored},
    indication_row{"AT+CNMI=2,1,0,0,0", report_routing::none},
    indication_row{"AT+CNMI=1,1,0,0,0", report_routing::none},
};

const std::array device_identity = {
    identity_query{"AT+CGMI", "+CGMI:", at::parse_manufacturer, &modem_identity::manufacturer},
    identity_query{"AT+CGMM", "+CGMM:", at::parse_model, &modem_identity::model},
    identity_query{"AT+CGMR", "+CGMR:", at::parse_revision, &modem_identity::revision},
    identity_query{"AT+CGSN", "+CGSN:", at::parse_imei, &modem_identity::imei},
};

const std::array sim_identity = {
    identity_query{"AT+CIMI", "+CIMI:", at::parse_imsi, &modem_identity::imsi},
};

}  // namespace

modem_family family_of(std::string_view manufacturer) {
  return common::lowercase(manufacturer).find("huawei") != std::string::npos ? modem_family::huawei : modem_family::generic;
}

std::span<const init_step> reset_steps() { return reset; }

std::span<const init_step> sms_setup_steps(modem_family family) {
  if (family == modem_family::huawei) return huawei_sms_setup;
  return generic_sms_setup;
}

std::span<const indication_row> indication_rows() { return indications; }

std::span<const identity_query> device_identity_queries() { return device_identity; }

std::span<const identity_query> sim_identity_queries() { return sim_identity; }

std::string_view to_string(modem_state state) {
  switch (state) {
    case modem_state::initialising:
      return "initialising";
    case modem_state::ready:
      return "ready";
    case modem_state::sending:
      return "sending";
    case modem_state::failed:
      return "failed";
  }
  return "unknown";
}

std::string_view to_string(report_routing routing) {
  switch (routing) {
    case report_routing::direct:
      return "direct";
    case report_routing::stored:
      return "stored";
    case report_routing::none:
      return "polled";
  }
  return "unknown";
}

}  // namespace siaran::modem
