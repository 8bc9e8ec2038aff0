// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/compose.h"

#include "sms/submit_encoder.h"

namespace siaran::daemon {

composed_message compose(const outgoing_text& out, concat_reference_allocator& references) {
  composed_message composed;
  queue::new_message& m = composed.message;
  m.recipient = out.to;
  m.text = out.text;
  m.priority = out.priority;
  m.report = out.report;
  m.client_ref = out.client_ref;
  m.created_at = out.now;
  m.send_at = out.send_at;
  m.expires_at = out.send_at + out.valid_for;

  sms::submit_request submit;
  submit.to = out.to;
  submit.text = out.text;
  submit.status_report = out.report;
  submit.validity = std::chrono::duration_cast<std::chrono::minutes>(out.valid_for);
  const sms::segmented_message segments = sms::segment_submit(submit);
  if (segments.segments.size() > 1) submit.concat_reference = references.allocate(out.to, out.now, out.send_at + out.valid_for);
  for (sms::encoded_part& part : sms::encode_submit(submit, segments)) {
    composed.encoding = part.alphabet == sms::encoding::gsm7 ? "gsm7" : "ucs2";
    m.parts.push_back({std::move(part.pdu), static_cast<int>(part.tpdu_length)});
  }
  return composed;
}

std::string with_sender_tag(std::string text, const std::string& tag) {
  if (!tag.empty()) text += "\n" + tag;
  return text;
}

}  // namespace siaran::daemon
