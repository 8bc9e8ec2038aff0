// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cadre's reply forwarded by SMS to the officer it was routed to, when the officer
// has a phone and asked for it (forward_sms): "Balasan dari Siti (Kader, Desa Cihampelas): ...".

#include <optional>
#include <string>
#include <string_view>

#include "daemon/inbox/keywords.h"
#include "queue/contacts.h"

namespace siaran::daemon::inbox {

// The forwarded text: the contact's name, then role and desa where known.
std::string forwarded_text(const queue::contact& from, std::string_view text);

// Whether the reply is worth an SMS to the officer: not when it was only a keyword the system
// answered itself (BERHENTI, GABUNG, GANTI 0812..., a bare HADIR, INFO), which the officer still
// sees in the inbox; yes for free text and for an RSVP with a note ("TIDAK, sedang sakit").
bool worth_forwarding(const std::optional<keyword_match>& keyword);

}  // namespace siaran::daemon::inbox
