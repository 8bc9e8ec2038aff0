// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "modem/at/result_code.h"

namespace siaran::at {

// One AT command as the modem logic asks for it; every command carries its own timeout
// (ModemManager passes it with the call).
struct command {
  std::string text;  // "AT+CMGS=23", without the terminating "\r"
  std::string terminator = "\r";  // empty for a lone control character (ESC)
  // Lines starting with one of these are this command's answer ("+CMGS:"), even when the same
  // prefix is also a registered URC (AT+CREG? is answered by "+CREG: n,stat").
  std::vector<std::string> expected_prefixes;
  std::chrono::milliseconds timeout{std::chrono::seconds(5)};
  // For AT+CMGS / AT+CMGW: the hex PDU written after the "> " prompt, followed by Ctrl-Z.
  std::optional<std::string> pdu;
  // How long to wait for the prompt before aborting with ESC.
  std::chrono::milliseconds prompt_timeout{std::chrono::seconds(5)};
};

enum class channel_error {
  none,            // the modem gave a final result code (which may itself be an error)
  timeout,         // no final result code in time
  prompt_timeout,  // no "> " in time; ESC was sent
  device_gone,     // the device vanished (EOF, EIO, ENXIO, hang-up); nothing more will work
};

struct response {
  bool success = false;  // a final result code that means success (OK)
  channel_error error = channel_error::none;
  std::optional<final_result> final;  // absent unless error == none
  // Intermediate lines: those with an expected prefix and information text without one
  // (AT+CGMI answers a bare manufacturer line), in arrival order. Kept on timeout too:
  // Wavecom answers AT+CPIN? with "+CPIN: READY" and never says OK.
  std::vector<std::string> lines;
  std::optional<int> message_reference;  // from "+CMGS: <mr>"
  std::string detail;                    // what went wrong, for device_gone and timeouts
};

}  // namespace siaran::at
