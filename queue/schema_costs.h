// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Schema step 18 (schema.cc): what each part cost, and the sums the pages read, kept by a
// trigger as parts are recorded sent, so that a broadcast's cost and a month's cost per SIM read
// a row or a few hundred instead of the parts.
//
// The sums are money spent, not counts of the rows there now: a part sent again (uncertain, or a
// long message resent whole) adds each time it goes out, and a prune that deletes old parts
// leaves them as they were, since those SMS were paid for.

namespace siaran::queue {

inline constexpr const char* costs_migration = R"sql(
-- Rupiah the part cost when it was last recorded sent: the price the dispatcher gave for its
-- modem and recipient (daemon/dispatch/price_list.h). NULL: not sent, or sent before step 18.
ALTER TABLE parts ADD COLUMN price INTEGER;

CREATE TABLE broadcast_costs (
  broadcast_id INTEGER PRIMARY KEY REFERENCES broadcasts(id) ON DELETE CASCADE,
  rupiah       INTEGER NOT NULL
);

-- Per UTC quarter hour (ms / 900000) and modem, as part_tallies: quarters add up to local months.
CREATE TABLE modem_costs (
  quarter INTEGER NOT NULL,
  modem   TEXT    NOT NULL,  -- '' for none
  parts   INTEGER NOT NULL,
  rupiah  INTEGER NOT NULL,
  PRIMARY KEY (quarter, modem)
) WITHOUT ROWID;

-- Parts sent before this step had no price: they count as parts sent, at 0 rupiah.
INSERT INTO modem_costs (quarter, modem, parts, rupiah)
SELECT sent_at / 900000, COALESCE(modem, ''), COUNT(*), 0 FROM parts WHERE sent_at IS NOT NULL GROUP BY 1, 2;

-- The store records a send by setting sent_at, modem and price in one UPDATE.
CREATE TRIGGER part_costs_sent AFTER UPDATE OF sent_at ON parts
WHEN NEW.sent_at IS NOT NULL AND OLD.sent_at IS NOT NEW.sent_at BEGIN
  INSERT INTO modem_costs VALUES (NEW.sent_at / 900000, COALESCE(NEW.modem, ''), 1, COALESCE(NEW.price, 0))
    ON CONFLICT DO UPDATE SET parts = parts + 1, rupiah = rupiah + excluded.rupiah;
  INSERT INTO broadcast_costs SELECT broadcast_id, COALESCE(NEW.price, 0) FROM broadcast_messages
    WHERE message_id = NEW.message_id ON CONFLICT DO UPDATE SET rupiah = rupiah + excluded.rupiah;
END;
)sql";

}  // namespace siaran::queue
