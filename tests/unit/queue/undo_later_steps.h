// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For the tests that undo an earlier schema step and let the store migrate again: every step
// after it runs again too. Steps 20 and 23 create with IF NOT EXISTS and run twice unharmed;
// steps 21 (archived_at columns), 22 (queue/schema_verifications.h) and 24 (channels) add columns,
// which cannot be added twice, so they are taken back here first, the latest first.

#include "queue/connection.h"

namespace siaran::test {

inline void undo_later_steps(queue::connection& db) {
  for (const char* undo :
       {"DROP INDEX parts_smsc_message", "ALTER TABLE messages DROP COLUMN via", "ALTER TABLE messages DROP COLUMN sender",
        "ALTER TABLE parts DROP COLUMN smsc_message_id", "ALTER TABLE status_reports DROP COLUMN smsc_message_id",
        "ALTER TABLE broadcasts DROP COLUMN via", "ALTER TABLE broadcasts DROP COLUMN sender",
        "ALTER TABLE officers DROP COLUMN default_sender"}) {
    db.exec(undo, "undoing schema step 24");
  }
  for (const char* undo :
       {"DROP TRIGGER contacts_number_changed", "DROP TRIGGER confirmation_tallies_insert",
        "DROP TRIGGER confirmation_tallies_delete", "DROP TRIGGER confirmation_tallies_update",
        "DROP TABLE confirmation_tallies", "DROP TABLE verification_outcomes", "DROP TABLE verifications",
        "DROP INDEX contacts_verify", "ALTER TABLE contacts DROP COLUMN verify",
        "ALTER TABLE contacts DROP COLUMN confirmed_at"}) {
    db.exec(undo, "undoing schema step 22");
  }
  for (const char* undo : {"ALTER TABLE contacts DROP COLUMN archived_at", "ALTER TABLE groups DROP COLUMN archived_at",
                           "ALTER TABLE officers DROP COLUMN archived_at"}) {
    db.exec(undo, "undoing schema step 21");
  }
}

}  // namespace siaran::test
