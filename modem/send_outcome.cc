// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/send_outcome.h"

#include "common/log_text.h"
#include "modem/answers.h"
#include "modem/at/response_parsers.h"

namespace siaran::modem {
namespace {

// The modem gave a final result code but no reference: the code says why.
send_error refused(const at::final_result& final) {
  send_error error;
  error.cms_code = final.code;
  // The modem's own words are logged and stored: escaped, as any peer's text.
  error.text = final.meaning.empty() ? common::log_text(final.line) : final.meaning;
  if (final.kind == at::final_kind::cms_error && final.code) {
    error.kind = at::classify_cms_error(*final.code);
    error.source = at::cms_error_source(*final.code);
  } else if (final.kind == at::final_kind::cme_error && final.code) {
    error.kind = at::classify_cme_error(*final.code);
    error.source = at::cme_error_source(*final.code);
  } else if (final.success) {
    error.text = "the modem said OK without a message reference";
    error.maybe_sent = true;
  }
  return error;
}

// No final result code (no answer, an unplug, an interruption): without the PDU nothing was
// sent; after it, the network may have the message.
send_error unanswered(const at::response& answer) {
  send_error error;
  error.text = answers::describe(answer, "AT+CMGS");
  error.maybe_sent = answer.pdu_written;
  return error;
}

}  // namespace

send_result classify_send(const at::response& answer) {
  send_result result;
  // A modem answers +CMGS: <mr> only once the network took the message (27.005 §3.5.1): the
  // part is sent even when the OK after it came garbled or not at all, and a resend would
  // reach the phone twice.
  result.reference = at::message_reference_in(answer.lines);
  if (result.reference) return result;
  if (answer.error == at::channel_error::none && answer.final) {
    result.error = refused(*answer.final);
  } else {
    result.error = unanswered(answer);
  }
  return result;
}

}  // namespace siaran::modem
