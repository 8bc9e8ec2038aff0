// SPDX-License-Identifier: GPL-3.0-or-later
// The money schema step 18 keeps by a trigger (schema_costs.h): each part's price as it is
// recorded sent, summed per broadcast and per modem and quarter hour, kept through resends and
// prunes, and filled from the parts a database already had.

#include <catch2/catch.hpp>

#include <string>

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

struct fixture {
  temp_dir dir;
  store_books s{dir.path() / "siaran.db"};
  contact_book contacts{s.database};
  broadcast_book broadcasts{s.database};
  connection other{dir.path() / "siaran.db"};  // a second writer, as the CLI or sqlite3 would be

  void sql(const std::string& text) { other.exec(text.c_str(), "changing the test data as a person would"); }

  // A broadcast of one message of `parts` parts to each phone.
  std::int64_t broadcast_to(const std::vector<const char*>& phones, int parts) {
    std::vector<contact> cadres;
    for (const char* phone : phones) cadres.push_back(cadre(phone, "Playen", "Banyusoca", "kader", {}));
    contacts.upsert(cadres, at_s(0));
    std::vector<broadcast_message> messages;
    for (const char* phone : phones)
      messages.push_back({contacts.find_by_phone(phone)->id, message_to(phone, 0, 0, parts)});
    new_broadcast b;
    b.template_text = "Halo {nama}";
    b.audience_json = "{}";
    return broadcasts.create(b, messages);
  }

  std::int64_t cost_of(std::int64_t broadcast) { return broadcasts.progress(broadcast, at_s(0))->cost; }
};

}  // namespace

TEST_CASE("a broadcast costs the prices of its parts recorded sent", "[queue][costs]") {
  fixture f;
  const std::int64_t broadcast = f.broadcast_to({"+6281200000011", "+6285700000012"}, 2);
  f.s.queue.enqueue(message_to("+6281299999901"));  // not the broadcast's
  CHECK(f.cost_of(broadcast) == 0);

  auto part = *claim_due(f.s.queue, at_s(10), "m1");
  f.s.queue.mark_sent(part.part.id, "m1", 1, at_s(11), 100);
  part = *claim_due(f.s.queue, at_s(12), "m1");
  f.s.queue.note_sent(part.part.id, "m1", 2, at_s(13), 150);
  part = *claim_due(f.s.queue, at_s(14), "m2");
  f.s.queue.note_sent(part.part.id, "m2", 3, at_s(15), 120);
  CHECK(f.cost_of(broadcast) == 250);  // the third is noted, not recorded yet
  f.s.queue.record_noted_sends();
  CHECK(f.cost_of(broadcast) == 370);

  // A failure costs nothing; the message outside the broadcast costs its modem only.
  part = *claim_due(f.s.queue, at_s(16), "m2");
  f.s.queue.mark_failed_permanent(part.part.id, {"+CMS ERROR: 38", 38}, at_s(17));
  part = *claim_due(f.s.queue, at_s(18), "m2");
  f.s.queue.mark_sent(part.part.id, "m2", 4, at_s(19), 90);
  CHECK(f.cost_of(broadcast) == 370);
  CHECK(f.s.statistics.modem_costs_between(at_s(0), at_s(900)) ==
        std::map<std::string, modem_cost>{{"m1", {2, 250}}, {"m2", {2, 210}}});
}

TEST_CASE("a part sent again costs again, and a prune keeps what was spent", "[queue][costs]") {
  fixture f;
  const std::int64_t broadcast = f.broadcast_to({"+6281200000011"}, 1);
  auto part = *claim_due(f.s.queue, at_s(10), "m1");
  f.s.queue.mark_sent(part.part.id, "m1", 1, at_s(11), 100);
  f.sql("UPDATE parts SET state = 'queued', sent_at = NULL, price = NULL");  // as a whole resend does
  part = *claim_due(f.s.queue, at_s(20), "m2");
  f.s.queue.mark_sent(part.part.id, "m2", 2, at_s(21), 150);
  CHECK(f.cost_of(broadcast) == 250);

  f.s.maintenance.prune(at_s(100'000'000));
  f.sql("DELETE FROM parts");
  CHECK(f.cost_of(broadcast) == 250);
  CHECK(f.s.statistics.modem_costs_between(at_s(0), at_s(900)) ==
        std::map<std::string, modem_cost>{{"m1", {1, 100}}, {"m2", {1, 150}}});
}

TEST_CASE("a modem's costs are summed over the quarter hours of the interval asked", "[queue][costs]") {
  fixture f;
  for (int i = 0; i < 3; ++i) f.s.queue.enqueue(message_to("+6281299999901"));
  for (const long at : {100L, 899L, 900L}) {
    auto part = *claim_due(f.s.queue, at_s(at), "m1");
    f.s.queue.mark_sent(part.part.id, "m1", 1, at_s(at), 100);
  }
  using costs = std::map<std::string, modem_cost>;
  CHECK(f.s.statistics.modem_costs_between(at_s(0), at_s(900)) == costs{{"m1", {2, 200}}});
  CHECK(f.s.statistics.modem_costs_between(at_s(900), at_s(1800)) == costs{{"m1", {1, 100}}});
  CHECK(f.s.statistics.modem_costs_between(at_s(1800), at_s(2700)).empty());
}

TEST_CASE("the migration counts the parts sent before it, at no price", "[queue][costs]") {
  temp_dir dir;
  {
    store_books s(dir.path() / "siaran.db");
    for (const char* modem : {"m1", "m2"}) {
      s.queue.enqueue(message_to("+6281299999901"));
      auto c = *claim_due(s.queue, at_s(10), modem);
      s.queue.mark_sent(c.part.id, modem, 1, at_s(11), 100);
    }
  }
  {
    connection db(dir.path() / "siaran.db");
    siaran::test::undo_later_steps(db);
    db.exec("DROP TRIGGER part_costs_sent", "undoing schema step 18");
    db.exec("DROP TABLE broadcast_costs", "undoing schema step 18");
    db.exec("DROP TABLE modem_costs", "undoing schema step 18");
    db.exec("ALTER TABLE parts DROP COLUMN price", "undoing schema step 18");
    db.exec("PRAGMA user_version = 17", "undoing schema step 18");
  }
  store_books s(dir.path() / "siaran.db");
  CHECK(s.statistics.modem_costs_between(at_s(0), at_s(900)) ==
        std::map<std::string, modem_cost>{{"m1", {1, 0}}, {"m2", {1, 0}}});
}
