// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modem/modem_status.h"

// The initialisation as data (STYLE.md: tables of {command, timeout, allow_error} rows, per
// modem family where they differ), read by initialisation.cc in this order: reset, device
// identity, SIM and registration (code: they branch), SIM identity, sms_setup, storage (code:
// it negotiates), indications (first row accepted wins).
namespace siaran::modem {

struct init_step {
  std::string_view command;
  std::chrono::milliseconds timeout;
  bool may_fail = false;  // an ERROR is logged and the sequence goes on
};

enum class modem_family { generic, huawei };

// From the AT+CGMI answer.
modem_family family_of(std::string_view manufacturer);

// Before anything else: a known state, no echo, numeric +CME ERROR codes.
std::span<const init_step> reset_steps();

// After the SIM is ready and the modem registered.
std::span<const init_step> sms_setup_steps(modem_family family);

// AT+CNMI rows in order of preference; the first the modem accepts is used.
struct indication_row {
  std::string_view command;
  report_routing reports;
};
std::span<const indication_row> indication_rows();

// One identity question, the parser of its answer, and where the value goes.
struct identity_query {
  std::string_view command;
  std::string_view prefix;  // the answer's prefix when the modem uses one ("+CGMI:")
  std::optional<std::string> (*parse)(const std::vector<std::string>& lines);
  std::string modem_identity::*field;
};
// The device answers these before its SIM is unlocked (so a modem that fails on its PIN still
// says what it is); the SIM's IMSI only after.
std::span<const identity_query> device_identity_queries();
std::span<const identity_query> sim_identity_queries();

}  // namespace siaran::modem
