// SPDX-License-Identifier: GPL-3.0-or-later
// The counters schema steps 11 and 17 keep by triggers (part_tallies, broadcast_tallies,
// broadcast_recipients, contact_facets, broadcast_place_tallies) equal a recount of the rows they
// count after every kind of change the store,
// the books, a prune or a person with sqlite3 makes, and the migration fills them from the rows
// a database already had.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/broadcasts.h"
#include "queue/connection.h"
#include "queue/contacts.h"
#include "tests/support/cadre.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/queue/undo_later_steps.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::cadre;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

// Each counter as its rows, and the same rows recounted from what they count (by the rules of
// schema.cc's message_states and schema_tallies.h's outcome quarters).
struct counter {
  const char* name;
  const char* kept;
  const char* recounted;
};

const std::vector<counter> counters = {
    {"part_tallies", "SELECT quarter, outcome, modem, n FROM part_tallies WHERE n <> 0 ORDER BY 1, 2, 3",
     "SELECT * FROM ("
     "SELECT sent_at / 900000, 'sent', COALESCE(modem, ''), COUNT(*) FROM parts WHERE sent_at IS NOT NULL GROUP BY 1, 3 "
     "UNION ALL SELECT delivered_at / 900000, 'delivered', '', COUNT(*) FROM parts WHERE delivered_at IS NOT NULL GROUP BY 1 "
     "UNION ALL SELECT q, 'failed', '', COUNT(*) FROM (SELECT COALESCE(p.sent_at, (SELECT MAX(a.finished_at) FROM attempts a "
     "WHERE a.part_id = p.id AND a.outcome = 'failed_permanent'), p.expires_at) / 900000 AS q FROM parts p "
     "WHERE p.state = 'failed') WHERE q IS NOT NULL GROUP BY 1) ORDER BY 1, 2, 3"},
    {"broadcast_tallies", "SELECT broadcast_id, state, n FROM broadcast_tallies WHERE n <> 0 ORDER BY 1, 2",
     "SELECT bm.broadcast_id, s.state, COUNT(*) FROM broadcast_messages bm JOIN message_states s "
     "ON s.message_id = bm.message_id GROUP BY 1, 2 ORDER BY 1, 2"},
    {"broadcast_place_tallies",
     "SELECT broadcast_id, kecamatan || '/' || desa, state || '/' || delivery, n FROM broadcast_place_tallies "
     "WHERE n <> 0 ORDER BY 1, 2, 3",
     "SELECT bm.broadcast_id, bm.kecamatan || '/' || bm.desa, s.state || '/' || COALESCE(d.delivery, ''), COUNT(*) "
     "FROM broadcast_messages bm JOIN message_states s ON s.message_id = bm.message_id "
     "JOIN message_deliveries d ON d.message_id = bm.message_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"},
    {"broadcast_recipients", "SELECT broadcast_id, n, NULL, NULL FROM broadcast_recipients WHERE n <> 0 ORDER BY 1",
     "SELECT broadcast_id, COUNT(*), NULL, NULL FROM broadcast_messages GROUP BY 1 ORDER BY 1"},
    {"contact_facets", "SELECT kind, value, kecamatan, n FROM contact_facets ORDER BY 1, 2, 3",
     "SELECT * FROM (SELECT 'desa', desa, kecamatan, COUNT(*) FROM contacts WHERE desa <> '' GROUP BY 2, 3 "
     "UNION ALL SELECT 'kecamatan', kecamatan, NULL, COUNT(*) FROM contacts WHERE kecamatan <> '' GROUP BY 2 "
     "UNION ALL SELECT 'role', role, NULL, COUNT(*) FROM contacts WHERE role <> '' GROUP BY 2 "
     "UNION ALL SELECT 'tags', tags, NULL, COUNT(*) FROM contacts WHERE tags <> '' GROUP BY 2) ORDER BY 1, 2, 3"},
};

std::vector<std::string> rows_of(connection& db, const char* sql) {
  statement q(db, sql);
  step_scope scope(q);
  std::vector<std::string> rows;
  while (q.step()) {
    std::string row;
    for (int c = 0; c < 4; ++c) row += (q.is_null(c) ? "NULL" : q.text(c)) + "|";
    rows.push_back(row);
  }
  return rows;
}

void check_counters(connection& db, const std::string& after) {
  for (const counter& c : counters) {
    INFO(c.name << " after " << after);
    CHECK(rows_of(db, c.kept) == rows_of(db, c.recounted));
  }
}

send_failure failure(const char* reason, int cms) { return {reason, cms}; }

status_report report(const std::string& modem, int reference, const std::string& recipient, int status, long at_seconds) {
  status_report r;
  r.modem = modem;
  r.reference = reference;
  r.recipient = recipient;
  r.status = status;
  r.discharge_time = at_s(at_seconds);
  r.received_at = at_s(at_seconds);
  r.raw_pdu = "00";
  return r;
}

struct fixture {
  temp_dir dir;
  store_books s{dir.path() / "siaran.db"};
  contact_book contacts{s.database};
  broadcast_book broadcasts{s.database};
  connection other{dir.path() / "siaran.db"};  // a second writer, as the CLI or sqlite3 would be

  void sql(const std::string& text) { other.exec(text.c_str(), "changing the test data as a person would"); }
};

}  // namespace

TEST_CASE("the counters equal a recount after every kind of change", "[queue][tallies]") {
  fixture f;
  f.contacts.upsert({cadre("+6281200000011", "Playen", "Banyusoca", "kader", {"aktif"}),
                     cadre("+6281200000012", "playen", "Banyusoca", "Kader", {}),
                     cadre("+6281200000013", "Wonosari", "Baleharjo", "bidan", {"aktif", "baru"}),
                     cadre("+6281200000014", "", "", "", {})},
                    at_s(0));
  check_counters(f.other, "importing contacts");
  auto moved = *f.contacts.find_by_phone("+6281200000012");
  moved.kecamatan = "Semanu";
  moved.tags = {"baru"};
  REQUIRE(f.contacts.update(moved, at_s(1)));
  check_counters(f.other, "moving a contact");

  // A broadcast of a long message to each of three contacts, and two messages of its own.
  std::vector<broadcast_message> messages;
  for (const char* phone : {"+6281200000011", "+6281200000012", "+6281200000013"}) {
    auto m = message_to(phone, 0, 0, 2);
    m.report = true;
    messages.push_back({f.contacts.find_by_phone(phone)->id, std::move(m)});
  }
  new_broadcast b;
  b.template_text = "Halo {nama}";
  b.audience_json = "{}";
  const std::int64_t broadcast = f.broadcasts.create(b, messages);
  auto expiring = message_to("+6281299999901", 0, 5);
  expiring.expires_at = at_s(3'000);
  f.s.queue.enqueue(expiring);
  f.s.queue.enqueue(message_to("+6281299999902", 0, 5));
  check_counters(f.other, "queueing");

  // queued -> sending -> sent -> delivered, on two modems.
  auto first = *claim_due(f.s.queue, at_s(10), "m1");
  check_counters(f.other, "a claim");
  f.s.queue.mark_sent(first.part.id, "m1", 1, at_s(11));
  auto second = *claim_due(f.s.queue, at_s(12), "m2");
  f.s.queue.note_sent(second.part.id, "m2", 2, at_s(13));
  f.s.queue.record_noted_sends();
  REQUIRE(f.s.reports.record_status_report(report("m1", 1, first.recipient, 0, 2'000)));
  check_counters(f.other, "sends and a delivery");

  // A retry, then a permanent failure on the modem; a failure the network reports.
  auto retried = *claim_due(f.s.queue, at_s(20), "m1");
  f.s.queue.mark_failed_temporary(retried.part.id, failure("+CMS ERROR: 42", 42), at_s(21), at_s(22));
  check_counters(f.other, "a retry");
  retried = *claim_due(f.s.queue, at_s(23), "m1");
  f.s.queue.mark_failed_permanent(retried.part.id, failure("+CMS ERROR: 38", 38), at_s(1'900));
  REQUIRE(f.s.reports.record_status_report(report("m2", 2, second.recipient, 64, 2'100)));
  check_counters(f.other, "failures");
  f.s.reports.settle_unreported(at_s(1'000));
  REQUIRE(f.s.reports.record_status_report(report("m1", 1, first.recipient, 0x21, 2'200)));
  check_counters(f.other, "reports overdue and still trying");

  // Uncertain: held, requeued, and found sending at start-up.
  auto lost = *claim_due(f.s.queue, at_s(30), "m2");
  f.s.queue.mark_uncertain(lost.part.id, "no answer", at_s(31));
  auto requeued = *claim_due(f.s.queue, at_s(32), "m2");
  f.s.queue.requeue_uncertain(requeued.part.id, "modem died", at_s(33));
  claim_due(f.s.queue, at_s(34), "m1");
  f.s.queue.resolve_uncertain_at_startup(uncertain_policy::hold, at_s(35));
  check_counters(f.other, "uncertain parts");

  // Cancelling the broadcast's unstarted messages, expiring the rest of the queue.
  f.broadcasts.cancel(broadcast, at_s(40));
  f.s.queue.expire_overdue(at_s(4'000));
  check_counters(f.other, "a cancel and an expiry");

  // A person's changes with sqlite3, and a contact deleted with its broadcast rows.
  f.sql("UPDATE parts SET sent_at = sent_at + 3600000, modem = 'm9' WHERE state = 'delivered'");
  f.sql("UPDATE parts SET delivered_at = delivered_at + 3600000 WHERE delivered_at IS NOT NULL");
  f.sql("UPDATE parts SET modem = 'm8' WHERE modem = 'm2' AND sent_at IS NOT NULL");
  // Failed parts never sent, dated by their expiry, then moved, sent and retried.
  f.sql("UPDATE parts SET state = 'failed', expires_at = 7200000 WHERE state = 'queued'");
  f.sql("UPDATE parts SET expires_at = expires_at + 3600000 WHERE state = 'failed' AND sent_at IS NULL");
  f.sql("UPDATE parts SET sent_at = 5000 WHERE id = "
        "(SELECT MIN(id) FROM parts WHERE state = 'failed' AND sent_at IS NULL)");
  f.sql("UPDATE parts SET state = 'queued' WHERE id = (SELECT MAX(id) FROM parts WHERE state = 'failed')");
  f.sql("UPDATE parts SET delivery = 'unknown' WHERE delivery = 'pending'");
  f.sql("UPDATE broadcast_messages SET desa = 'Bleberan' WHERE desa = 'Banyusoca'");
  f.sql("DELETE FROM contacts WHERE phone = '+6281200000013'");
  check_counters(f.other, "edits by hand");

  // Pruning everything finished.
  f.s.maintenance.prune(at_s(100'000));
  check_counters(f.other, "a prune");
  f.sql("DELETE FROM broadcasts");
  f.sql("DELETE FROM contacts");
  check_counters(f.other, "deleting everything");
}

TEST_CASE("the migration fills the counters from the rows already there", "[queue][tallies]") {
  temp_dir dir;
  {
    store_books s(dir.path() / "siaran.db");
    contact_book contacts(s.database);
    broadcast_book broadcasts(s.database);
    contacts.upsert({cadre("+6281200000011", "Playen", "Banyusoca", "kader", {"aktif"})}, at_s(0));
    new_broadcast b;
    b.template_text = "Halo";
    b.audience_json = "{}";
    auto reported = message_to("+6281200000011", 0, 0, 2);
    reported.report = true;
    broadcasts.create(b, {{contacts.find_by_phone("+6281200000011")->id, reported}});
    s.queue.enqueue(message_to("+6281299999901"));
    auto c = *claim_due(s.queue, at_s(10), "m1");
    s.queue.mark_sent(c.part.id, "m1", 1, at_s(11));
    c = *claim_due(s.queue, at_s(12), "m1");
    s.queue.mark_failed_permanent(c.part.id, failure("+CMS ERROR: 38", 38), at_s(13));
  }
  {
    // The database as step 10 left it, with the tables, views and triggers of steps 11, 17 and 18 gone.
    connection db(dir.path() / "siaran.db");
    siaran::test::undo_later_steps(db);
    db.exec("DROP TRIGGER part_costs_sent", "undoing schema step 18");
    db.exec("DROP TABLE broadcast_costs", "undoing schema step 18");
    db.exec("DROP TABLE modem_costs", "undoing schema step 18");
    db.exec("ALTER TABLE parts DROP COLUMN price", "undoing schema step 18");
    std::vector<std::string> drops;
    {
      statement q(db, "SELECT 'DROP ' || type || ' ' || name FROM sqlite_schema WHERE name LIKE "
                      "'broadcast\\_place\\_tallies%' ESCAPE '\\' OR name IN ('message_outcomes', "
                      "'message_deliveries', 'parts_delivery_pending') ORDER BY type = 'table'");
      step_scope scope(q);
      while (q.step()) drops.push_back(q.text(0));
    }
    REQUIRE(drops.size() > 10);
    for (const std::string& drop : drops) db.exec(drop.c_str(), "undoing schema step 17");
    db.exec("ALTER TABLE parts DROP COLUMN delivery", "undoing schema step 17");
    db.exec("ALTER TABLE parts DROP COLUMN avoid_modem", "undoing schema step 17");
    db.exec("ALTER TABLE broadcasts DROP COLUMN follow_up_of", "undoing schema step 17");
    db.exec("ALTER TABLE broadcast_messages DROP COLUMN kecamatan", "undoing schema step 17");
    db.exec("ALTER TABLE broadcast_messages DROP COLUMN desa", "undoing schema step 17");
    drops.clear();
    {
      statement q(db, "SELECT 'DROP ' || type || ' ' || name FROM sqlite_schema WHERE name LIKE 'part\\_%' ESCAPE '\\' "
                      "OR name LIKE 'broadcast\\_tallies%' ESCAPE '\\' OR name LIKE 'contact\\_facet%' ESCAPE '\\' "
                      "OR name LIKE 'broadcast\\_recipients%' ESCAPE '\\' OR name = 'broadcasts_event' "
                      "ORDER BY type = 'table'");
      step_scope scope(q);
      while (q.step()) drops.push_back(q.text(0));
    }
    REQUIRE(drops.size() > 10);
    for (const std::string& drop : drops) db.exec(drop.c_str(), "undoing schema step 11");
    db.exec("ALTER TABLE parts DROP COLUMN resent_reason", "undoing schema step 12");
    db.exec("ALTER TABLE broadcasts DROP COLUMN preparing", "undoing schema step 13");
    db.exec("DROP TABLE broadcast_client_refs", "undoing schema step 14");
    db.exec("DROP TABLE login_windows", "undoing schema step 15");
    db.exec("DROP TABLE audit_log", "undoing schema step 16");
    db.exec("PRAGMA user_version = 10", "undoing schema steps 11 to 18");
  }
  store_books s(dir.path() / "siaran.db");
  connection db(dir.path() / "siaran.db");
  CHECK_FALSE(rows_of(db, counters[0].kept).empty());
  check_counters(db, "the migration");
}
