// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Schema step 11 (schema.cc): counters kept as the rows they count change, so that the pages
// the web UI polls every few seconds read a few hundred rows instead of two years of parts.
// Triggers keep them, so that every writer (siarand, the CLI, a person with sqlite3) keeps them
// right; the step fills them from the rows already there.
//
// Each counter is a sum over rows of a row's contribution. A trigger pair takes the row's old
// contribution away BEFORE a change and adds its new one AFTER it, each computed from the tables
// as they are at that moment, so a statement changing many rows (an expiry, a cancel, a prune
// cascading to parts and attempts) keeps every counter exact whatever the order of its steps.

namespace siaran::queue {

inline constexpr const char* tallies_migration = R"sql(
-- Parts by the UTC quarter hour (ms / 900000) of each outcome, which statistics::part_counts_between
-- adds up: sent by sent_at (per modem, '' for none), delivered by delivered_at, failed for a
-- failed part at its send, else its last permanent failure on a modem, else its expiry. Every
-- zone's offset is a whole number of quarter hours, so quarters add up to local days. The key
-- starts with the quarter: what the dispatcher changes is one page at the table's end.
CREATE TABLE part_tallies (
  quarter INTEGER NOT NULL,
  outcome TEXT    NOT NULL,  -- sent, delivered, failed
  modem   TEXT    NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (quarter, outcome, modem)
) WITHOUT ROWID;

-- A failed part's quarter: the one place that rule is written for the triggers below.
CREATE VIEW part_failed_quarters AS
SELECT p.id AS part_id,
       COALESCE(p.sent_at,
                (SELECT MAX(a.finished_at) FROM attempts a WHERE a.part_id = p.id AND a.outcome = 'failed_permanent'),
                p.expires_at) / 900000 AS quarter
FROM parts p WHERE p.state = 'failed';

INSERT INTO part_tallies (quarter, outcome, modem, n)
SELECT sent_at / 900000, 'sent', COALESCE(modem, ''), COUNT(*) FROM parts WHERE sent_at IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT delivered_at / 900000, 'delivered', '', COUNT(*) FROM parts WHERE delivered_at IS NOT NULL GROUP BY 1
UNION ALL
SELECT quarter, 'failed', '', COUNT(*) FROM part_failed_quarters WHERE quarter IS NOT NULL GROUP BY 1;

CREATE TRIGGER part_tallies_insert AFTER INSERT ON parts BEGIN
  INSERT INTO part_tallies SELECT NEW.sent_at / 900000, 'sent', COALESCE(NEW.modem, ''), 1
    WHERE NEW.sent_at IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO part_tallies SELECT NEW.delivered_at / 900000, 'delivered', '', 1
    WHERE NEW.delivered_at IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO part_tallies SELECT quarter, 'failed', '', 1 FROM part_failed_quarters
    WHERE part_id = NEW.id AND quarter IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- BEFORE, while the part's attempts are still there: a prune deletes them with it.
CREATE TRIGGER part_tallies_delete BEFORE DELETE ON parts BEGIN
  UPDATE part_tallies SET n = n - 1
    WHERE quarter = OLD.sent_at / 900000 AND outcome = 'sent' AND modem = COALESCE(OLD.modem, '');
  UPDATE part_tallies SET n = n - 1
    WHERE quarter = OLD.delivered_at / 900000 AND outcome = 'delivered' AND modem = '';
  UPDATE part_tallies SET n = n - 1 WHERE outcome = 'failed' AND modem = ''
    AND quarter = (SELECT quarter FROM part_failed_quarters WHERE part_id = OLD.id);
END;

-- A claim (queued -> sending) changes none of these columns' contributions, and skips both.
CREATE TRIGGER part_tallies_before_update BEFORE UPDATE OF state, modem, sent_at, delivered_at, expires_at ON parts
WHEN (OLD.state = 'failed' OR NEW.state = 'failed') AND OLD.state IS NOT NEW.state
  OR OLD.sent_at IS NOT NEW.sent_at OR OLD.delivered_at IS NOT NEW.delivered_at
  OR (OLD.modem IS NOT NEW.modem AND NEW.sent_at IS NOT NULL) OR OLD.expires_at IS NOT NEW.expires_at
BEGIN
  UPDATE part_tallies SET n = n - 1
    WHERE quarter = OLD.sent_at / 900000 AND outcome = 'sent' AND modem = COALESCE(OLD.modem, '');
  UPDATE part_tallies SET n = n - 1
    WHERE quarter = OLD.delivered_at / 900000 AND outcome = 'delivered' AND modem = '';
  UPDATE part_tallies SET n = n - 1 WHERE outcome = 'failed' AND modem = ''
    AND quarter = (SELECT quarter FROM part_failed_quarters WHERE part_id = OLD.id);
END;

CREATE TRIGGER part_tallies_after_update AFTER UPDATE OF state, modem, sent_at, delivered_at, expires_at ON parts
WHEN (OLD.state = 'failed' OR NEW.state = 'failed') AND OLD.state IS NOT NEW.state
  OR OLD.sent_at IS NOT NEW.sent_at OR OLD.delivered_at IS NOT NEW.delivered_at
  OR (OLD.modem IS NOT NEW.modem AND NEW.sent_at IS NOT NULL) OR OLD.expires_at IS NOT NEW.expires_at
BEGIN
  INSERT INTO part_tallies SELECT NEW.sent_at / 900000, 'sent', COALESCE(NEW.modem, ''), 1
    WHERE NEW.sent_at IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO part_tallies SELECT NEW.delivered_at / 900000, 'delivered', '', 1
    WHERE NEW.delivered_at IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO part_tallies SELECT quarter, 'failed', '', 1 FROM part_failed_quarters
    WHERE part_id = NEW.id AND quarter IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A permanent failure on a modem dates a failed part that was never sent: the store fails the
-- part first and finishes its attempt after, so the attempt's change moves the part's quarter.
CREATE TRIGGER part_tallies_attempt_before_update BEFORE UPDATE OF outcome, finished_at ON attempts
WHEN OLD.outcome = 'failed_permanent' OR NEW.outcome = 'failed_permanent' BEGIN
  UPDATE part_tallies SET n = n - 1 WHERE outcome = 'failed' AND modem = ''
    AND quarter = (SELECT quarter FROM part_failed_quarters WHERE part_id = OLD.part_id);
END;
CREATE TRIGGER part_tallies_attempt_after_update AFTER UPDATE OF outcome, finished_at ON attempts
WHEN OLD.outcome = 'failed_permanent' OR NEW.outcome = 'failed_permanent' BEGIN
  INSERT INTO part_tallies SELECT quarter, 'failed', '', 1 FROM part_failed_quarters
    WHERE part_id = NEW.part_id AND quarter IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER part_tallies_attempt_before_insert BEFORE INSERT ON attempts
WHEN NEW.outcome = 'failed_permanent' BEGIN
  UPDATE part_tallies SET n = n - 1 WHERE outcome = 'failed' AND modem = ''
    AND quarter = (SELECT quarter FROM part_failed_quarters WHERE part_id = NEW.part_id);
END;
CREATE TRIGGER part_tallies_attempt_after_insert AFTER INSERT ON attempts
WHEN NEW.outcome = 'failed_permanent' BEGIN
  INSERT INTO part_tallies SELECT quarter, 'failed', '', 1 FROM part_failed_quarters
    WHERE part_id = NEW.part_id AND quarter IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER part_tallies_attempt_before_delete BEFORE DELETE ON attempts
WHEN OLD.outcome = 'failed_permanent' BEGIN
  UPDATE part_tallies SET n = n - 1 WHERE outcome = 'failed' AND modem = ''
    AND quarter = (SELECT quarter FROM part_failed_quarters WHERE part_id = OLD.part_id);
END;
CREATE TRIGGER part_tallies_attempt_after_delete AFTER DELETE ON attempts
WHEN OLD.outcome = 'failed_permanent' BEGIN
  INSERT INTO part_tallies SELECT quarter, 'failed', '', 1 FROM part_failed_quarters
    WHERE part_id = OLD.part_id AND quarter IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The RSVP tally looks for an event's reminder broadcasts: without this index SQLite read every
-- broadcast's recipients and looked each broadcast up (42 s for 100 events over 750,000 rows).
CREATE INDEX broadcasts_event ON broadcasts (event_id) WHERE event_id IS NOT NULL;

-- A broadcast's recipients, pruned messages included (counting the rows read 50,000 for the
-- largest broadcast at each look).
CREATE TABLE broadcast_recipients (
  broadcast_id INTEGER PRIMARY KEY REFERENCES broadcasts(id) ON DELETE CASCADE,
  n            INTEGER NOT NULL
);

INSERT INTO broadcast_recipients (broadcast_id, n)
SELECT broadcast_id, COUNT(*) FROM broadcast_messages GROUP BY broadcast_id;

CREATE TRIGGER broadcast_recipients_insert AFTER INSERT ON broadcast_messages BEGIN
  INSERT INTO broadcast_recipients VALUES (NEW.broadcast_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_recipients_delete AFTER DELETE ON broadcast_messages BEGIN
  UPDATE broadcast_recipients SET n = n - 1 WHERE broadcast_id = OLD.broadcast_id;
END;
CREATE TRIGGER broadcast_recipients_update AFTER UPDATE OF broadcast_id ON broadcast_messages BEGIN
  UPDATE broadcast_recipients SET n = n - 1 WHERE broadcast_id = OLD.broadcast_id;
  INSERT INTO broadcast_recipients VALUES (NEW.broadcast_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A broadcast's recipients by their message's derived state (the message_states view; its
-- WHERE on message_id reads that message's parts only).
CREATE TABLE broadcast_tallies (
  broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
  state        TEXT    NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (broadcast_id, state)
) WITHOUT ROWID;

INSERT INTO broadcast_tallies (broadcast_id, state, n)
SELECT bm.broadcast_id, s.state, COUNT(*) FROM broadcast_messages bm JOIN message_states s ON s.message_id = bm.message_id
GROUP BY bm.broadcast_id, s.state;

CREATE TRIGGER broadcast_tallies_recipient_insert AFTER INSERT ON broadcast_messages BEGIN
  INSERT INTO broadcast_tallies SELECT NEW.broadcast_id, state, 1 FROM message_states
    WHERE message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_tallies_recipient_delete AFTER DELETE ON broadcast_messages BEGIN
  UPDATE broadcast_tallies SET n = n - 1 WHERE broadcast_id = OLD.broadcast_id
    AND state = (SELECT state FROM message_states WHERE message_id = OLD.message_id);
END;
-- A pruned message leaves its recipient row with message_id NULL: no longer counted.
CREATE TRIGGER broadcast_tallies_recipient_update AFTER UPDATE OF broadcast_id, message_id ON broadcast_messages BEGIN
  UPDATE broadcast_tallies SET n = n - 1 WHERE broadcast_id = OLD.broadcast_id
    AND state = (SELECT state FROM message_states WHERE message_id = OLD.message_id);
  INSERT INTO broadcast_tallies SELECT NEW.broadcast_id, state, 1 FROM message_states
    WHERE message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER broadcast_tallies_part_before_update BEFORE UPDATE OF state ON parts
WHEN OLD.state IS NOT NEW.state AND EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = OLD.message_id) BEGIN
  UPDATE broadcast_tallies SET n = n - 1
    WHERE broadcast_id IN (SELECT broadcast_id FROM broadcast_messages WHERE message_id = OLD.message_id)
    AND state = (SELECT state FROM message_states WHERE message_id = OLD.message_id);
END;
CREATE TRIGGER broadcast_tallies_part_after_update AFTER UPDATE OF state ON parts
WHEN OLD.state IS NOT NEW.state AND EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = NEW.message_id) BEGIN
  INSERT INTO broadcast_tallies SELECT bm.broadcast_id, s.state, 1
    FROM broadcast_messages bm, (SELECT state FROM message_states WHERE message_id = NEW.message_id) s
    WHERE bm.message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_tallies_part_before_insert BEFORE INSERT ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = NEW.message_id) BEGIN
  UPDATE broadcast_tallies SET n = n - 1
    WHERE broadcast_id IN (SELECT broadcast_id FROM broadcast_messages WHERE message_id = NEW.message_id)
    AND state = (SELECT state FROM message_states WHERE message_id = NEW.message_id);
END;
CREATE TRIGGER broadcast_tallies_part_after_insert AFTER INSERT ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = NEW.message_id) BEGIN
  INSERT INTO broadcast_tallies SELECT bm.broadcast_id, s.state, 1
    FROM broadcast_messages bm, (SELECT state FROM message_states WHERE message_id = NEW.message_id) s
    WHERE bm.message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_tallies_part_before_delete BEFORE DELETE ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = OLD.message_id) BEGIN
  UPDATE broadcast_tallies SET n = n - 1
    WHERE broadcast_id IN (SELECT broadcast_id FROM broadcast_messages WHERE message_id = OLD.message_id)
    AND state = (SELECT state FROM message_states WHERE message_id = OLD.message_id);
END;
CREATE TRIGGER broadcast_tallies_part_after_delete AFTER DELETE ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = OLD.message_id) BEGIN
  INSERT INTO broadcast_tallies SELECT bm.broadcast_id, s.state, 1
    FROM broadcast_messages bm, (SELECT state FROM message_states WHERE message_id = OLD.message_id) s
    WHERE bm.message_id = OLD.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The distinct places, roles and tag lists of the contacts, each spelling with how many
-- contacts have it (a row goes when none does); kecamatan is a desa's, NULL for the others.
-- The facets query groups these spellings case-insensitively, as it grouped the contacts.
CREATE TABLE contact_facets (
  kind      TEXT    NOT NULL,  -- kecamatan, desa, role, tags
  value     TEXT    NOT NULL,
  kecamatan TEXT,
  n         INTEGER NOT NULL
);
CREATE INDEX contact_facets_value ON contact_facets (kind, value, kecamatan);

INSERT INTO contact_facets (kind, value, kecamatan, n)
SELECT 'kecamatan', kecamatan, NULL, COUNT(*) FROM contacts WHERE kecamatan <> '' GROUP BY kecamatan
UNION ALL
SELECT 'desa', desa, kecamatan, COUNT(*) FROM contacts WHERE desa <> '' GROUP BY desa, kecamatan
UNION ALL
SELECT 'role', role, NULL, COUNT(*) FROM contacts WHERE role <> '' GROUP BY role
UNION ALL
SELECT 'tags', tags, NULL, COUNT(*) FROM contacts WHERE tags <> '' GROUP BY tags;

CREATE VIEW contact_facet_values AS
SELECT 'kecamatan' AS kind, kecamatan AS value, NULL AS kecamatan, id FROM contacts WHERE kecamatan <> ''
UNION ALL SELECT 'desa', desa, kecamatan, id FROM contacts WHERE desa <> ''
UNION ALL SELECT 'role', role, NULL, id FROM contacts WHERE role <> ''
UNION ALL SELECT 'tags', tags, NULL, id FROM contacts WHERE tags <> '';

CREATE TRIGGER contact_facets_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO contact_facets (kind, value, kecamatan, n)
    SELECT v.kind, v.value, v.kecamatan, 0 FROM contact_facet_values v WHERE v.id = NEW.id AND NOT EXISTS
      (SELECT 1 FROM contact_facets f WHERE f.kind = v.kind AND f.value = v.value AND f.kecamatan IS v.kecamatan);
  UPDATE contact_facets SET n = n + 1 WHERE rowid IN (SELECT f.rowid FROM contact_facet_values v JOIN contact_facets f
    ON f.kind = v.kind AND f.value = v.value AND f.kecamatan IS v.kecamatan WHERE v.id = NEW.id);
END;
CREATE TRIGGER contact_facets_delete BEFORE DELETE ON contacts BEGIN
  UPDATE contact_facets SET n = n - 1 WHERE rowid IN (SELECT f.rowid FROM contact_facet_values v JOIN contact_facets f
    ON f.kind = v.kind AND f.value = v.value AND f.kecamatan IS v.kecamatan WHERE v.id = OLD.id);
  DELETE FROM contact_facets WHERE n = 0;
END;
CREATE TRIGGER contact_facets_before_update BEFORE UPDATE OF kecamatan, desa, role, tags ON contacts
WHEN OLD.kecamatan IS NOT NEW.kecamatan OR OLD.desa IS NOT NEW.desa OR OLD.role IS NOT NEW.role OR OLD.tags IS NOT NEW.tags
BEGIN
  UPDATE contact_facets SET n = n - 1 WHERE rowid IN (SELECT f.rowid FROM contact_facet_values v JOIN contact_facets f
    ON f.kind = v.kind AND f.value = v.value AND f.kecamatan IS v.kecamatan WHERE v.id = OLD.id);
END;
CREATE TRIGGER contact_facets_after_update AFTER UPDATE OF kecamatan, desa, role, tags ON contacts
WHEN OLD.kecamatan IS NOT NEW.kecamatan OR OLD.desa IS NOT NEW.desa OR OLD.role IS NOT NEW.role OR OLD.tags IS NOT NEW.tags
BEGIN
  INSERT INTO contact_facets (kind, value, kecamatan, n)
    SELECT v.kind, v.value, v.kecamatan, 0 FROM contact_facet_values v WHERE v.id = NEW.id AND NOT EXISTS
      (SELECT 1 FROM contact_facets f WHERE f.kind = v.kind AND f.value = v.value AND f.kecamatan IS v.kecamatan);
  UPDATE contact_facets SET n = n + 1 WHERE rowid IN (SELECT f.rowid FROM contact_facet_values v JOIN contact_facets f
    ON f.kind = v.kind AND f.value = v.value AND f.kecamatan IS v.kecamatan WHERE v.id = NEW.id);
  DELETE FROM contact_facets WHERE n = 0;
END;
)sql";

}  // namespace siaran::queue
