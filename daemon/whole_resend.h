// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A long message whose modem died or rested part-way goes out again whole from one modem, under
// a new concatenation reference: a phone joins the parts of a long SMS only when they come from
// one number with one reference, so the parts a new modem would send after another's could
// never be read (queue::message_queue::split_by_move, queue::message_queue::resend_whole).

#include <cstdint>
#include <vector>

#include "daemon/concat_references.h"
#include "queue/records.h"

namespace siaran::daemon {

// The message's parts encoded again: the same text for the same number, under a new reference
// from `references`, with what is left of its validity.
std::vector<queue::new_part> parts_again(const queue::message_record& message,
                                         concat_reference_allocator& references, queue::timestamp now);

}  // namespace siaran::daemon
