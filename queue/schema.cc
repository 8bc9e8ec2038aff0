// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/schema.h"

#include <array>
#include <string>

#include "queue/schema_costs.h"
#include "queue/schema_deliveries.h"
#include "queue/schema_tallies.h"
#include "queue/schema_verifications.h"

namespace siaran::queue {
namespace {

// Times are INTEGER milliseconds since the Unix epoch (UTC); phone numbers and texts are
// stored as given; PDUs as upper-case hex, SMSC field first, as the modem wants them.
// Step N takes the database from user_version N-1 to N. Never edit a released step: add one.
constexpr std::array migrations = {
    // 1: the first schema.
    R"sql(
-- One submitted message. recipient_key is the last 8 digits of recipient, so that a status
-- report naming the national form (0812...) matches a message sent to +62812... and back.
-- client_ref makes API retries idempotent (UNIQUE allows many NULLs).
CREATE TABLE messages (
  id            INTEGER PRIMARY KEY,
  recipient     TEXT    NOT NULL,
  recipient_key TEXT    NOT NULL,
  text          TEXT    NOT NULL,
  priority      INTEGER NOT NULL DEFAULT 0,   -- higher goes first
  send_at       INTEGER NOT NULL,
  expires_at    INTEGER,                      -- NULL: never
  report        INTEGER NOT NULL DEFAULT 0,   -- status report requested
  client_ref    TEXT    UNIQUE,
  created_at    INTEGER NOT NULL
);

-- The unit that is claimed, sent, acknowledged (+CMGS: <mr>) and delivered. priority and
-- expires_at are copies of the message's, so the claim reads one index. pinned_modem: once
-- one part of a concatenated message went out on a modem, its siblings must follow on the same
-- SIM, or the handset sees two senders and cannot reassemble.
CREATE TABLE parts (
  id               INTEGER PRIMARY KEY,
  message_id       INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  number           INTEGER NOT NULL,             -- 1-based
  total            INTEGER NOT NULL,
  pdu              TEXT    NOT NULL,
  tpdu_length      INTEGER NOT NULL,             -- the <length> of AT+CMGS
  state            TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN
                     ('queued','sending','sent','delivered','failed','uncertain','cancelled')),
  priority         INTEGER NOT NULL,
  expires_at       INTEGER,
  next_attempt_at  INTEGER NOT NULL,
  pinned_modem     TEXT,
  modem            TEXT,                         -- the modem of the last attempt
  reference        INTEGER,                      -- TP-MR from +CMGS
  attempts         INTEGER NOT NULL DEFAULT 0,
  resent_uncertain INTEGER NOT NULL DEFAULT 0,   -- requeued after a crash: may arrive twice
  last_error       TEXT,
  sent_at          INTEGER,
  delivered_at     INTEGER,                      -- discharge time of the status report
  status           INTEGER,                      -- TP-ST of the last status report
  UNIQUE (message_id, number)
);
CREATE INDEX parts_claim ON parts (state, priority DESC, next_attempt_at);
CREATE INDEX parts_report ON parts (modem, reference, sent_at);

-- One row per claim: when, on which modem, and how it ended (sent, failed_temporary,
-- failed_permanent, uncertain; NULL while in flight).
CREATE TABLE attempts (
  id          INTEGER PRIMARY KEY,
  part_id     INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
  modem       TEXT,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  outcome     TEXT,
  cms_code    INTEGER,
  error       TEXT
);
CREATE INDEX attempts_part ON attempts (part_id);

-- Every SMS received, stored before the modem deletes it; raw_pdus are the hex PDUs, one per
-- line, so a message that failed to decode can be decoded again by a later version.
CREATE TABLE incoming (
  id           INTEGER PRIMARY KEY,
  modem        TEXT    NOT NULL,
  sender       TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  received_at  INTEGER NOT NULL,
  raw_pdus     TEXT    NOT NULL,
  decode_error TEXT,
  concat_ref   INTEGER,
  concat_total INTEGER,
  complete     INTEGER NOT NULL DEFAULT 1     -- 0: parts missing when reassembly timed out
);
CREATE INDEX incoming_received ON incoming (received_at);

-- Every status report (23.040 SMS-STATUS-REPORT), matched or not.
CREATE TABLE status_reports (
  id             INTEGER PRIMARY KEY,
  modem          TEXT    NOT NULL,
  reference      INTEGER NOT NULL,
  recipient      TEXT    NOT NULL,
  status         INTEGER NOT NULL,           -- TP-ST
  sc_timestamp   INTEGER,
  discharge_time INTEGER,
  received_at    INTEGER NOT NULL,
  raw_pdu        TEXT    NOT NULL,
  part_id        INTEGER REFERENCES parts(id) ON DELETE SET NULL
);
CREATE INDEX status_reports_received ON status_reports (received_at);

CREATE TABLE modem_events (
  id     INTEGER PRIMARY KEY,
  modem  TEXT    NOT NULL,
  at     INTEGER NOT NULL,
  state  TEXT    NOT NULL,
  reason TEXT
);
CREATE INDEX modem_events_at ON modem_events (at);

-- A message's state, derived from its parts; the one place the rule is written:
-- any part failed -> failed; else any cancelled -> cancelled; else any uncertain -> uncertain;
-- else all delivered -> delivered; else all sent or delivered -> sent; else all queued ->
-- queued; else (some sending, or some out and some still queued) -> sending.
CREATE VIEW message_states AS
SELECT message_id,
       CASE
         WHEN SUM(state = 'failed') > 0 THEN 'failed'
         WHEN SUM(state = 'cancelled') > 0 THEN 'cancelled'
         WHEN SUM(state = 'uncertain') > 0 THEN 'uncertain'
         WHEN SUM(state = 'delivered') = COUNT(*) THEN 'delivered'
         WHEN SUM(state IN ('sent', 'delivered')) = COUNT(*) THEN 'sent'
         WHEN SUM(state = 'queued') = COUNT(*) THEN 'queued'
         ELSE 'sending'
       END AS state
FROM parts GROUP BY message_id;
)sql",
    // 2: parts of long incoming SMS wait here, durably, until their set is complete (or
    // reassembly gives up): the modem deletes each part from the SIM once it is stored.
    R"sql(
CREATE TABLE incoming_fragments (
  id           INTEGER PRIMARY KEY,
  modem        TEXT    NOT NULL,
  sender       TEXT    NOT NULL,
  concat_ref   INTEGER NOT NULL,
  concat_total INTEGER NOT NULL,
  number       INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  raw_pdu      TEXT    NOT NULL,
  received_at  INTEGER NOT NULL,
  UNIQUE (modem, sender, concat_ref, concat_total, number)
);
CREATE INDEX incoming_fragments_received ON incoming_fragments (received_at);
)sql",
    // 3: every index entry a part's transition touches is a page written per commit, twice per
    // part sent. Partial indexes hold only the rows their queries look for: claims look at
    // queued parts, status reports at parts with a reference, people at uncertain parts; a
    // part going sending -> sent leaves the claim index alone.
    R"sql(
DROP INDEX parts_claim;
CREATE INDEX parts_claim ON parts (priority DESC, next_attempt_at) WHERE state = 'queued';
DROP INDEX parts_report;
CREATE INDEX parts_report ON parts (modem, reference, sent_at) WHERE reference IS NOT NULL;
CREATE INDEX parts_uncertain ON parts (id) WHERE state = 'uncertain';
)sql",
    // 4: the people. A contact is a cadre or an officer's counterpart at a Posyandu;
    // phone is E.164 and unique, phone_key its last 8 digits (as messages.recipient_key), so a
    // reply from 0812... finds the contact stored as +62812.... tags is ",a,b," for instr().
    // fields: the CSV's other columns as a JSON object, usable in templates. birth_date is
    // YYYY-MM-DD. An officer sends broadcasts under a sender tag and receives the replies.
    // A group is an explicit list (group_members) or a saved filter (JSON, members computed).
    R"sql(
CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  phone       TEXT    NOT NULL UNIQUE,
  phone_key   TEXT    NOT NULL,
  salutation  TEXT,                          -- panggilan: Ibu, Bapak
  role        TEXT,                          -- peran: kader, pengurus, bidan...
  level       TEXT,                          -- kabupaten, kecamatan, desa, posyandu
  kabupaten   TEXT,
  kecamatan   TEXT,
  desa        TEXT,
  posyandu    TEXT,
  birth_date  TEXT,
  tags        TEXT    NOT NULL DEFAULT '',
  opted_out   INTEGER NOT NULL DEFAULT 0,
  notes       TEXT,
  fields      TEXT    NOT NULL DEFAULT '{}',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX contacts_phone_key ON contacts (phone_key);
CREATE INDEX contacts_place ON contacts (kecamatan, desa);

CREATE TABLE officers (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  phone       TEXT,                          -- E.164; replies are forwarded here
  sender_tag  TEXT    NOT NULL DEFAULT '',
  forward_sms INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL
);

CREATE TABLE groups (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE,
  filter     TEXT,                           -- JSON {kecamatan, desa, peran, tag}; NULL: a list
  created_at INTEGER NOT NULL
);
CREATE TABLE group_members (
  group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX group_members_contact ON group_members (contact_id);
)sql",
    // 5: broadcasts. One row per broadcast, one broadcast_messages row per recipient with the
    // message queued for them (the message's own parts carry its progress). origin says who
    // made it: the API, or the scheduler (reminder, birthday, recurring) with its event.
    R"sql(
CREATE TABLE broadcasts (
  id           INTEGER PRIMARY KEY,
  officer_id   INTEGER REFERENCES officers(id) ON DELETE SET NULL,
  template     TEXT    NOT NULL,
  audience     TEXT    NOT NULL,             -- JSON, as the request gave it
  send_at      INTEGER NOT NULL,
  priority     INTEGER NOT NULL DEFAULT 0,
  origin       TEXT    NOT NULL DEFAULT 'api',
  event_id     INTEGER,
  cancelled_at INTEGER,
  created_at   INTEGER NOT NULL
);
CREATE INDEX broadcasts_created ON broadcasts (created_at);

CREATE TABLE broadcast_messages (
  broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
  contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  message_id   INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  PRIMARY KEY (broadcast_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX broadcast_messages_contact ON broadcast_messages (contact_id, broadcast_id);
CREATE INDEX broadcast_messages_message ON broadcast_messages (message_id);

-- Reply routing: the contact an incoming SMS came from, the broadcast it answers and the
-- officer it went to (NULL: the general inbox), and the keyword it carried (BERHENTI, HADIR...).
ALTER TABLE incoming ADD COLUMN contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
ALTER TABLE incoming ADD COLUMN broadcast_id INTEGER REFERENCES broadcasts(id) ON DELETE SET NULL;
ALTER TABLE incoming ADD COLUMN officer_id INTEGER REFERENCES officers(id) ON DELETE SET NULL;
ALTER TABLE incoming ADD COLUMN keyword TEXT;
CREATE INDEX incoming_officer ON incoming (officer_id, id);
CREATE INDEX incoming_broadcast ON incoming (broadcast_id);
)sql",
    // 6: the scheduler. Meetings (events) with their reminders, their answers (RSVP), recurring
    // broadcasts, settings the web UI changes (birthday greetings), and one schedule_runs row
    // per occurrence run: its key makes a restart or a clock going backwards never run it twice.
    R"sql(
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  title        TEXT    NOT NULL,
  starts_at    INTEGER NOT NULL,
  place        TEXT    NOT NULL DEFAULT '',
  audience     TEXT    NOT NULL,             -- JSON, as the request gave it
  template     TEXT    NOT NULL,
  officer_id   INTEGER REFERENCES officers(id) ON DELETE SET NULL,
  reminders    TEXT    NOT NULL,             -- JSON array of offsets: ["-1d@08:00", "-2h"]
  cancelled_at INTEGER,
  created_at   INTEGER NOT NULL
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE rsvps (
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  answer      TEXT    NOT NULL,              -- attending, declining
  incoming_id INTEGER REFERENCES incoming(id) ON DELETE SET NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (event_id, contact_id)
) WITHOUT ROWID;

CREATE TABLE recurring_broadcasts (
  id         INTEGER PRIMARY KEY,
  officer_id INTEGER REFERENCES officers(id) ON DELETE SET NULL,
  audience   TEXT    NOT NULL,
  template   TEXT    NOT NULL,
  cron       TEXT    NOT NULL,               -- in the configured time zone
  priority   INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                        -- JSON
) WITHOUT ROWID;

-- job: "event:7:reminder:0", "birthday:2026-11-30", "recurring:3"; state: claimed (being
-- run; a crash leaves it so), done, skipped (too late, or nothing to send), failed.
CREATE TABLE schedule_runs (
  job          TEXT    NOT NULL,
  due_at       INTEGER NOT NULL,
  state        TEXT    NOT NULL,
  broadcast_id INTEGER REFERENCES broadcasts(id) ON DELETE SET NULL,
  note         TEXT,
  ran_at       INTEGER NOT NULL,
  PRIMARY KEY (job, due_at)
) WITHOUT ROWID;
)sql",
    // 7: numbers cadres report as changed ("GANTI 0812..."), waiting for an officer: pending,
    // then approved (the contact's phone changed) or rejected. old_phone is kept as it was
    // when asked, so the change reads the same after it is applied.
    R"sql(
CREATE TABLE number_changes (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  old_phone   TEXT    NOT NULL,
  new_phone   TEXT    NOT NULL,
  incoming_id INTEGER REFERENCES incoming(id) ON DELETE SET NULL,
  state       TEXT    NOT NULL DEFAULT 'pending',  -- pending, approved, rejected
  created_at  INTEGER NOT NULL,
  decided_at  INTEGER
);
CREATE INDEX number_changes_state ON number_changes (state, id);
)sql",
    // 8: people who log in to the web UI, their browser sessions and the API tokens made
    // there (config tokens stay in the config). Secrets are stored only as hashes: passwords
    // as libsodium's Argon2id string, session and API tokens as SHA-256 hex. Times in ms.
    R"sql(
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  name                TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  role                TEXT    NOT NULL,  -- viewer, officer, admin
  password_hash       TEXT    NOT NULL,
  officer_id          INTEGER REFERENCES officers(id) ON DELETE SET NULL,
  disabled            INTEGER NOT NULL DEFAULT 0,
  created_at          INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_sha256 TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf         TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE,
  sha256     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
)sql",
    // 9: when an officer (or an admin, for the general inbox) first read an incoming message;
    // NULL is unread, which the web UI counts.
    R"sql(
ALTER TABLE incoming ADD COLUMN read_at INTEGER;
CREATE INDEX incoming_unread ON incoming (officer_id) WHERE read_at IS NULL;
)sql",
    // 10: the PDUs stored from each modem lately (store_options::duplicate_window), one row per
    // PDU, so that a single SMS or a part of a long one that the modem offers again (its AT+CMGD
    // failed, or siarand died before it) is recognised by its bytes, which carry the sender and
    // the centre's time to the second. Kept apart from incoming, which joins a set's PDUs in one
    // column, and trimmed to the window as it is used; filled here from the last 7 days.
    R"sql(
CREATE TABLE incoming_pdus (
  modem       TEXT    NOT NULL,
  raw_pdu     TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (modem, raw_pdu)
) WITHOUT ROWID;
CREATE INDEX incoming_pdus_received ON incoming_pdus (received_at);
WITH RECURSIVE
  recent(modem, rest, received_at) AS (
    SELECT modem, raw_pdus || char(10), received_at FROM incoming
    WHERE received_at >= (CAST(strftime('%s', 'now') AS INTEGER) - 7 * 86400) * 1000),
  pdus(modem, pdu, rest, received_at) AS (
    SELECT modem, '', rest, received_at FROM recent
    UNION ALL
    SELECT modem, substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1), received_at
    FROM pdus WHERE rest <> '')
INSERT OR REPLACE INTO incoming_pdus (modem, raw_pdu, received_at)
SELECT modem, pdu, received_at FROM pdus WHERE pdu <> ''
UNION ALL
SELECT modem, raw_pdu, received_at FROM incoming_fragments;
)sql",
    // 11: counters of outcomes per quarter hour and modem, of each broadcast's recipients by
    // state, and of the contacts' facets, kept by triggers (schema_tallies.h).
    tallies_migration,
    // 12: a long message whose modem died or rested part-way goes out again whole from another
    // modem, with a new concatenation reference (a phone joins parts from one sender and one
    // reference only); its parts say so, and why.
    R"sql(
ALTER TABLE parts ADD COLUMN resent_reason TEXT;
)sql",
    // 13: a big broadcast is queued in steps of short transactions, its parts held (not due)
    // until the last step; until then it is `preparing`, and a process that dies meanwhile
    // leaves it to be deleted at the next start (broadcast_book::settle_unfinished).
    R"sql(
ALTER TABLE broadcasts ADD COLUMN preparing INTEGER NOT NULL DEFAULT 0;
)sql",
    // 14: a client_ref makes POST /api/v1/broadcasts idempotent per officer (officer_key: the
    // officer's id, 0 for none), so that a double click or a retry queues one broadcast. A table
    // of its own rather than a column of broadcasts: the key stays the officer's when the officer
    // is deleted (broadcasts.officer_id is set to NULL, which would make two officers' refs
    // collide), and deleting a broadcast (a discarded one) frees its ref.
    R"sql(
CREATE TABLE broadcast_client_refs (
  officer_key  INTEGER NOT NULL,
  client_ref   TEXT    NOT NULL,
  broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
  PRIMARY KEY (officer_key, client_ref)
) WITHOUT ROWID;
CREATE INDEX broadcast_client_refs_broadcast ON broadcast_client_refs (broadcast_id);
)sql",
    // 15: the login limiter's open windows, so that a restart does not forgive a guesser
    // (login_windows.h).
    R"sql(
-- scope: 'pair' (one name from one address), 'address' (every name from it), 'name' (one name
-- from every address); the part a scope does not use is ''. started_at is wall-clock time,
-- only ever read as "how much of the window was left", capped at the window.
CREATE TABLE login_windows (
  scope      TEXT    NOT NULL,
  address    TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  failures   INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  PRIMARY KEY (scope, address, name)
) WITHOUT ROWID;
)sql",
    // 16: the audit log (audit_book.h): one row per answered API request that may change
    // something, kept a year (siaran db prune); read newest first by id, pruned and filtered by time.
    R"sql(
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  actor   TEXT    NOT NULL,   -- the user or API token, or the name a refused login tried
  user_id INTEGER,            -- 0: an API token; NULL: nobody known
  role    TEXT    NOT NULL,   -- '' when nobody is known
  address TEXT    NOT NULL,
  method  TEXT    NOT NULL,
  route   TEXT    NOT NULL,   -- the route's pattern, /api/v1/contacts/{id}
  target  TEXT,               -- the id in the path, if any
  status  INTEGER NOT NULL,
  summary TEXT    NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
)sql",
    // 17: each part's and message's delivery (status reports, the report timeout), each broadcast
    // recipient's place, and each broadcast's recipients counted per place and delivery
    // (schema_deliveries.h).
    deliveries_migration,
    // 18: each part's price as it is recorded sent, and the cost of each broadcast and of each
    // modem per quarter hour kept by a trigger (schema_costs.h).
    costs_migration,
    // 19: a number change asked from the new SIM ("GANTI <old number>" or "GANTI <name>"):
    // contact_id is the contact the old number or the name matched, NULL when none or several did
    // (the officer chooses when approving); old_phone the number given (NULL for a name and no
    // single match); asked_name the name given. SQLite drops a NOT NULL only by a new table.
    R"sql(
CREATE TABLE number_changes_new (
  id           INTEGER PRIMARY KEY,
  contact_id   INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  old_phone    TEXT,
  new_phone    TEXT    NOT NULL,
  incoming_id  INTEGER REFERENCES incoming(id) ON DELETE SET NULL,
  state        TEXT    NOT NULL DEFAULT 'pending',  -- pending, approved, rejected
  created_at   INTEGER NOT NULL,
  decided_at   INTEGER,
  from_new_sim INTEGER NOT NULL DEFAULT 0,
  asked_name   TEXT
);
INSERT INTO number_changes_new (id, contact_id, old_phone, new_phone, incoming_id, state, created_at, decided_at)
SELECT id, contact_id, old_phone, new_phone, incoming_id, state, created_at, decided_at FROM number_changes;
DROP TABLE number_changes;
ALTER TABLE number_changes_new RENAME TO number_changes;
CREATE INDEX number_changes_state ON number_changes (state, id);
)sql",
    // 20: who answered an incoming message from the inbox, when, and with which message; and the
    // indexes the inbox's filters and conversations read (newest first by id within each), so that
    // a filter over a large inbox reads the rows it keeps, not every message. IF NOT EXISTS: a test that undoes
    // an earlier step runs this one again.
    R"sql(
CREATE TABLE IF NOT EXISTS inbox_answers (
  id          INTEGER PRIMARY KEY,
  incoming_id INTEGER NOT NULL REFERENCES incoming(id) ON DELETE CASCADE,
  message_id  INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  answered_by TEXT    NOT NULL,   -- the user's or the API token's name
  answered_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_answers_incoming ON inbox_answers (incoming_id);
CREATE INDEX IF NOT EXISTS inbox_answers_message ON inbox_answers (message_id);
CREATE INDEX IF NOT EXISTS incoming_contact ON incoming (contact_id, id);
CREATE INDEX IF NOT EXISTS incoming_sender ON incoming (sender, id);
CREATE INDEX IF NOT EXISTS incoming_keyword ON incoming (keyword, id) WHERE keyword IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_recipient_key ON messages (recipient_key);
)sql",
    // 21: contacts, groups and officers archived (archive_book.h): hidden from lists, audiences
    // and new broadcasts, their history kept; NULL: in use.
    R"sql(
ALTER TABLE contacts ADD COLUMN archived_at INTEGER;
ALTER TABLE groups ADD COLUMN archived_at INTEGER;
ALTER TABLE officers ADD COLUMN archived_at INTEGER;
)sql",
    // 22: "cek nomor" campaigns, each number's last confirmation and why it is to be checked, and
    // the confirmations per day and kecamatan (schema_verifications.h).
    verifications_migration,
    // 23: officers' saved message templates (saved_templates.h): each its officer's (NULL: the
    // office's, made by an admin or a script), seen by others only when shared; deleting one
    // archives it. A name is one owner's once among the templates not archived. IF NOT EXISTS: a
    // test that undoes an earlier step runs this one again.
    R"sql(
CREATE TABLE IF NOT EXISTS message_templates (
  id          INTEGER PRIMARY KEY,
  officer_id  INTEGER REFERENCES officers(id) ON DELETE SET NULL,
  name        TEXT    NOT NULL,
  text        TEXT    NOT NULL,
  shared      INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  archived_at INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS message_templates_name ON message_templates (IFNULL(officer_id, 0), name)
  WHERE archived_at IS NULL;
)sql",
    // 24: SMPP binds beside the modems (DESIGN.md "Channels"): which channels may send a message
    // and from which registered name; the SMSC's message id of a part sent over a bind, which its
    // receipt names; the same for a broadcast; an officer's default registered name.
    R"sql(
ALTER TABLE messages ADD COLUMN via TEXT NOT NULL DEFAULT 'modem' CHECK (via IN ('modem', 'smpp', 'auto'));
ALTER TABLE messages ADD COLUMN sender TEXT;
ALTER TABLE parts ADD COLUMN smsc_message_id TEXT;
CREATE INDEX parts_smsc_message ON parts (modem, smsc_message_id) WHERE smsc_message_id IS NOT NULL;
ALTER TABLE status_reports ADD COLUMN smsc_message_id TEXT;
ALTER TABLE broadcasts ADD COLUMN via TEXT NOT NULL DEFAULT 'modem' CHECK (via IN ('modem', 'smpp', 'auto'));
ALTER TABLE broadcasts ADD COLUMN sender TEXT;
ALTER TABLE officers ADD COLUMN default_sender TEXT;
)sql",
    // 25: reports by SMS (sms_reports.h): the forms an admin defines, as the daemon's JSON
    // (daemon/sms_reports/report_form.h), archived rather than deleted so that the shipped default
    // is not brought back; and each report a cadre sent, the one it replaced kept as history. A
    // posyandu is its place_key: the same name in another desa is another posyandu. IF NOT
    // EXISTS: a test that undoes an earlier step runs this one again.
    R"sql(
CREATE TABLE IF NOT EXISTS report_forms (
  code        TEXT    PRIMARY KEY,
  definition  TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  archived_at INTEGER
);
CREATE TABLE IF NOT EXISTS sms_reports (
  id            INTEGER PRIMARY KEY,
  form          TEXT    NOT NULL,
  period        TEXT    NOT NULL,
  posyandu      TEXT    NOT NULL,
  desa          TEXT,
  kecamatan     TEXT,
  place_key     TEXT    NOT NULL,
  contact_id    INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  incoming_id   INTEGER REFERENCES incoming(id) ON DELETE SET NULL,
  report_values TEXT    NOT NULL,
  received_at   INTEGER NOT NULL,
  replaces      INTEGER REFERENCES sms_reports(id) ON DELETE SET NULL,
  replaced_by   INTEGER REFERENCES sms_reports(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS sms_reports_current ON sms_reports (form, period, place_key)
  WHERE replaced_by IS NULL;
CREATE INDEX IF NOT EXISTS sms_reports_place ON sms_reports (form, place_key, period);
)sql",
};

int current_version(connection& db) {
  statement version(db, "PRAGMA user_version");
  step_scope scope(version);
  version.step();
  return static_cast<int>(version.int64(0));
}

[[noreturn]] void refuse_newer(connection& db, int found) {
  throw store_error("opening the store " + db.file().string() + ": its schema is version " + std::to_string(found) +
                    ", newer than this Siaran understands (" + std::to_string(schema_version()) +
                    "); run the newer siarand, or restore a backup made by this version");
}

}  // namespace

int schema_version() { return static_cast<int>(migrations.size()); }

void migrate(connection& db) {
  for (;;) {
    // The version is read again inside each write transaction: another process opening the same
    // file at the same moment may have taken the step already.
    transaction tx(db);
    const int found = current_version(db);
    if (found > schema_version()) refuse_newer(db, found);
    if (found == schema_version()) return;
    const std::string doing = "migrating the store " + db.file().string() + " to schema version " +
                              std::to_string(found + 1);
    db.exec(migrations[static_cast<std::size_t>(found)], doing);
    // PRAGMA takes no bound parameters; the number is ours, not input.
    db.exec(("PRAGMA user_version=" + std::to_string(found + 1)).c_str(), doing);
    tx.commit();
  }
}

}  // namespace siaran::queue
