// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

constexpr long day_s = 24 * 3600;

// One message to +6281234567890, sent on m1 with TP-MR 42 at `sent_s`.
std::int64_t sent_on_m1(store_books& s, long sent_s, int reference = 42) {
  s.queue.enqueue(message_to("+6281234567890", sent_s - 1));
  const auto c = claim_due(s.queue, at_s(sent_s), "m1");
  s.queue.mark_sent(c->part.id, "m1", reference, at_s(sent_s));
  return c->part.id;
}

status_report report(std::string modem, std::string recipient, long received_s, int status = 0) {
  status_report r;
  r.modem = std::move(modem);
  r.reference = 42;
  r.recipient = std::move(recipient);
  r.status = status;
  r.discharge_time = at_s(received_s - 1);
  r.received_at = at_s(received_s);
  r.raw_pdu = "00062A0C91261843658709";
  return r;
}

}  // namespace

TEST_CASE("a report naming the national form matches a part sent to +62", "[queue][report]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto part = sent_on_m1(s, 100);
  CHECK(s.reports.record_status_report(report("m1", "081234567890", 160)) == part);
  const auto m = s.queue.message(1);
  CHECK(m->state == part_state::delivered);
  CHECK(m->parts[0].delivered_at == at_s(159));
  CHECK(m->parts[0].status == 0);
}

TEST_CASE("a report from another modem matches nothing but is kept", "[queue][report]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  sent_on_m1(s, 100);
  CHECK_FALSE(s.reports.record_status_report(report("m2", "+6281234567890", 160)));
  CHECK(s.queue.message(1)->state == part_state::sent);
}

TEST_CASE("a report matches the most recent part with its reference, not an old one", "[queue][report]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  sent_on_m1(s, 100);
  const auto recent = sent_on_m1(s, 5000);
  CHECK(s.reports.record_status_report(report("m1", "+6281234567890", 5100)) == recent);
}

TEST_CASE("a part sent before the report window is not matched", "[queue][report]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db", store_options{std::chrono::hours(24 * 2)});
  sent_on_m1(s, 100);
  CHECK_FALSE(s.reports.record_status_report(report("m1", "+6281234567890", 100 + 3 * day_s)));
}

TEST_CASE("a permanent error in a report fails the part; 'still trying' changes nothing", "[queue][report]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  sent_on_m1(s, 100);
  s.reports.record_status_report(report("m1", "+6281234567890", 150, 0x30));
  CHECK(s.queue.message(1)->state == part_state::sent);
  s.reports.record_status_report(report("m1", "+6281234567890", 200, 0x41));
  const auto m = s.queue.message(1);
  CHECK(m->state == part_state::failed);
  CHECK(m->parts[0].status == 0x41);
}

TEST_CASE("a report naming the international form without + matches too", "[queue][report]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+6281234567890"));
  const auto c = claim_due(s.queue, at_s(10), "m1");
  s.queue.mark_sent(c->part.id, "m1", 42, at_s(11));
  CHECK(s.reports.record_status_report(report("m1", "6281234567890", 20)) == c->part.id);
  CHECK(s.queue.message(1)->state == part_state::delivered);
}

TEST_CASE("incoming messages and modem events are stored", "[queue][inbound]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  incoming_message in;
  in.modem = "m1";
  in.sender = "+6281234567890";
  in.text = "siap";
  in.received_at = at_s(10);
  in.raw_pdus = {"07916282", "07916283"};
  in.concat_ref = 5;
  in.concat_total = 3;
  in.complete = false;
  CHECK(s.inbound.record_incoming(in).message_id == 1);
  in.raw_pdus = {"07916284", "07916285"};
  CHECK(s.inbound.record_incoming(in).message_id == 2);
  s.maintenance.record_modem_event("m1", at_s(11), "ready", "registered");
}

TEST_CASE("an SMPP receipt matches the part its bind sent under that message id, in any of its forms",
          "[queue][report][smpp]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+6281234567890", 99));
  const auto c = claim_due(s.queue, at_s(100), "s1");
  s.queue.mark_sent(c->part.id, "s1", 0, at_s(100), std::nullopt, "1A2B");
  status_report receipt = report("s1", "+6281234567890", 160, 0x43);
  // Written in decimal by the receipt; the hex form the submit_sm_resp gave is a candidate.
  receipt.smsc_message_ids = {"6699", "1a2b", "1A2B"};
  status_report elsewhere = receipt;
  elsewhere.modem = "s2";
  CHECK_FALSE(s.reports.record_status_report(elsewhere));
  CHECK(s.reports.record_status_report(receipt) == c->part.id);
  const auto m = s.queue.message(1);
  CHECK(m->state == part_state::failed);
  CHECK(m->parts[0].delivery == "undelivered");
  CHECK(m->parts[0].status == 0x43);
}
