// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Schema step 17 (schema.cc): who got each message. A part's delivery, as its status reports
// and the report timeout settle it; a message's, derived from its parts by one rule (the
// message_deliveries view); the place of each broadcast recipient as it was when the broadcast
// was queued; and, kept by triggers as schema_tallies.h keeps its counters, each broadcast's
// recipients per place, message state and delivery, so that the page polling a broadcast reads
// a few rows instead of every part of it.

// A message's delivery from its parts' `delivery` column, the one place the rule is written: no
// part asked for a report -> NULL; any part undelivered -> undelivered; else all delivered ->
// delivered; else any unknown -> unknown; else pending. A macro, so that the migration's view and
// the queries that read one message's parts (where the view would read every part) spell it
// alike; changing it takes a new step that recreates the view.
#define SIARAN_MESSAGE_DELIVERY_RULE                              \
  "CASE WHEN COUNT(delivery) = 0 THEN NULL "                      \
  "WHEN SUM(delivery = 'undelivered') > 0 THEN 'undelivered' "    \
  "WHEN SUM(delivery = 'delivered') = COUNT(*) THEN 'delivered' " \
  "WHEN SUM(delivery = 'unknown') > 0 THEN 'unknown' ELSE 'pending' END"

namespace siaran::queue {

inline constexpr const char* deliveries_migration = R"sql(
-- NULL: no status report asked. 'pending' from the queueing of a part that asks for one until a
-- final report ('delivered', 'undelivered'), or until report_timeout after its sending, when the
-- writer's sweep makes it 'unknown' (a late report still settles it).
ALTER TABLE parts ADD COLUMN delivery TEXT CHECK (delivery IN ('pending', 'delivered', 'undelivered', 'unknown'));

UPDATE parts SET delivery = CASE WHEN status IS NULL OR status BETWEEN 32 AND 63 THEN 'pending'
                                 WHEN status < 32 THEN 'delivered' ELSE 'undelivered' END
WHERE message_id IN (SELECT id FROM messages WHERE report);

-- A part sent again to someone an earlier broadcast did not reach goes out, if it can, on another
-- modem than the one that failed to reach them (daemon/dispatch/modem_choice.h).
ALTER TABLE parts ADD COLUMN avoid_modem TEXT;

-- A follow-up broadcast to the recipients an earlier one did not reach (POST .../resend).
ALTER TABLE broadcasts ADD COLUMN follow_up_of INTEGER REFERENCES broadcasts(id) ON DELETE SET NULL;

-- The sweep reads the parts still waiting for their report, oldest sent first.
CREATE INDEX parts_delivery_pending ON parts (sent_at) WHERE delivery = 'pending';

-- A message's delivery (SIARAN_MESSAGE_DELIVERY_RULE).
CREATE VIEW message_deliveries AS
SELECT message_id, )sql" SIARAN_MESSAGE_DELIVERY_RULE R"sql( AS delivery FROM parts GROUP BY message_id;

-- The recipient's place when the broadcast was queued: a report per desa stays what it was
-- when a cadre moves.
ALTER TABLE broadcast_messages ADD COLUMN kecamatan TEXT NOT NULL DEFAULT '';
ALTER TABLE broadcast_messages ADD COLUMN desa TEXT NOT NULL DEFAULT '';

UPDATE broadcast_messages SET
  kecamatan = COALESCE((SELECT c.kecamatan FROM contacts c WHERE c.id = contact_id), ''),
  desa = COALESCE((SELECT c.desa FROM contacts c WHERE c.id = contact_id), '');

-- A broadcast's recipients by place, message state (message_states) and delivery ('' for none).
CREATE TABLE broadcast_place_tallies (
  broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
  kecamatan    TEXT    NOT NULL,
  desa         TEXT    NOT NULL,
  state        TEXT    NOT NULL,
  delivery     TEXT    NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (broadcast_id, kecamatan, desa, state, delivery)
) WITHOUT ROWID;

-- A message's state and delivery, for the triggers below (each WHERE on message_id reads that
-- message's parts only).
CREATE VIEW message_outcomes AS
SELECT s.message_id, s.state, COALESCE(d.delivery, '') AS delivery
FROM message_states s JOIN message_deliveries d ON d.message_id = s.message_id;

INSERT INTO broadcast_place_tallies (broadcast_id, kecamatan, desa, state, delivery, n)
SELECT bm.broadcast_id, bm.kecamatan, bm.desa, o.state, o.delivery, COUNT(*)
FROM broadcast_messages bm JOIN message_outcomes o ON o.message_id = bm.message_id
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER broadcast_place_tallies_recipient_insert AFTER INSERT ON broadcast_messages BEGIN
  INSERT INTO broadcast_place_tallies SELECT NEW.broadcast_id, NEW.kecamatan, NEW.desa, state, delivery, 1
    FROM message_outcomes WHERE message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_place_tallies_recipient_delete AFTER DELETE ON broadcast_messages BEGIN
  UPDATE broadcast_place_tallies SET n = n - 1 WHERE broadcast_id = OLD.broadcast_id
    AND kecamatan = OLD.kecamatan AND desa = OLD.desa
    AND (state, delivery) = (SELECT state, delivery FROM message_outcomes WHERE message_id = OLD.message_id);
END;
-- A pruned message leaves its recipient row with message_id NULL: no longer counted.
CREATE TRIGGER broadcast_place_tallies_recipient_update
AFTER UPDATE OF broadcast_id, message_id, kecamatan, desa ON broadcast_messages BEGIN
  UPDATE broadcast_place_tallies SET n = n - 1 WHERE broadcast_id = OLD.broadcast_id
    AND kecamatan = OLD.kecamatan AND desa = OLD.desa
    AND (state, delivery) = (SELECT state, delivery FROM message_outcomes WHERE message_id = OLD.message_id);
  INSERT INTO broadcast_place_tallies SELECT NEW.broadcast_id, NEW.kecamatan, NEW.desa, state, delivery, 1
    FROM message_outcomes WHERE message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER broadcast_place_tallies_part_before_update BEFORE UPDATE OF state, delivery ON parts
WHEN (OLD.state IS NOT NEW.state OR OLD.delivery IS NOT NEW.delivery)
  AND EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = OLD.message_id) BEGIN
  UPDATE broadcast_place_tallies SET n = n - 1 WHERE (broadcast_id, kecamatan, desa) IN
    (SELECT broadcast_id, kecamatan, desa FROM broadcast_messages WHERE message_id = OLD.message_id)
    AND (state, delivery) = (SELECT state, delivery FROM message_outcomes WHERE message_id = OLD.message_id);
END;
CREATE TRIGGER broadcast_place_tallies_part_after_update AFTER UPDATE OF state, delivery ON parts
WHEN (OLD.state IS NOT NEW.state OR OLD.delivery IS NOT NEW.delivery)
  AND EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = NEW.message_id) BEGIN
  INSERT INTO broadcast_place_tallies SELECT bm.broadcast_id, bm.kecamatan, bm.desa, o.state, o.delivery, 1
    FROM broadcast_messages bm, (SELECT state, delivery FROM message_outcomes WHERE message_id = NEW.message_id) o
    WHERE bm.message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_place_tallies_part_before_insert BEFORE INSERT ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = NEW.message_id) BEGIN
  UPDATE broadcast_place_tallies SET n = n - 1 WHERE (broadcast_id, kecamatan, desa) IN
    (SELECT broadcast_id, kecamatan, desa FROM broadcast_messages WHERE message_id = NEW.message_id)
    AND (state, delivery) = (SELECT state, delivery FROM message_outcomes WHERE message_id = NEW.message_id);
END;
CREATE TRIGGER broadcast_place_tallies_part_after_insert AFTER INSERT ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = NEW.message_id) BEGIN
  INSERT INTO broadcast_place_tallies SELECT bm.broadcast_id, bm.kecamatan, bm.desa, o.state, o.delivery, 1
    FROM broadcast_messages bm, (SELECT state, delivery FROM message_outcomes WHERE message_id = NEW.message_id) o
    WHERE bm.message_id = NEW.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER broadcast_place_tallies_part_before_delete BEFORE DELETE ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = OLD.message_id) BEGIN
  UPDATE broadcast_place_tallies SET n = n - 1 WHERE (broadcast_id, kecamatan, desa) IN
    (SELECT broadcast_id, kecamatan, desa FROM broadcast_messages WHERE message_id = OLD.message_id)
    AND (state, delivery) = (SELECT state, delivery FROM message_outcomes WHERE message_id = OLD.message_id);
END;
CREATE TRIGGER broadcast_place_tallies_part_after_delete AFTER DELETE ON parts
WHEN EXISTS (SELECT 1 FROM broadcast_messages WHERE message_id = OLD.message_id) BEGIN
  INSERT INTO broadcast_place_tallies SELECT bm.broadcast_id, bm.kecamatan, bm.desa, o.state, o.delivery, 1
    FROM broadcast_messages bm, (SELECT state, delivery FROM message_outcomes WHERE message_id = OLD.message_id) o
    WHERE bm.message_id = OLD.message_id ON CONFLICT DO UPDATE SET n = n + 1;
END;
)sql";

}  // namespace siaran::queue
