// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/profile.h"

namespace siaran::modemsim {

const std::vector<device_profile>& builtin_profiles() {
  static const std::vector<device_profile> profiles{
      {.name = "generic",
       .manufacturer = "Siaran",
       .model = "Simulated GSM modem",
       .revision = "1.0"},
      {.name = "huawei-e173",
       .manufacturer = "huawei",
       .model = "E173",
       .revision = "11.126.16.04.284",
       .noise_lines = {"^RSSI: 17", "^MODE: 5,4", "^BOOT: 26186916,0,0,0,75"},
       .noise_interval_ms = 10000,
       .max_cnmi_ds = 1},
      {.name = "simcom-sim800",
       .manufacturer = "SIMCOM_Ltd",
       .model = "SIMCOM_SIM800",
       .revision = "Revision:1418B04SIM800C24",
       .boot_lines = {"RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"}},
      {.name = "wavecom",
       .manufacturer = "WAVECOM MODEM",
       .model = "MULTIBAND  900E  1800",
       .revision = "641b09gg.Q2403A 1320676 061804 14:38",
       .cpin_query_without_ok = true,
       .info_leading_space = true},
      {.name = "quectel-ec25",
       .manufacturer = "Quectel",
       .model = "EC25",
       .revision = "EC25EFAR06A06M4G",
       .boot_lines = {"RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE",
                      "+QIND: PB DONE"}},
  };
  return profiles;
}

const device_profile* find_profile(std::string_view name) {
  for (const device_profile& profile : builtin_profiles())
    if (profile.name == name) return &profile;
  return nullptr;
}

}  // namespace siaran::modemsim
