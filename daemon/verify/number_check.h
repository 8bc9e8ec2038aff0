// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A "cek nomor" campaign's defaults and the rule that settles each recipient when its window
// ends (queue/verifications.h). Pure: no store, no clock.

#include <chrono>
#include <string>
#include <string_view>

#include "queue/broadcasts.h"

namespace siaran::daemon::verify {

// Personalised as a broadcast is; the officer's sender tag follows it. YA is the word asked for:
// it is already the attend keyword cadres know, and one GSM 7-bit SMS holds it all.
inline constexpr std::string_view default_text =
    "{panggilan} {nama}, ini cek nomor dari Pokjanal Posyandu. Bila nomor ini masih milik Anda, "
    "mohon balas YA. Terima kasih.";

// Long enough for a cadre who reads SMS once a day in a village without signal every day.
inline constexpr std::chrono::seconds default_window = std::chrono::hours(72);
inline constexpr std::chrono::seconds longest_window = std::chrono::hours(24 * 30);

// The recipient's outcome (queue/verifications.h) at the close, unless it answered: failed to go
// out or reported undelivered, its delivery unknown (no report in time, or uncertain whether it
// went out), never sent at all (cancelled, still queued: nothing is known of the number), else
// sent and not answered.
std::string_view outcome_at_close(const queue::broadcast_recipient& r);

}  // namespace siaran::daemon::verify
