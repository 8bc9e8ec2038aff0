// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace siaran::modemsim {

// The quirks of one real device family, as data: what the simulated modem says about itself
// and where it departs from TS 27.005/27.007. Keep the table small; add a field only for a
// quirk the driver must survive.
struct device_profile {
  std::string name{};  // --profile NAME
  std::string manufacturer{};
  std::string model{};
  std::string revision{};
  // Sent once at power-on (SIM800 "RDY" ... "SMS Ready"). A "+CPIN: READY" line is replaced by
  // the SIM's real state, as the device would report it.
  std::vector<std::string> boot_lines{};
  // Unsolicited noise repeated in turn every `noise_interval_ms` (Huawei ^RSSI/^MODE/^BOOT).
  std::vector<std::string> noise_lines{};
  int noise_interval_ms = 0;
  int max_cnmi_ds = 2;                   // Huawei E173 refuses ds=2 (status reports stored)
  bool cpin_query_without_ok = false;    // Wavecom: "+CPIN: READY" with no final OK
  bool info_leading_space = false;       // Wavecom: " WAVECOM MODEM" in AT+CGMI
};

// The built-in profiles: generic, huawei-e173, simcom-sim800, wavecom, quectel-ec25.
const std::vector<device_profile>& builtin_profiles();

// Nullptr when `name` is not a built-in profile.
const device_profile* find_profile(std::string_view name);

}  // namespace siaran::modemsim
