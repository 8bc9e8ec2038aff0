// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cadre's report by SMS, taken in (DESIGN.md "Interfaces", Reports by SMS): an incoming
// message that starts with an active form's code is read (report_reader.h) for the month it
// names or the month it arrived in, local time; a good one is stored for the sender's posyandu,
// replacing an earlier one of that month, and read back to them; a bad one is stored nowhere and
// answered with what is wrong and the format. Only a contact with a posyandu (and, when the form
// names roles, one of them) reports: the posyandu is always the sender's, never what they typed.
// Runs on the store's writer, inside inbox routing (inbox/reply_router.h).

#include <optional>
#include <string>
#include <string_view>

#include "daemon/schedule/local_time.h"
#include "queue/contacts.h"
#include "queue/sms_reports.h"

namespace siaran::daemon::sms_reports {

struct report_taken {
  std::string form;    // the form's code: the inbox shows it as the message's keyword
  std::string answer;  // what the sender is sent back
};

class report_intake {
 public:
  report_intake(queue::report_form_book& forms, queue::sms_report_book& reports,
                schedule::time_zone zone);

  // Nothing when `text` is not a report in one of the forms.
  std::optional<report_taken> take(std::int64_t incoming_id,
                                   const std::optional<queue::contact>& sender,
                                   std::string_view text, queue::timestamp received_at);

 private:
  queue::report_form_book& forms_;
  queue::sms_report_book& reports_;
  schedule::time_zone zone_;
};

}  // namespace siaran::daemon::sms_reports
