// SPDX-License-Identifier: GPL-3.0-or-later
// The SMPP bind against a scripted SMSC over real TCP on 127.0.0.1: binding and refusals,
// submits as the SMSC sees them, receipts and incoming SMS, throttling without loss or doubles,
// a dropped link with parts in flight, enquire_link, generic_nack, and the window.

#include "smpp/bind.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "smpp/tpdu_submission.h"
#include "sms/submit_encoder.h"
#include "tests/integration/smpp/scripted_smsc.h"
#include "tests/unit/smpp/hex_bytes.h"

using namespace siaran;
using namespace siaran::smpp;
using namespace std::chrono_literals;
using siaran::smpp::test::cat;
using siaran::smpp::test::hex;
using siaran::smpp::test::scripted_smsc;
using siaran::smpp::test::text;

namespace {

using result_slot = std::shared_ptr<std::optional<submit_result>>;

struct rig {
  asio::io_context io;
  scripted_smsc smsc{io};
  bind_settings settings;
  std::vector<receipt> receipts;
  std::vector<incoming_sms> messages;
  bool store = true;
  unsigned changes = 0;
  std::unique_ptr<smpp::bind> esme;

  rig() {
    settings.id = "test-bind";
    settings.port = smsc.port();
    settings.system_id = "siaran";
    settings.password = "s3cret!";
    settings.system_type = "SMS";
    settings.rate_per_second = 0;
    settings.response_timeout = 2s;
    settings.rebind_min = 1s;
    settings.rebind_max = 4s;
  }

  ~rig() {
    if (!esme) return;
    esme->stop();
    run_until([this] { return !esme->running(); }, 5s);
  }

  void start() {
    bind_handlers handlers;
    handlers.on_receipt = [this](const receipt& got) -> asio::awaitable<bool> {
      receipts.push_back(got);
      co_return store;
    };
    handlers.on_message = [this](const incoming_sms& got) -> asio::awaitable<bool> {
      messages.push_back(got);
      co_return store;
    };
    handlers.on_change = [this] { ++changes; };
    esme = std::make_unique<smpp::bind>(io, settings, handlers);
    esme->start();
  }

  // Runs the io_context until `done` holds or the time is up; returns `done()`.
  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit = 5s,
                 const std::function<void()>& each = {}) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      io.restart();
      io.run_for(2ms);
      if (each) each();
    }
    return done();
  }

  void run_for(std::chrono::milliseconds duration) {
    run_until([] { return false; }, duration);
  }

  bool bound() {
    return run_until([this] { return esme->state() == bind_state::bound; });
  }

  result_slot submit(submit_request request) {
    auto slot = std::make_shared<std::optional<submit_result>>();
    asio::co_spawn(
        io,
        [](smpp::bind* b, submit_request part, result_slot out) -> asio::awaitable<void> {
          auto result = co_await b->submit(part);
          *out = result;
        }(esme.get(), std::move(request), slot),
        asio::detached);
    return slot;
  }

  static bool all_done(const std::vector<result_slot>& slots) {
    for (const auto& slot : slots) {
      if (!slot->has_value()) return false;
    }
    return true;
  }
};

submit_request gsm_part(std::string destination, std::string message) {
  submit_request request;
  request.source = "POKJANAL";
  request.destination = std::move(destination);
  request.short_message = text(message);
  return request;
}

short_message_body deliver(std::uint8_t esm_class, std::uint8_t data_coding,
                           std::vector<std::uint8_t> octets) {
  short_message_body body;
  body.source_addr_ton = 1;
  body.source_addr_npi = 1;
  body.source_addr = "6281234567890";
  body.destination_addr = "POKJANAL";
  body.esm_class = esm_class;
  body.data_coding = data_coding;
  body.short_message = std::move(octets);
  return body;
}

const pdu* response_with_sequence(const scripted_smsc& smsc, std::uint32_t sequence) {
  for (const auto& r : smsc.responses) {
    if (r.sequence_number == sequence) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the bind binds as a transceiver and unbinds when stopped") {
  rig r;
  r.start();
  REQUIRE(r.bound());
  REQUIRE(r.smsc.binds.size() == 1);
  const auto& request = r.smsc.binds[0];
  CHECK(request.command_id == command::bind_transceiver);
  const auto& body = std::get<bind_body>(request.body);
  CHECK(body.system_id == "siaran");
  CHECK(body.password == "s3cret!");
  CHECK(body.system_type == "SMS");
  CHECK(body.interface_version == 0x34);
  auto status = r.esme->status();
  CHECK(status.smsc_system_id == "SCRIPTSMSC");
  CHECK(status.counts.binds == 1);
  CHECK(status.last_error.empty());
  CHECK(r.esme->room() == 10);
  CHECK(r.changes > 0);

  r.esme->stop();
  CHECK(r.run_until([&] { return !r.esme->running(); }));
  CHECK(r.esme->state() == bind_state::stopped);
  CHECK(r.smsc.unbinds == 1);
  CHECK(r.esme->room() == 0);
}

TEST_CASE("transmitter_receiver mode binds two connections") {
  rig r;
  r.settings.mode = bind_mode::transmitter_receiver;
  r.start();
  REQUIRE(r.bound());
  REQUIRE(r.smsc.binds.size() == 2);
  CHECK(r.smsc.binds[0].command_id == command::bind_transmitter);
  CHECK(r.smsc.binds[1].command_id == command::bind_receiver);
  CHECK(r.smsc.connections == 2);
  // The newest connection is the receiver: incoming SMS come there, submits go out on the other.
  r.smsc.send({command::deliver_sm, status::ok, 5, deliver(0, 0, text("HADIR"))});
  auto slot = r.submit(gsm_part("+6281234567890", "x"));
  REQUIRE(r.run_until([&] { return r.messages.size() == 1 && slot->has_value(); }));
  CHECK((*slot)->ok());
  CHECK(r.messages[0].message.ud.text == "HADIR");
}

TEST_CASE("a wrong password is refused in plain words and not retried soon") {
  rig r;
  r.smsc.bind_status = status::invalid_password;
  r.settings.rebind_max = 60s;
  r.start();
  REQUIRE(r.run_until([&] { return r.esme->state() == bind_state::refused; }));
  auto status = r.esme->status();
  CHECK(status.last_error.find("wrong password") != std::string::npos);
  CHECK(status.last_error.find("s3cret!") == std::string::npos);
  CHECK(r.esme->room() == 0);
  // rebind_min is 1 s: a tight loop would have tried again within 2 s.
  r.run_for(2500ms);
  CHECK(r.smsc.binds.size() == 1);
  CHECK(r.esme->state() == bind_state::refused);
}

TEST_CASE("a refused bind of another kind backs off and binds once the SMSC agrees") {
  rig r;
  r.smsc.bind_status = status::already_bound;
  r.start();
  REQUIRE(r.run_until([&] { return r.smsc.binds.size() >= 2; }, 5s));
  CHECK(r.esme->state() == bind_state::connecting);
  CHECK(r.esme->status().last_error.find("ESME_RALYBND") != std::string::npos);
  r.smsc.bind_status = status::ok;
  CHECK(r.run_until([&] { return r.esme->state() == bind_state::bound; }, 8s));
}

TEST_CASE("submits reach the SMSC with the fields of SMPP 3.4") {
  rig r;
  r.start();
  REQUIRE(r.bound());

  SECTION("a GSM text from a registered name, with a receipt asked for") {
    auto request = gsm_part("+6281234567890", "Posyandu besok");
    request.registered_delivery = true;
    auto slot = r.submit(request);
    REQUIRE(r.run_until([&] { return slot->has_value(); }));
    REQUIRE((*slot)->ok());
    CHECK((*slot)->message_id == "msg-1");
    REQUIRE(r.smsc.submits.size() == 1);
    const auto& seen = r.smsc.submits[0];
    CHECK(seen.source_addr_ton == 5);
    CHECK(seen.source_addr_npi == 0);
    CHECK(seen.source_addr == "POKJANAL");
    CHECK(seen.dest_addr_ton == 1);
    CHECK(seen.dest_addr_npi == 1);
    CHECK(seen.destination_addr == "6281234567890");
    CHECK(seen.esm_class == 0);
    CHECK(seen.registered_delivery == 1);
    CHECK(seen.data_coding == 0);
    CHECK(seen.short_message == text("Posyandu besok"));
    auto counts = r.esme->status().counts;
    CHECK(counts.submitted == 1);
    CHECK(counts.accepted == 1);
  }

  SECTION("a UCS2 text from a number") {
    submit_request request;
    request.source = "+6281100000";
    request.destination = "+6281234567890";
    request.data_coding = 8;
    request.short_message = hex("0053 0061 006C 0061 006D 0020 0101");
    auto slot = r.submit(request);
    REQUIRE(r.run_until([&] { return slot->has_value(); }));
    CHECK((*slot)->ok());
    REQUIRE(r.smsc.submits.size() == 1);
    const auto& seen = r.smsc.submits[0];
    CHECK(seen.source_addr_ton == 1);
    CHECK(seen.source_addr_npi == 1);
    CHECK(seen.source_addr == "6281100000");
    CHECK(seen.data_coding == 8);
    CHECK(seen.registered_delivery == 0);
    CHECK(seen.short_message == hex("0053 0061 006C 0061 006D 0020 0101"));
  }

  SECTION("a long text in three parts with its concatenation header") {
    sms::submit_request long_text;
    long_text.to = "+6281234567890";
    long_text.text = std::string(400, 'k');
    long_text.concat_reference = 0x2A;
    auto parts = sms::encode_submit(long_text);
    REQUIRE(parts.size() == 3);
    std::vector<result_slot> slots;
    for (const auto& part : parts)
      slots.push_back(r.submit(submission_of_tpdu(part.pdu, "POKJANAL", true)));
    REQUIRE(r.run_until([&] { return rig::all_done(slots); }));
    for (const auto& slot : slots) CHECK((*slot)->ok());
    REQUIRE(r.smsc.submits.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& seen = r.smsc.submits[i];
      CHECK(seen.esm_class == esm::udhi);
      CHECK(seen.registered_delivery == 1);
      REQUIRE(seen.short_message.size() > 6);
      CHECK(std::vector<std::uint8_t>(seen.short_message.begin(), seen.short_message.begin() + 6) ==
            std::vector<std::uint8_t>{0x05, 0x00, 0x03, 0x2A, 0x03,
                                      static_cast<std::uint8_t>(i + 1)});
    }
  }

  SECTION("a part longer than 254 octets goes in message_payload") {
    auto request = gsm_part("+6281234567890", std::string(300, 'x'));
    auto slot = r.submit(request);
    REQUIRE(r.run_until([&] { return slot->has_value(); }));
    CHECK((*slot)->ok());
    REQUIRE(r.smsc.submits.size() == 1);
    CHECK(r.smsc.submits[0].short_message.empty());
    REQUIRE(find_tlv(r.smsc.submits[0].tlvs, tag::message_payload) != nullptr);
    CHECK(find_tlv(r.smsc.submits[0].tlvs, tag::message_payload)->value.size() == 300);
  }
}

TEST_CASE("refused parts say whose fault it is") {
  rig r;
  r.smsc.submit_status = [](const short_message_body& body) {
    if (body.destination_addr == "620") return status::invalid_destination;
    if (body.destination_addr == "621") return status::system_error;
    return status::ok;
  };
  r.start();
  REQUIRE(r.bound());
  auto bad_number = r.submit(gsm_part("+620", "x"));
  auto smsc_trouble = r.submit(gsm_part("+621", "x"));
  REQUIRE(r.run_until([&] { return bad_number->has_value() && smsc_trouble->has_value(); }));

  REQUIRE((*bad_number)->error.has_value());
  const auto& message_fault = *(*bad_number)->error;
  CHECK(message_fault.command_status == status::invalid_destination);
  CHECK(message_fault.permanent);
  CHECK_FALSE(message_fault.of_bind);
  CHECK_FALSE(message_fault.maybe_sent);
  CHECK(message_fault.text.find("ESME_RINVDSTADR") != std::string::npos);

  REQUIRE((*smsc_trouble)->error.has_value());
  const auto& bind_fault = *(*smsc_trouble)->error;
  CHECK(bind_fault.command_status == status::system_error);
  CHECK_FALSE(bind_fault.permanent);
  CHECK(bind_fault.of_bind);
  CHECK(r.esme->status().counts.rejected == 2);

  SECTION("a sender too long for the wire is refused before sending") {
    auto request = gsm_part("+6281234567890", "x");
    request.source = "A-NAME-FAR-TOO-LONG-FOR-SMPP";
    auto slot = r.submit(request);
    REQUIRE(r.run_until([&] { return slot->has_value(); }));
    REQUIRE((*slot)->error.has_value());
    CHECK((*slot)->error->permanent);
    CHECK(r.smsc.submits.size() == 2);
  }
}

TEST_CASE("receipts reach on_receipt with their outcome") {
  rig r;
  r.start();
  REQUIRE(r.bound());
  auto delivered =
      deliver(esm::delivery_receipt, 0,
              text("id:msg-1 sub:001 dlvrd:001 submit date:2612071530 done date:2612071531 "
                   "stat:DELIVRD err:000 text:Posyandu"));
  auto undelivered = deliver(esm::delivery_receipt, 0, text("id:msg-2 stat:UNDELIV err:011"));
  r.smsc.send({command::deliver_sm, status::ok, 101, delivered});
  r.smsc.send({command::deliver_sm, status::ok, 102, undelivered});
  REQUIRE(r.run_until([&] { return r.smsc.responses.size() == 2; }));
  REQUIRE(r.receipts.size() == 2);
  CHECK(r.receipts[0].message_id == "msg-1");
  CHECK(r.receipts[0].outcome() == receipt_outcome::delivered);
  CHECK(r.receipts[0].recipient == "+6281234567890");
  CHECK(r.receipts[1].message_id == "msg-2");
  CHECK(r.receipts[1].outcome() == receipt_outcome::undelivered);
  CHECK(r.receipts[1].error_code == 11);
  for (auto sequence : {101u, 102u}) {
    const auto* answer = response_with_sequence(r.smsc, sequence);
    REQUIRE(answer != nullptr);
    CHECK(answer->command_id == command::deliver_sm_resp);
    CHECK(answer->command_status == status::ok);
  }
  CHECK(r.esme->status().counts.receipts == 2);

  SECTION("a receipt not stored is answered ESME_RX_T_APPN, so the SMSC sends it again") {
    r.store = false;
    r.smsc.send({command::deliver_sm, status::ok, 103, delivered});
    REQUIRE(r.run_until([&] { return response_with_sequence(r.smsc, 103) != nullptr; }));
    CHECK(response_with_sequence(r.smsc, 103)->command_status == status::temporary_app_error);
  }
}

TEST_CASE("incoming SMS reach on_message: GSM, UCS2 and concatenated") {
  rig r;
  r.start();
  REQUIRE(r.bound());
  r.smsc.send({command::deliver_sm, status::ok, 201, deliver(0, 0, text("HADIR"))});
  r.smsc.send(
      {command::deliver_sm, status::ok, 202, deliver(0, 8, hex("0048 0061 006C 006F 0020 0101"))});
  r.smsc.send({command::deliver_sm, status::ok, 203,
               deliver(esm::udhi, 0, cat({hex("050003070201"), text("bagian satu ")}))});
  r.smsc.send({command::deliver_sm, status::ok, 204,
               deliver(esm::udhi, 0, cat({hex("050003070202"), text("bagian dua")}))});
  REQUIRE(r.run_until([&] { return r.smsc.responses.size() == 4; }));
  REQUIRE(r.messages.size() == 4);
  CHECK(r.messages[0].message.number == "+6281234567890");
  CHECK(r.messages[0].message.ud.text == "HADIR");
  CHECK(r.messages[1].message.coding.alphabet == sms::encoding::ucs2);
  CHECK(r.messages[1].message.ud.text == "Halo \xC4\x81");
  REQUIRE(r.messages[2].message.concat().has_value());
  CHECK(*r.messages[2].message.concat() == sms::concat_info{7, 1, 2});
  CHECK(*r.messages[3].message.concat() == sms::concat_info{7, 2, 2});
  CHECK(r.messages[3].message.ud.text == "bagian dua");
  for (const auto& answer : r.smsc.responses) CHECK(answer.command_status == status::ok);
  CHECK(r.esme->status().counts.received == 4);
}

TEST_CASE("throttling answers pause the bind and every part is accepted exactly once") {
  rig r;
  r.smsc.throttle_first = 3;
  r.settings.window = 5;
  r.start();
  REQUIRE(r.bound());
  std::vector<result_slot> slots;
  for (int i = 0; i < 5; ++i)
    slots.push_back(r.submit(gsm_part("+62812000000" + std::to_string(i), "x")));
  bool saw_throttled = false;
  bool room_while_throttled = false;
  REQUIRE(r.run_until([&] { return rig::all_done(slots); }, 10s,
                      [&] {
                        if (r.esme->state() == bind_state::throttled) {
                          saw_throttled = true;
                          if (r.esme->room() != 0) room_while_throttled = true;
                        }
                      }));
  CHECK(saw_throttled);
  CHECK_FALSE(room_while_throttled);
  for (const auto& slot : slots) CHECK((*slot)->ok());
  REQUIRE(r.smsc.accepted.size() == 5);
  std::set<std::string> destinations;
  for (const auto& part : r.smsc.accepted) destinations.insert(part.destination_addr);
  CHECK(destinations.size() == 5);
  CHECK(r.smsc.submits.size() == 8);
  auto counts = r.esme->status().counts;
  CHECK(counts.throttled == 3);
  CHECK(counts.accepted == 5);
  CHECK(r.esme->state() == bind_state::bound);
}

TEST_CASE("a link that drops with submits unanswered makes them uncertain and binds again") {
  rig r;
  r.smsc.hold_submits = true;
  r.start();
  REQUIRE(r.bound());
  std::vector<result_slot> slots;
  for (int i = 0; i < 3; ++i)
    slots.push_back(r.submit(gsm_part("+6281200000" + std::to_string(i), "x")));
  REQUIRE(r.run_until([&] { return r.smsc.held() == 3; }));
  r.smsc.drop();
  REQUIRE(r.run_until([&] { return rig::all_done(slots); }));
  for (const auto& slot : slots) {
    REQUIRE((*slot)->error.has_value());
    CHECK((*slot)->error->maybe_sent);
    CHECK((*slot)->error->of_bind);
  }
  CHECK(r.esme->status().counts.uncertain == 3);
  CHECK(r.esme->status().last_error.find("closed") != std::string::npos);
  CHECK(r.run_until(
      [&] { return r.smsc.binds.size() == 2 && r.esme->state() == bind_state::bound; }, 5s));
  CHECK(r.esme->status().counts.binds == 2);

  SECTION("a submit made while the bind is down is not sent") {
    r.smsc.drop();
    REQUIRE(r.run_until([&] { return r.esme->state() == bind_state::connecting; }));
    auto slot = r.submit(gsm_part("+6281234567890", "x"));
    REQUIRE(r.run_until([&] { return slot->has_value(); }));
    REQUIRE((*slot)->error.has_value());
    CHECK_FALSE((*slot)->error->maybe_sent);
    CHECK((*slot)->error->of_bind);
  }
}

TEST_CASE("an unanswered submit counts as a dead link") {
  rig r;
  r.smsc.hold_submits = true;
  r.settings.response_timeout = 1s;
  r.start();
  REQUIRE(r.bound());
  auto slot = r.submit(gsm_part("+6281234567890", "x"));
  REQUIRE(r.run_until([&] { return slot->has_value(); }));
  REQUIRE((*slot)->error.has_value());
  CHECK((*slot)->error->maybe_sent);
  CHECK(r.esme->status().counts.uncertain == 1);
  CHECK(r.run_until([&] { return r.smsc.binds.size() == 2; }, 5s));
}

TEST_CASE("enquire_link keeps a quiet link checked") {
  rig r;
  r.settings.enquire_link = 1s;
  r.start();
  REQUIRE(r.bound());
  CHECK(r.run_until([&] { return r.smsc.enquire_links >= 2; }, 4s));
  CHECK(r.esme->state() == bind_state::bound);
  CHECK(r.smsc.binds.size() == 1);

  SECTION("an SMSC that stops answering enquire_link is bound again") {
    r.smsc.answer_enquire_link = false;
    CHECK(r.run_until([&] { return r.smsc.binds.size() == 2; }, 8s));
  }
}

TEST_CASE("the bind answers the SMSC's own requests") {
  rig r;
  r.start();
  REQUIRE(r.bound());

  SECTION("an unknown command gets generic_nack ESME_RINVCMDID") {
    r.smsc.send({0x00000222, status::ok, 77, raw_body{{0x01, 0x02}}});
    REQUIRE(r.run_until([&] { return response_with_sequence(r.smsc, 77) != nullptr; }));
    CHECK(response_with_sequence(r.smsc, 77)->command_id == command::generic_nack);
    CHECK(response_with_sequence(r.smsc, 77)->command_status == status::invalid_command_id);
  }
  SECTION("an undecodable deliver_sm gets generic_nack ESME_RINVCMDLEN and the link stays") {
    // A deliver_sm whose service_type runs to the end without its NULL.
    r.smsc.send_raw(cat({hex("00000014 00000005 00000000 0000004E"), text("CMTX")}));
    REQUIRE(r.run_until([&] { return response_with_sequence(r.smsc, 78) != nullptr; }));
    CHECK(response_with_sequence(r.smsc, 78)->command_id == command::generic_nack);
    CHECK(response_with_sequence(r.smsc, 78)->command_status == status::invalid_command_length);
    CHECK(r.esme->state() == bind_state::bound);
  }
  SECTION("the SMSC's enquire_link is answered") {
    r.smsc.send({command::enquire_link, status::ok, 79, std::monostate{}});
    REQUIRE(r.run_until([&] { return response_with_sequence(r.smsc, 79) != nullptr; }));
    CHECK(response_with_sequence(r.smsc, 79)->command_id == command::enquire_link_resp);
  }
  SECTION("the SMSC's unbind is answered and the bind binds again") {
    r.smsc.send({command::unbind, status::ok, 80, std::monostate{}});
    REQUIRE(r.run_until([&] { return response_with_sequence(r.smsc, 80) != nullptr; }));
    CHECK(response_with_sequence(r.smsc, 80)->command_id == command::unbind_resp);
    CHECK(r.run_until(
        [&] { return r.smsc.binds.size() == 2 && r.esme->state() == bind_state::bound; }, 5s));
  }
  SECTION("a garbled command_length drops the link, which is bound again") {
    r.smsc.send_raw(hex("00000003 00000015 00000000 00000001"));
    CHECK(r.run_until(
        [&] { return r.smsc.binds.size() == 2 && r.esme->state() == bind_state::bound; }, 5s));
  }
}

TEST_CASE("the window is never exceeded") {
  rig r;
  r.smsc.hold_submits = true;
  r.settings.window = 2;
  r.start();
  REQUIRE(r.bound());
  std::vector<result_slot> slots;
  for (int i = 0; i < 6; ++i)
    slots.push_back(r.submit(gsm_part("+6281200000" + std::to_string(i), "x")));
  for (int released = 0; released < 6; ++released) {
    REQUIRE(r.run_until([&] { return r.smsc.held() > 0; }));
    r.run_for(20ms);  // time for a submit beyond the window to show up, if the bind let one through
    CHECK(r.smsc.held() <= 2);
    CHECK(r.esme->status().in_window <= 2);
    r.smsc.answer_held(1);
  }
  REQUIRE(r.run_until([&] { return rig::all_done(slots); }));
  for (const auto& slot : slots) CHECK((*slot)->ok());
  CHECK(r.smsc.max_unanswered == 2);
}

TEST_CASE("the bind's own rate paces submits") {
  rig r;
  r.settings.rate_per_second = 20;
  r.start();
  REQUIRE(r.bound());
  auto started = std::chrono::steady_clock::now();
  std::vector<result_slot> slots;
  for (int i = 0; i < 10; ++i)
    slots.push_back(r.submit(gsm_part("+6281200000" + std::to_string(i), "x")));
  REQUIRE(r.run_until([&] { return rig::all_done(slots); }));
  // 10 parts at 20/s: the tenth leaves 9 intervals of 50 ms after the first.
  CHECK(std::chrono::steady_clock::now() - started >= 440ms);
  CHECK(r.smsc.accepted.size() == 10);
}
