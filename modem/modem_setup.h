// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modem/init_sequence.h"
#include "modem/modem_status.h"

// What an initialisation learns about a modem and how it sets it up, built up step by step
// and applied to the modem's status and its session in one place when the initialisation ends.
namespace siaran::modem {

struct modem_setup {
  modem_identity identity;
  std::optional<int> registration;  // +CREG <stat>
  std::optional<int> signal_dbm;
  std::vector<storage_slot> storage;  // AT+CPMS? after the storage was chosen
  std::optional<report_routing> routing;  // the AT+CNMI row accepted
  bool needs_ack = false;  // AT+CSMS service 1: +CMT/+CDS want +CNMA (27.005 §3.4.4)
  std::string memory = "SM";  // mem1: where AT+CMGR/CMGL/CMGD read and delete
  modem_family family = modem_family::generic;
};

// Why an initialisation stopped short. No reason: it was stopped, or the device vanished and
// the supervisor says so.
struct init_failure {
  std::string reason;
  bool final = false;  // needs a person (wrong PIN, PUK, no PIN configured): never retried
};

// The setup as far as the initialisation got (a modem failing on its PIN still shows what it
// is), and whether it stopped short.
struct init_outcome {
  modem_setup setup;
  std::optional<init_failure> failure;

  bool ready() const { return !failure.has_value(); }
};

}  // namespace siaran::modem
