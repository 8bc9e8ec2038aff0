// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A message as POST /api/v1/messages gives it (docs/api.md), checked and turned into what the
// store queues: the number in E.164, the text encoded into its PDUs. Nothing malformed gets
// past here: every problem is a bad_request naming the field.

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "daemon/concat_references.h"
#include "queue/records.h"

namespace siaran::daemon::api {

class bad_request : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A client_ref as POST /api/v1/messages and /api/v1/broadcasts take it: 1 to 128 characters.
inline bool client_ref_fits(const std::string& ref) { return !ref.empty() && ref.size() <= 128; }

struct message_defaults {
  std::string region = "ID";                         // for numbers without +country
  std::chrono::seconds valid_for{48 * 3600};         // when the request gives none
  queue::timestamp now{};
  bool report = true;                                // when the request gives none
};

struct parsed_message {
  queue::new_message message;
  std::string encoding;  // "gsm7" or "ucs2"
};

// `field` prefixes error messages ("messages[3]."); the parts of a long message share a
// reference from `references`, taken once the message is known to be valid.
parsed_message parse_message(const nlohmann::json& item, const message_defaults& defaults,
                             concat_reference_allocator& references, const std::string& field = "");

}  // namespace siaran::daemon::api
