// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The short_message of a delivery receipt as SMPP 3.4 appendix B shows it, the form that ESMEs
// parse when the receipted_message_id and message_state options are absent:
// "id:0A1B sub:001 dlvrd:001 submit date:2612072135 done date:2612072135 stat:DELIVRD err:000
// text:Rapat kader besok j". Dates are UTC, YYMMDDhhmm.

#include <chrono>
#include <cstdint>
#include <string>

namespace siaran::smscsim {

struct receipt_facts {
  std::string message_id;
  std::uint8_t state = 0;  // a final smpp::message_state
  std::chrono::system_clock::time_point submitted;
  std::chrono::system_clock::time_point done;
  std::string text;  // the part's text, UTF-8: its first 20 characters are quoted
};

// Only characters that read the same in ASCII and in the GSM default alphabet (data_coding 0),
// others shown as '?', so that the receipt parses whichever way the ESME reads it.
std::string receipt_text(const receipt_facts& facts);

}  // namespace siaran::smscsim
