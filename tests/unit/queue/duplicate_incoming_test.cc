// SPDX-License-Identifier: GPL-3.0-or-later
// The modem stores an incoming SMS before it deletes it from the SIM, so an SMS whose AT+CMGD
// failed (or whose delete a crash prevented) is offered again: the store keeps it once. PDUs are
// real SMS-DELIVERs, so they carry the centre's time as the network's do.
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "sms/deliver_encoder.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

const std::string cadre = "+6281234567890";
const std::string long_text =
    "Bu Bidan, posyandu Melati sudah menimbang dua puluh tiga balita hari ini, tiga di antaranya di bawah garis "
    "merah dan perlu kunjungan rumah minggu depan. Mohon arahan Ibu untuk jadwalnya.";

// The PDUs the network delivers for `text` sent at 10:15:`second` (several when long).
std::vector<std::string> delivered(const std::string& text, int second) {
  siaran::sms::deliver_request request;
  request.from = cadre;
  request.text = text;
  request.service_centre_time = {2025, 3, 14, 10, 15, second, 7 * 60};
  request.concat_reference = 9;
  std::vector<std::string> pdus;
  for (const auto& part : siaran::sms::encode_deliver(request)) pdus.push_back(part.pdu);
  return pdus;
}

incoming_message sms(const std::string& pdu, long at, const std::string& text = "HADIR") {
  return incoming_message{"m1", cadre, text, at_s(at), {pdu}, std::nullopt, std::nullopt, std::nullopt, true};
}

incoming_fragment part(const std::vector<std::string>& pdus, int number, long at) {
  const int total = static_cast<int>(pdus.size());
  return incoming_fragment{"m1", cadre, 9, total, number, "part " + std::to_string(number), pdus.at(number - 1),
                           at_s(at)};
}

}  // namespace

TEST_CASE("an SMS offered again after its delete failed is stored once", "[queue][inbound][duplicates]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::string pdu = delivered("HADIR", 5).at(0);
  const incoming_outcome first = s.inbound.record_incoming(sms(pdu, 10));
  CHECK_FALSE(first.stored_already);
  REQUIRE(first.message_id);

  const incoming_outcome again = s.inbound.record_incoming(sms(pdu, 130));  // the next storage poll
  CHECK(again.stored_already);
  CHECK_FALSE(again.message_id);
  const auto inbox = s.inbound.inbox(0, at_s(0), 10);
  REQUIRE(inbox.size() == 1);
  CHECK(inbox[0].id == *first.message_id);
}

TEST_CASE("the same text sent again a second later is another SMS, each kept once", "[queue][inbound][duplicates]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::string first = delivered("HADIR", 5).at(0);
  const std::string second = delivered("HADIR", 6).at(0);
  CHECK(s.inbound.record_incoming(sms(first, 10)).message_id);
  CHECK(s.inbound.record_incoming(sms(second, 11)).message_id);
  CHECK(s.inbound.record_incoming(sms(first, 130)).stored_already);
  CHECK(s.inbound.record_incoming(sms(second, 130)).stored_already);
  CHECK(s.inbound.inbox(0, at_s(0), 10).size() == 2);
}

TEST_CASE("the same PDU on another modem is another SMS, each kept once", "[queue][inbound][duplicates]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::string pdu = delivered("HADIR", 5).at(0);
  incoming_message on_m2 = sms(pdu, 10);
  on_m2.modem = "m2";
  CHECK(s.inbound.record_incoming(sms(pdu, 10)).message_id);
  CHECK(s.inbound.record_incoming(on_m2).message_id);
  CHECK(s.inbound.record_incoming(on_m2).stored_already);
  CHECK(s.inbound.inbox(0, at_s(0), 10).size() == 2);
}

TEST_CASE("an undecodable PDU offered again is kept raw once", "[queue][inbound][duplicates]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  incoming_message raw{"m1", "", "", at_s(10), {"0791261801"}, "truncated PDU", std::nullopt, std::nullopt, true};
  CHECK(s.inbound.record_incoming(raw).message_id);
  raw.received_at = at_s(130);
  CHECK(s.inbound.record_incoming(raw).stored_already);
  CHECK(s.inbound.inbox(0, at_s(0), 10).size() == 1);
}

TEST_CASE("the parts of a long SMS offered again after it was stored make no second message",
          "[queue][inbound][duplicates][fragments]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto pdus = delivered(long_text, 5);
  REQUIRE(pdus.size() == 2);
  CHECK_FALSE(s.inbound.record_fragment(part(pdus, 1, 10)).message_id);
  const auto whole = s.inbound.record_fragment(part(pdus, 2, 11));
  REQUIRE(whole.message_id);

  for (int number = 1; number <= 2; ++number) {
    const incoming_outcome again = s.inbound.record_fragment(part(pdus, number, 130));
    CHECK(again.stored_already);
    CHECK_FALSE(again.message_id);
  }
  CHECK(s.inbound.flush_fragments(at_s(100'000)).empty());  // no part left waiting to become a partial copy
  CHECK(s.inbound.inbox(0, at_s(0), 10).size() == 1);
}

TEST_CASE("a part offered again while its set waits is recognised", "[queue][inbound][duplicates][fragments]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto pdus = delivered(long_text, 5);
  CHECK_FALSE(s.inbound.record_fragment(part(pdus, 1, 10)).stored_already);
  CHECK(s.inbound.record_fragment(part(pdus, 1, 130)).stored_already);
  const auto whole = s.inbound.record_fragment(part(pdus, 2, 131));
  REQUIRE(whole.message_id);
  CHECK(s.inbound.inbox(0, at_s(0), 10).size() == 1);
}

TEST_CASE("a PDU is forgotten once the duplicate window has passed", "[queue][inbound][duplicates]") {
  temp_dir dir;
  store_options options;
  options.duplicate_window = std::chrono::hours(1);
  store_books s(dir.path() / "siaran.db", options);
  const std::string pdu = delivered("HADIR", 5).at(0);
  CHECK(s.inbound.record_incoming(sms(pdu, 10)).message_id);
  CHECK(s.inbound.record_incoming(sms(pdu, 10 + 3600)).stored_already);
  CHECK(s.inbound.record_incoming(sms(pdu, 11 + 3600)).message_id);
}
