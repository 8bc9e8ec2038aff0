// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the simulated SMSC checks and reads in a submit_sm before it accepts it: the addresses,
// the registered_delivery and esm_class fields, the data_coding, the length of the text in
// short_message or message_payload (never both, §5.3.2.32), and the concatenation header. A
// submit it refuses throws submit_refused with the command_status a real SMSC answers. Pure.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "smpp/pdu.h"
#include "sms/user_data_header.h"

namespace siaran::smscsim {

class submit_refused : public std::runtime_error {
 public:
  submit_refused(std::uint32_t command_status, const std::string& why)
      : std::runtime_error(why), command_status_(command_status) {}
  std::uint32_t command_status() const { return command_status_; }

 private:
  std::uint32_t command_status_;
};

struct submitted_message {
  std::string text;  // UTF-8 for the text codings (0, 1, 3, 8); uppercase hex for binary (2, 4)
  std::optional<sms::concat_info> concat;  // from the UDH, or the sar_* options
  std::size_t octets = 0;                  // of the user data, header included
  bool from_payload = false;               // carried in message_payload
};

submitted_message read_submit(const smpp::short_message_body& submit);

}  // namespace siaran::smscsim
