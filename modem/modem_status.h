// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::modem {

enum class modem_state {
  initialising,  // opening the port or initialising (lifecycle.h has the finer states)
  ready,         // idle, can send
  sending,       // an AT+CMGS is in flight
  failed,        // see reason; retried with backoff (resting) unless `final`
};

std::string_view to_string(modem_state state);

// How the modem announces new messages and status reports (the AT+CNMI row it accepted).
enum class report_routing {
  direct,  // ds=1: status reports arrive as +CDS with their PDU
  stored,  // ds=2: stored, announced by +CDSI
  none,    // ds=0 (or AT+CNMI refused): found by polling the storage with AT+CMGL
};

std::string_view to_string(report_routing routing);

// What the modem says about itself (AT+CGMI, +CGMM, +CGMR, +CGSN, +CIMI, +COPS?, +CSCA?).
struct modem_identity {
  std::string manufacturer;
  std::string model;
  std::string revision;
  std::string imei;
  std::string imsi;
  std::string operator_name;
  std::string smsc;
};

struct storage_slot {
  std::string memory;
  int used = 0;
  int total = 0;
};

// One look at a modem, for the pool, `GET /api/v1/modems` and `siaran modem info`.
struct modem_status {
  std::string id;
  std::string port;
  modem_state state = modem_state::initialising;
  std::string reason;         // why failed (or what it is waiting for)
  bool final = false;         // failed for good: wrong PIN, PUK, no PIN configured
  std::uint64_t sent = 0;     // parts accepted by the network (+CMGS)
  std::uint64_t failed = 0;   // parts refused or lost
  std::optional<int> signal_dbm;
  std::optional<int> registration;  // +CREG <stat>: 1 home, 5 roaming, 2 searching, 3 denied...
  std::optional<report_routing> routing;
  std::vector<storage_slot> storage;  // mem1, mem2, mem3 of AT+CPMS
  modem_identity identity;
};

}  // namespace siaran::modem
