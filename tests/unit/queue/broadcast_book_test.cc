// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <string>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/broadcasts.h"
#include "queue/connection.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

// Contacts 1..n and officer 1, written directly (as another process would): the contact book
// is not under test here.
void add_people(connection& sql, int n) {
  for (int i = 1; i <= n; ++i) {
    const std::string phone = "+62812000000" + std::to_string(10 + i);
    sql.exec(
        ("INSERT INTO contacts (id, name, phone, phone_key, created_at, updated_at) VALUES (" +
         std::to_string(i) + ", 'Kader " + std::to_string(i) + "', '" + phone + "', '" +
         phone.substr(phone.size() - 8) + "', 0, 0)")
            .c_str(),
        "adding a test contact");
  }
  sql.exec(
      "INSERT INTO officers (id, name, sender_tag, created_at) VALUES (1, 'Sekretariat', '-- KBB', "
      "0)",
      "adding a test officer");
}

new_broadcast broadcast_at(long send_s) {
  new_broadcast b;
  b.officer_id = 1;
  b.template_text = "Halo {nama}";
  b.audience_json = R"({"contacts":[1,2,3]})";
  b.send_at = at_s(send_s);
  b.created_at = at_s(0);
  return b;
}

std::vector<broadcast_message> one_each(int n, long send_s = 0, int parts = 1) {
  std::vector<broadcast_message> messages;
  for (int i = 1; i <= n; ++i) {
    auto m = message_to("+62812000000" + std::to_string(10 + i), 0, 0, parts);
    m.send_at = at_s(send_s);
    m.text = "Halo Kader " + std::to_string(i);
    messages.push_back({i, std::move(m)});
  }
  return messages;
}

struct fixture {
  temp_dir dir;
  store_books s{dir.path() / "siaran.db"};
  broadcast_book book{s.database};
  connection sql{dir.path() / "siaran.db"};  // the test's own writes, beside the books
  fixture() { add_people(sql, 3); }

  // Contact 1's reply, routed to broadcast `id` as the inbox would.
  void reply_to(std::int64_t id, timestamp at) {
    incoming_message in;
    in.modem = "modem-1";
    in.sender = "+6281200000011";
    in.text = "Siap";
    in.received_at = at;
    const std::int64_t incoming_id = *s.inbound.record_incoming(in).message_id;
    sql.exec(("UPDATE incoming SET broadcast_id = " + std::to_string(id) + " WHERE id = " + std::to_string(incoming_id))
                 .c_str(),
             "routing the reply");
  }

  // Claims and sends every due part, at `now`.
  void send_all(timestamp now) {
    while (auto part = claim_due(s.queue, now, "modem-1"))
      s.queue.mark_sent(part->part.id, "modem-1", 1, now);
  }
};

}  // namespace

TEST_CASE("a created broadcast queues one message per recipient and reads back scheduled",
          "[queue][broadcast]") {
  fixture f;
  new_broadcast urgent = broadcast_at(3600);
  urgent.priority = 2;
  const auto id = f.book.create(urgent, one_each(3));
  CHECK(f.s.statistics.queue_depth() == 3);
  const auto p = f.book.progress(id, at_s(10));
  REQUIRE(p);
  CHECK(p->priority == 2);  // a follow-up takes it over (broadcaster::follow_up)
  CHECK(p->recipients == 3);
  CHECK(p->queued == 3);
  CHECK(p->state == "scheduled");
  CHECK(p->officer_id == 1);
  CHECK(p->template_text == "Halo {nama}");
  CHECK(p->origin == "api");

  const auto rs = f.book.recipients(id);
  REQUIRE(rs.size() == 3);
  CHECK(rs[1].contact_id == 2);
  CHECK(rs[1].text == "Halo Kader 2");
  CHECK(rs[1].state == part_state::queued);
}

TEST_CASE("a broadcast is done when every message went out, sent counted per recipient",
          "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(0), one_each(3, 0, 2));
  CHECK(f.book.progress(id, at_s(1))->state == "sending");
  f.send_all(at_s(5));
  const auto p = f.book.progress(id, at_s(6));
  CHECK(p->state == "done");
  CHECK(p->sent == 3);
  CHECK(p->queued == 0);
}

TEST_CASE("replies routed to a broadcast are counted in its progress", "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(0), one_each(1));
  f.reply_to(id, at_s(20));
  CHECK(f.book.progress(id, at_s(30))->replies == 1);
}

TEST_CASE("cancel stops unstarted messages, lets the started ones finish, and says so",
          "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(0), one_each(3, 0, 2));
  // The first message's first part is on its way.
  const auto claimed = claim_due(f.s.queue, at_s(1), "modem-1");
  REQUIRE(claimed);
  CHECK(f.book.cancel(id, at_s(2)) == 2);
  const auto p = f.book.progress(id, at_s(3));
  CHECK(p->state == "cancelled");
  CHECK(p->cancelled == 2);
  CHECK(p->sending == 1);
  CHECK(p->cancelled_at == at_s(2));
  // Its second part is still queued, to follow the first.
  CHECK(f.s.statistics.queue_depth() == 1);
  CHECK(f.book.cancel(id, at_s(4)) == 0);
  CHECK(f.book.progress(id, at_s(5))->cancelled_at == at_s(2));
}

TEST_CASE("cancelled parts carry the reason", "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(3600), one_each(1));
  f.book.cancel(id, at_s(2));
  const auto rs = f.book.recipients(id);
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].state == part_state::cancelled);
  const auto m = f.s.queue.message(*rs[0].message_id);
  CHECK(m->parts[0].last_error == "cancelled");
  CHECK_FALSE(claim_due(f.s.queue, at_s(7200)));
}

TEST_CASE("recipients carry the contact's name and a failed message's error", "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(0), one_each(2, 0, 2));
  const auto claimed = claim_due(f.s.queue, at_s(1), "modem-1");
  REQUIRE(claimed);
  f.s.queue.mark_failed_permanent(claimed->part.id, {"+CMS ERROR: 1 (unassigned number)", 1}, at_s(2));
  const auto rs = f.book.recipients(id);
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].contact_name == "Kader 1");
  CHECK(rs[1].contact_name == "Kader 2");
  const auto& failed = rs[0].message_id == claimed->part.message_id ? rs[0] : rs[1];
  const auto& waiting = rs[0].message_id == claimed->part.message_id ? rs[1] : rs[0];
  CHECK(failed.state == part_state::failed);
  CHECK(failed.last_error == "+CMS ERROR: 1 (unassigned number)");
  CHECK(waiting.state == part_state::queued);
  CHECK_FALSE(waiting.last_error);
}

TEST_CASE("latest_reaching finds the newest broadcast that went out to the contact since then",
          "[queue][broadcast]") {
  fixture f;
  const auto first = f.book.create(broadcast_at(0), one_each(2));
  f.send_all(at_s(10));
  const auto second = f.book.create(broadcast_at(0), one_each(1));
  f.send_all(at_s(20));
  const auto unsent = f.book.create(broadcast_at(3600), one_each(1));
  static_cast<void>(unsent);

  const auto to_first = f.book.latest_reaching(1, at_s(0));
  REQUIRE(to_first);
  CHECK(to_first->broadcast_id == second);
  CHECK(to_first->officer_id == 1);
  CHECK(f.book.latest_reaching(2, at_s(0))->broadcast_id == first);
  CHECK_FALSE(f.book.latest_reaching(2, at_s(11)));
  CHECK_FALSE(f.book.latest_reaching(3, at_s(0)));
}

TEST_CASE("broadcasts list newest first, paged by id", "[queue][broadcast]") {
  fixture f;
  const auto a = f.book.create(broadcast_at(0), one_each(1));
  const auto b = f.book.create(broadcast_at(0), one_each(2));
  const auto all = f.book.list(at_s(1));
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == b);
  CHECK(all[0].recipients == 2);
  const auto older = f.book.list(at_s(1), b);
  REQUIRE(older.size() == 1);
  CHECK(older[0].id == a);
  CHECK_FALSE(f.book.progress(99, at_s(1)));
}

TEST_CASE("the list reuses a finished broadcast's counts for 30 s, its replies and progress() stay current",
          "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(0), one_each(1));
  f.send_all(at_s(1));
  REQUIRE(f.book.list(at_s(2)).at(0).state == "done");

  status_report delivered;
  delivered.modem = "modem-1";
  delivered.reference = 1;
  delivered.recipient = "+6281200000011";
  delivered.status = 0;
  delivered.discharge_time = at_s(3);
  delivered.received_at = at_s(3);
  delivered.raw_pdu = "0006010C91261802000011";
  REQUIRE(f.s.reports.record_status_report(delivered));
  f.reply_to(id, at_s(4));

  const auto reused = f.book.list(at_s(31)).at(0);
  CHECK(reused.delivered == 0);
  CHECK(reused.replies == 1);
  CHECK(f.book.progress(id, at_s(31))->delivered == 1);
  CHECK(f.book.list(at_s(32)).at(0).delivered == 1);
}

TEST_CASE("recipients come a page at a time in contact order, the pages together the whole list",
          "[queue][broadcast]") {
  fixture f;
  const auto id = f.book.create(broadcast_at(0), one_each(3));
  f.send_all(at_s(1));
  const auto all = f.book.recipients(id);
  REQUIRE(all.size() == 3);
  const auto first = f.book.recipients(id, 0, 2);
  REQUIRE(first.size() == 2);
  const auto rest = f.book.recipients(id, first.back().contact_id, 2);
  REQUIRE(rest.size() == 1);
  CHECK(f.book.recipients(id, rest.back().contact_id, 2).empty());
  std::vector<broadcast_recipient> paged = first;
  paged.push_back(rest[0]);
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(paged[i].contact_id == all[i].contact_id);
    CHECK(paged[i].message_id == all[i].message_id);
    CHECK(paged[i].state == all[i].state);
    CHECK(paged[i].text == all[i].text);
  }
}

// The report's details of each recipient (queue/report_rows.h), beside the book's own columns.
TEST_CASE("a report's recipient details: the posyandu and the replies to the broadcast", "[queue][broadcast][report]") {
  fixture f;
  f.sql.exec("UPDATE contacts SET posyandu = 'Melati' WHERE id = 1", "placing contact 1");
  const auto id = f.book.create(broadcast_at(0), one_each(2, 0, 2));
  f.send_all(at_s(10));
  f.reply_to(id, at_s(60));
  f.reply_to(id, at_s(70));
  f.sql.exec("UPDATE incoming SET contact_id = 1", "naming the replies' contact, as the inbox does");

  const auto details = f.s.report_rows.recipient_details_of(id);
  REQUIRE(details.size() == 2);
  CHECK(details.at(1).posyandu == "Melati");
  CHECK(details.at(1).replies == 2);
  CHECK_FALSE(details.at(2).posyandu);
  CHECK(details.at(2).replies == 0);
}

TEST_CASE("a report's month holds the broadcasts due in it, an officer's own only when asked",
          "[queue][broadcast][report]") {
  fixture f;
  const auto early = f.book.create(broadcast_at(0), one_each(1));
  const auto later = f.book.create(broadcast_at(3600), one_each(1));
  CHECK(f.s.report_rows.broadcasts_due(at_s(0), at_s(3600), std::nullopt) == std::vector<std::int64_t>{early});
  CHECK(f.s.report_rows.broadcasts_due(at_s(0), at_s(3601), 1) == std::vector<std::int64_t>{early, later});
  CHECK(f.s.report_rows.broadcasts_due(at_s(0), at_s(3601), 2).empty());
}
