// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Schema step 22 (schema.cc): "cek nomor" campaigns (verifications.h). Each contact's number
// gains when it was last shown live (confirmed_at) and, when it is to be checked, why (verify);
// both belong to the number, so a trigger clears them when the number changes (an officer's edit,
// an approved GANTI). The confirmations of each UTC day per kecamatan are counted by triggers, so
// that Beranda's "share confirmed in the last 90 days" reads at most 90 rows per kecamatan, never
// the contacts.

namespace siaran::queue {

inline constexpr const char* verifications_migration = R"sql(
ALTER TABLE contacts ADD COLUMN confirmed_at INTEGER;
-- NULL, or why the number is to be checked: no_answer, failed, undelivered, unknown.
ALTER TABLE contacts ADD COLUMN verify TEXT;
CREATE INDEX contacts_verify ON contacts (verify) WHERE verify IS NOT NULL;

-- One campaign: its broadcast asks the audience to answer YA before ends_at; closed_at is set
-- once the daemon has marked what did not answer.
CREATE TABLE verifications (
  id           INTEGER PRIMARY KEY,
  broadcast_id INTEGER NOT NULL UNIQUE REFERENCES broadcasts(id) ON DELETE CASCADE,
  officer_id   INTEGER REFERENCES officers(id) ON DELETE SET NULL,
  created_at   INTEGER NOT NULL,
  ends_at      INTEGER NOT NULL,
  closed_at    INTEGER
);
CREATE INDEX verifications_open ON verifications (ends_at) WHERE closed_at IS NULL;

-- What each recipient did: confirmed (within the window), or at the close no_answer, failed,
-- undelivered, unknown, or unsent (never went out: says nothing about the number).
CREATE TABLE verification_outcomes (
  verification_id INTEGER NOT NULL REFERENCES verifications(id) ON DELETE CASCADE,
  contact_id      INTEGER NOT NULL,
  outcome         TEXT    NOT NULL,
  at              INTEGER NOT NULL,
  PRIMARY KEY (verification_id, contact_id)
) WITHOUT ROWID;

CREATE TABLE confirmation_tallies (
  day       INTEGER NOT NULL,  -- confirmed_at / 86400000
  kecamatan TEXT    NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (day, kecamatan)
) WITHOUT ROWID;

CREATE TRIGGER confirmation_tallies_insert AFTER INSERT ON contacts
WHEN NEW.confirmed_at IS NOT NULL AND NEW.kecamatan <> '' BEGIN
  INSERT INTO confirmation_tallies SELECT NEW.confirmed_at / 86400000, NEW.kecamatan, 1 WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER confirmation_tallies_delete BEFORE DELETE ON contacts
WHEN OLD.confirmed_at IS NOT NULL AND OLD.kecamatan <> '' BEGIN
  UPDATE confirmation_tallies SET n = n - 1 WHERE day = OLD.confirmed_at / 86400000 AND kecamatan = OLD.kecamatan;
END;
CREATE TRIGGER confirmation_tallies_update AFTER UPDATE OF confirmed_at, kecamatan ON contacts
WHEN OLD.confirmed_at IS NOT NEW.confirmed_at OR OLD.kecamatan IS NOT NEW.kecamatan BEGIN
  UPDATE confirmation_tallies SET n = n - 1 WHERE day = OLD.confirmed_at / 86400000 AND kecamatan = OLD.kecamatan;
  INSERT INTO confirmation_tallies SELECT NEW.confirmed_at / 86400000, NEW.kecamatan, 1
    WHERE NEW.confirmed_at IS NOT NULL AND NEW.kecamatan <> '' ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER contacts_number_changed AFTER UPDATE OF phone ON contacts WHEN OLD.phone IS NOT NEW.phone BEGIN
  UPDATE contacts SET confirmed_at = NULL, verify = NULL WHERE id = NEW.id;
END;
)sql";

}  // namespace siaran::queue
