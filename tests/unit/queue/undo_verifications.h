// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Takes a store back from schema step 22 (queue/schema_verifications.h), for the tests that undo
// an earlier step and let the store migrate again: the steps after it run again too.

#include "queue/connection.h"

namespace siaran::test {

inline void undo_verifications_step(queue::connection& db) {
  for (const char* undo :
       {"DROP TRIGGER contacts_number_changed", "DROP TRIGGER confirmation_tallies_insert",
        "DROP TRIGGER confirmation_tallies_delete", "DROP TRIGGER confirmation_tallies_update",
        "DROP TABLE confirmation_tallies", "DROP TABLE verification_outcomes", "DROP TABLE verifications",
        "DROP INDEX contacts_verify", "ALTER TABLE contacts DROP COLUMN verify",
        "ALTER TABLE contacts DROP COLUMN confirmed_at"}) {
    db.exec(undo, "undoing schema step 22");
  }
}

}  // namespace siaran::test
