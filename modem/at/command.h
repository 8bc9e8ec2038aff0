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
  // For a command that may legitimately take long (AT+CMGS waits for the network): once this
  // long has passed without a final result code, a plain "AT" is written every `probe_every`.
  // A modem that answers the probe while the command's own answer never came has lost it (it
  // hung and came back): the command ends at once as a timeout instead of at `timeout`.
  std::optional<std::chrono::milliseconds> probe_after;
  std::chrono::milliseconds probe_every{std::chrono::seconds(2)};
};

enum class channel_error {
  none,            // the modem gave a final result code (which may itself be an error)
  timeout,         // no final result code in time
  prompt_timeout,  // no "> " in time; ESC was sent
  device_gone,     // the device vanished (EOF, EIO, ENXIO, hang-up); nothing more will work
  interrupted,     // ended by the modem logic (channel::interrupt): the modem restarted meanwhile
};

struct response {
  bool success = false;  // a final result code that means success (OK)
  channel_error error = channel_error::none;
  std::optional<final_result> final;  // absent unless error == none
  // Intermediate lines: those with an expected prefix and information text without one
  // (AT+CGMI answers a bare manufacturer line), in arrival order. Kept on timeout too:
  // Wavecom answers AT+CPIN? with "+CPIN: READY" and never says OK.
  std::vector<std::string> lines;
  // The PDU after the prompt was written: from then on the network may have the message.
  bool pdu_written = false;
  std::string detail;  // what went wrong, for device_gone, timeouts and interruptions
};

}  // namespace siaran::at
