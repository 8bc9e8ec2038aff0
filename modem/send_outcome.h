// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "modem/at/command.h"

// What one AT+CMGS achieved, read from its answer alone: sent (with the network's reference),
// refused (temporarily or for good, and by whom), or uncertain (the network may have it).
namespace siaran::modem {

// Why a part was not sent. `kind` says whether sending it again later can succeed.
struct send_error {
  at::failure_class kind = at::failure_class::temporary;
  std::optional<int> cms_code;  // +CMS ERROR <n> (or +CME ERROR <n>)
  std::string text;
  // The PDU reached the modem but no answer came: the network may have it (DESIGN.md's
  // "uncertain" part), so a blind resend may double it.
  bool maybe_sent = false;
  // A plain ERROR or no answer speaks of the modem too.
  at::failure_source source = at::failure_source::modem;
};

struct send_result {
  std::optional<int> reference;  // TP-MR from +CMGS, 0-255
  std::optional<send_error> error;
  bool ok() const { return reference.has_value(); }
};

// The meaning of AT+CMGS's answer. Pure: the modem counts and logs.
send_result classify_send(const at::response& answer);

}  // namespace siaran::modem
