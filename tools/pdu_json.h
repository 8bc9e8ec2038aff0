// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include "sms/pdu_decoder.h"
#include "sms/segmentation.h"
#include "sms/submit_encoder.h"

namespace siaran::tools {

// The JSON shapes `siaran pdu` prints. Field names are an interface (DESIGN.md): add fields,
// never rename them.
nlohmann::json decoded_pdu_json(const sms::decoded_pdu& pdu);
nlohmann::json encoded_part_json(const sms::encoded_part& part);
nlohmann::json message_plan_json(const sms::message_plan& plan);

}  // namespace siaran::tools
