// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One connection to the store (queue/database.h) and the books over it. Each store thread
// (store_thread.h) has its own: a connection is used by one thread only.

#include <filesystem>

#include "queue/archive_book.h"
#include "queue/audit_book.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/conversations.h"
#include "queue/database.h"
#include "queue/events.h"
#include "queue/inbound_book.h"
#include "queue/maintenance.h"
#include "queue/message_queue.h"
#include "queue/replies.h"
#include "queue/report_book.h"
#include "queue/report_rows.h"
#include "queue/saved_templates.h"
#include "queue/sms_reports.h"
#include "queue/statistics.h"
#include "queue/verifications.h"

namespace siaran::daemon {

struct store_books {
  explicit store_books(const std::filesystem::path& file, queue::store_options options = {})
      : database(file, options),
        queue(database),
        inbound(database),
        reports(database),
        statistics(database),
        maintenance(database),
        contacts(database),
        archive(database),
        broadcasts(database),
        events(database),
        replies(database),
        conversations(database),
        audit(database),
        report_rows(database),
        verifications(database),
        templates(database),
        forms(database),
        sms_reports(database) {}
  store_books(const store_books&) = delete;
  store_books& operator=(const store_books&) = delete;

  queue::database database;
  queue::message_queue queue;
  queue::inbound_book inbound;
  queue::report_book reports;
  queue::statistics statistics;
  queue::maintenance maintenance;
  queue::contact_book contacts;
  queue::archive_book archive;
  queue::broadcast_book broadcasts;
  queue::event_book events;
  queue::reply_book replies;
  queue::conversation_book conversations;
  queue::audit_book audit;
  queue::report_row_book report_rows;
  queue::verification_book verifications;
  queue::saved_template_book templates;
  queue::report_form_book forms;
  queue::sms_report_book sms_reports;
};

}  // namespace siaran::daemon
