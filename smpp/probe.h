// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `siaran smpp test`: binds once (no retry), shows what the SMSC answered, optionally sends one
// message and waits a while for its receipt, then unbinds. For an administrator setting up an
// account; the password never appears in what it reports.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/asio.h"
#include "smpp/bind_settings.h"
#include "smpp/receipt.h"
#include "smpp/submission.h"

namespace siaran::smpp {

struct probe_result {
  std::string error;  // why the probe stopped early ("" when it went through); plain English
  bool connected = false;
  std::optional<std::uint32_t> bind_status;  // the bind_resp's command_status
  std::string bind_status_name;              // "ESME_ROK", "ESME_RINVPASWD", ...
  std::string smsc_system_id;
  std::optional<std::uint8_t> interface_version;  // sc_interface_version; none from a 3.3 SMSC
  std::optional<std::uint32_t> submit_status;
  std::string submit_status_name;
  std::string message_id;
  std::optional<receipt> delivery;  // the receipt for message_id, if it came within the wait
  bool ok() const { return error.empty(); }
};

// Binds as transceiver (transmitter_receiver mode: a transmitter, since one connection shows all
// a test needs, and receipts then come only when the SMSC sends them to a transmitter too).
asio::awaitable<probe_result> probe(asio::io_context& io, bind_settings settings,
                                    std::optional<submit_request> message,
                                    std::chrono::seconds receipt_wait);

}  // namespace siaran::smpp
