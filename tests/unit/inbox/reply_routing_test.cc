// SPDX-License-Identifier: GPL-3.0-or-later
// Reply routing rules (daemon/inbox/reply_router.h) on a real SQLite file: which inbox a reply
// lands in, what its keyword does, what is answered and forwarded.

#include <catch2/catch.hpp>

#include <chrono>

#include "daemon/inbox/reply_router.h"
#include "daemon/sms_reports/stored_forms.h"
#include "daemon/store_books.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/events.h"
#include "queue/replies.h"
#include "tests/support/temp_dir.h"

using namespace siaran;
using namespace std::chrono_literals;

namespace {

queue::timestamp at_h(long hours) { return queue::timestamp(std::chrono::hours(24 * 365 * 56 + hours)); }

constexpr const char* siti_phone = "+6281200000001";
constexpr const char* ani_phone = "+6281200000002";
constexpr const char* officer_phone = "+6281300000009";
constexpr const char* new_sim = "+6285799999999";

struct inbox_fixture {
  test::temp_dir dir;
  siaran::daemon::store_books store{dir.path() / "siaran.db"};
  queue::contact_book contacts{store.database};
  queue::broadcast_book broadcasts{store.database};
  queue::event_book events{store.database};
  queue::reply_book replies{store.database};
  int wakes = 0;
  daemon::concat_reference_allocator concat_references;
  daemon::inbox::current_keywords keywords{{}};
  daemon::sms_reports::report_intake reports{store.forms, store.sms_reports,
                                             daemon::schedule::time_zone("Asia/Jakarta")};
  daemon::inbox::reply_router router{store.queue, contacts, broadcasts, events, replies, store.verifications,
                                     [this] { ++wakes; },
                                     {"ID", std::chrono::hours(24 * 7), std::chrono::hours(48)}, keywords,
                                     concat_references, reports};
  std::int64_t siti = 0;
  std::int64_t ani = 0;
  std::int64_t forwarding_officer = 0;  // phone and forward_sms
  std::int64_t quiet_officer = 0;       // no phone
  int replies_received = 0;

  inbox_fixture() {
    queue::contact s;
    s.name = "Siti";
    s.phone = siti_phone;
    s.role = "kader";
    s.desa = "Cihampelas";
    queue::contact a;
    a.name = "Ani";
    a.phone = ani_phone;
    contacts.upsert({s, a}, at_h(0));
    siti = contacts.find_by_phone(siti_phone)->id;
    ani = contacts.find_by_phone(ani_phone)->id;
    forwarding_officer =
        contacts.add_officer({0, "Bu Rina", officer_phone, "-- Rina, Pokjanal", true, std::nullopt, std::nullopt}, at_h(0));
    quiet_officer = contacts.add_officer({0, "Pak Dedi", std::nullopt, "-- Dedi", false, std::nullopt, std::nullopt}, at_h(0));
  }

  // A broadcast from `officer` to `contact` whose message went out at `sent_at` (or was refused
  // by the network then, when it `fails`).
  std::int64_t broadcast(std::int64_t officer, std::int64_t contact, queue::timestamp sent_at,
                         std::optional<std::int64_t> event_id = std::nullopt, bool fails = false) {
    queue::new_message m;
    m.recipient = contacts.find(contact)->phone;
    m.text = "Rapat kader besok";
    m.created_at = m.send_at = sent_at;
    m.parts.push_back({"0011000C9126", 24});
    const std::int64_t id = broadcasts.create(
        {officer, "Rapat kader besok", "{}", sent_at, 0, event_id ? "reminder" : "api", event_id, sent_at,
         std::nullopt, std::nullopt, siaran::queue::send_via::modem, std::nullopt},
        {{contact, m}});
    const std::int64_t message_id = *broadcasts.recipients(id).at(0).message_id;
    const auto part = store.queue.claim_part_of(message_id, 1, "m1", sent_at);
    REQUIRE(part);
    if (fails) {
      store.queue.mark_failed_permanent(part->part.id, {"unidentified subscriber", 28}, sent_at);
    } else {
      store.queue.mark_sent(part->part.id, "m1", 7, sent_at);
    }
    return id;
  }

  // The reply stored and routed as the daemon does; its inbox entry.
  queue::inbox_entry reply(const std::string& from, const std::string& text, queue::timestamp at) {
    const std::string pdu = "PDU" + std::to_string(++replies_received);  // another SMS: another centre time
    const std::int64_t id = *store.inbound.record_incoming({"m1", from, text, at, {pdu}, std::nullopt, std::nullopt,
                                                    std::nullopt, true}).message_id;
    router.route(id, at);
    return *replies.find(id);
  }

  // What the router queued (answers and forwards), oldest first.
  std::vector<queue::message_record> queued_to(const std::string& to) {
    std::vector<queue::message_record> found;
    for (auto& m : store.queue.messages_by_state(queue::part_state::queued)) {
      if (m.recipient == to) found.push_back(std::move(m));
    }
    return found;
  }
};

}  // namespace

TEST_CASE("a reply goes to the officer of the most recent broadcast that reached the contact", "[inbox]") {
  inbox_fixture f;
  f.broadcast(f.forwarding_officer, f.siti, at_h(1));
  const std::int64_t latest = f.broadcast(f.quiet_officer, f.siti, at_h(2));
  f.broadcast(f.forwarding_officer, f.ani, at_h(3));

  const auto entry = f.reply("081200000001", "Baik Pak, saya datang", at_h(4));
  CHECK(entry.route.contact_id == f.siti);
  CHECK(entry.route.broadcast_id == latest);
  CHECK(entry.route.officer_id == f.quiet_officer);
  CHECK_FALSE(entry.route.keyword);
  CHECK(entry.contact_name == "Siti");
}

TEST_CASE("a reply after the reply window, or from an unknown number, lands in the general inbox", "[inbox]") {
  inbox_fixture f;
  f.broadcast(f.forwarding_officer, f.siti, at_h(0));

  const auto late = f.reply(siti_phone, "Maaf baru balas", at_h(24 * 8));
  CHECK(late.route.contact_id == f.siti);
  CHECK_FALSE(late.route.broadcast_id);
  CHECK_FALSE(late.route.officer_id);

  const auto stranger = f.reply("+6285799999999", "Ini nomor siapa?", at_h(1));
  CHECK_FALSE(stranger.route.contact_id);
  CHECK_FALSE(stranger.route.officer_id);
  CHECK(f.queued_to("+6285799999999").empty());

  queue::inbox_filter general;
  general.scope = queue::inbox_scope::general;
  CHECK(f.replies.inbox(general).size() == 2);
  queue::inbox_filter officer;
  officer.scope = queue::inbox_scope::officer;
  officer.officer_id = f.forwarding_officer;
  CHECK(f.replies.inbox(officer).empty());
}

TEST_CASE("a reply routed to an officer with forward_sms is forwarded to their phone", "[inbox]") {
  inbox_fixture f;
  f.broadcast(f.forwarding_officer, f.siti, at_h(0));
  f.reply(siti_phone, "Baik Bu, saya datang", at_h(1));

  const auto forwarded = f.queued_to(officer_phone);
  REQUIRE(forwarded.size() == 1);
  CHECK(forwarded[0].text == "Balasan dari Siti (Kader, Desa Cihampelas): Baik Bu, saya datang");
  CHECK(forwarded[0].priority == daemon::inbox::reply_priority);
  CHECK(forwarded[0].report);  // dispatch.delivery_reports: forwards ask for a status report too
  CHECK(f.wakes == 1);
}

TEST_CASE("a cadre's monthly report is stored and answered under its form's code, never forwarded", "[inbox]") {
  inbox_fixture f;
  daemon::sms_reports::add_default_form(f.store.forms, at_h(0));
  auto siti = *f.contacts.find(f.siti);
  siti.posyandu = "Melati";
  f.contacts.update(siti, at_h(0));
  f.broadcast(f.forwarding_officer, f.siti, at_h(0));

  const auto report = f.reply(siti_phone, "SKDN 52 50 45 38", at_h(1));
  CHECK(report.route.keyword == "SKDN");
  CHECK(report.route.officer_id == f.forwarding_officer);
  const auto stored = f.store.sms_reports.list({});
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].posyandu == "Melati");
  CHECK(stored[0].incoming_id == report.message.id);
  const auto answers = f.queued_to(siti_phone);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text.starts_with("Terima kasih, laporan SKDN Posyandu Melati"));
  CHECK(f.queued_to(officer_phone).empty());
}

TEST_CASE("BERHENTI opts the contact out and is confirmed, not forwarded; GABUNG opts back in", "[inbox]") {
  inbox_fixture f;
  f.broadcast(f.forwarding_officer, f.siti, at_h(0));

  const auto stop = f.reply(siti_phone, " berhenti ", at_h(1));
  CHECK(stop.route.keyword == "BERHENTI");
  CHECK(stop.route.officer_id == f.forwarding_officer);
  CHECK(f.contacts.find(f.siti)->opted_out);
  const auto answers = f.queued_to(siti_phone);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text.find("tidak akan menerima SMS dari Pokjanal") != std::string::npos);
  CHECK(answers[0].report);
  CHECK(f.queued_to(officer_phone).empty());

  f.reply(siti_phone, "GABUNG", at_h(2));
  CHECK_FALSE(f.contacts.find(f.siti)->opted_out);
  CHECK(f.queued_to(siti_phone).size() == 2);
}

TEST_CASE("keywords saved in the page take effect with the next reply, and the YAML's come back",
          "[inbox]") {
  inbox_fixture f;
  daemon::inbox::keyword_settings saved;
  saved.lists.stop = {"KELUAR"};
  saved.answers.stop = "Baik, Anda keluar dari daftar SMS Pokjanal.";
  saved.auto_replies = {{"INFO", "Jadwal Posyandu: Selasa pukul 08.00."}};
  f.keywords.use_saved(saved);

  CHECK_FALSE(f.reply(siti_phone, "BERHENTI", at_h(1)).route.keyword);
  CHECK_FALSE(f.contacts.find(f.siti)->opted_out);
  CHECK(f.reply(siti_phone, "keluar", at_h(2)).route.keyword == "KELUAR");
  CHECK(f.contacts.find(f.siti)->opted_out);
  const auto info = f.reply(new_sim, "Info posyandu", at_h(3));
  CHECK(info.route.keyword == "INFO");
  CHECK_FALSE(info.route.contact_id);
  REQUIRE(f.queued_to(siti_phone).size() == 1);
  CHECK(f.queued_to(siti_phone)[0].text == "Baik, Anda keluar dari daftar SMS Pokjanal.");
  REQUIRE(f.queued_to(new_sim).size() == 1);
  CHECK(f.queued_to(new_sim)[0].text == "Jadwal Posyandu: Selasa pukul 08.00.");

  f.keywords.use_yaml();
  CHECK_FALSE(f.reply(new_sim, "INFO", at_h(4)).route.keyword);
  CHECK(f.reply(siti_phone, "GABUNG", at_h(5)).route.keyword == "GABUNG");
}

TEST_CASE("an auto reply to a contact is answered and kept in their officer's inbox, not forwarded",
          "[inbox]") {
  inbox_fixture f;
  daemon::inbox::keyword_settings saved;
  saved.auto_replies = {{"JADWAL", "Posyandu Mawar: Selasa."}};
  f.keywords.use_saved(saved);
  f.broadcast(f.forwarding_officer, f.siti, at_h(0));

  const auto entry = f.reply(siti_phone, "jadwal", at_h(1));
  CHECK(entry.route.keyword == "JADWAL");
  CHECK(entry.route.officer_id == f.forwarding_officer);
  REQUIRE(f.queued_to(siti_phone).size() == 1);
  CHECK(f.queued_to(officer_phone).empty());
}

TEST_CASE("STOP from an unknown number is answered politely and changes nothing", "[inbox]") {
  inbox_fixture f;
  const auto entry = f.reply("+6285799999999", "STOP", at_h(1));
  CHECK(entry.route.keyword == "STOP");
  const auto answers = f.queued_to("+6285799999999");
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text.find("tidak terdaftar") != std::string::npos);
}

TEST_CASE("GANTI with a number makes a pending change; without one it is answered with an example", "[inbox]") {
  inbox_fixture f;
  const auto entry = f.reply(siti_phone, "ganti 0812-7777-6666", at_h(1));
  CHECK(entry.route.keyword == "GANTI");
  const auto pending = f.replies.number_changes(queue::change_state::pending);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].contact_id == f.siti);
  CHECK(pending[0].contact_name == "Siti");
  CHECK(f.replies.find_number_change(pending[0].id)->contact_name == "Siti");
  CHECK(pending[0].old_phone == siti_phone);
  CHECK(pending[0].new_phone == "+6281277776666");
  CHECK(pending[0].incoming_id == entry.message.id);
  CHECK(f.contacts.find(f.siti)->phone == siti_phone);

  f.reply(ani_phone, "GANTI nomor baru", at_h(2));
  CHECK(f.replies.number_changes(queue::change_state::pending).size() == 1);
  const auto answers = f.queued_to(ani_phone);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text.find("GANTI 0812") != std::string::npos);
}

TEST_CASE("GANTI from a new SIM naming the old number makes a pending change with the evidence", "[inbox]") {
  inbox_fixture f;
  f.broadcast(f.forwarding_officer, f.siti, at_h(0));
  f.broadcast(f.forwarding_officer, f.siti, at_h(1), std::nullopt, true);
  const auto entry = f.reply(new_sim, "GANTI 0812-0000-0001", at_h(2));
  CHECK(entry.route.keyword == "GANTI");
  CHECK_FALSE(entry.route.contact_id);
  const auto pending = f.replies.number_changes(queue::change_state::pending);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].from_new_sim);
  CHECK(pending[0].contact_id == f.siti);
  CHECK(pending[0].contact_name == "Siti");
  CHECK(pending[0].old_phone == siti_phone);
  CHECK(pending[0].new_phone == new_sim);
  CHECK(pending[0].message == "GANTI 0812-0000-0001");
  CHECK(pending[0].received_at == at_h(2));
  CHECK(pending[0].evidence.messages == 2);
  CHECK(pending[0].evidence.failed == 1);
  CHECK(f.contacts.find(f.siti)->phone == siti_phone);
  const auto answers = f.queued_to(new_sim);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text.find("menunggu pemeriksaan sekretariat") != std::string::npos);
}

TEST_CASE("GANTI from a new SIM naming the cadre matches one contact, or leaves several or none to the officer",
          "[inbox]") {
  inbox_fixture f;
  queue::contact namesake;
  namesake.name = "Siti Rahma";
  namesake.phone = "+6281200000003";
  f.contacts.upsert({namesake}, at_h(0));

  f.reply(new_sim, "ganti ani", at_h(1));
  f.reply("+6285711111111", "GANTI: Siti.", at_h(2));
  const auto budi = f.reply("+6285722222222", "GANTI Budi", at_h(3));
  const auto pending = f.replies.number_changes(queue::change_state::pending);
  REQUIRE(pending.size() == 3);
  CHECK(pending[0].contact_id == f.ani);
  CHECK(pending[0].old_phone == std::nullopt);
  CHECK(pending[0].asked_name == "ani");
  CHECK_FALSE(pending[1].contact_id);
  CHECK(pending[1].asked_name == "Siti");
  CHECK_FALSE(pending[2].contact_id);

  // The officer chooses: the change then names the contact and its old number, and the GANTI
  // shows under the contact.
  REQUIRE(f.replies.decide_number_change(pending[2].id, queue::change_state::approved, at_h(4),
                                        queue::chosen_contact{f.siti, siti_phone}));
  const auto decided = f.replies.find_number_change(pending[2].id);
  CHECK(decided->contact_id == f.siti);
  CHECK(decided->old_phone == siti_phone);
  CHECK(f.replies.find(budi.message.id)->route.contact_id == f.siti);
}

TEST_CASE("GANTI from an unknown number without a number or a name is told how to write it", "[inbox]") {
  inbox_fixture f;
  f.reply(new_sim, "GANTI", at_h(1));
  CHECK(f.replies.number_changes(std::nullopt).empty());
  const auto answers = f.queued_to(new_sim);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text.find("GANTI diikuti nomor lama atau nama") != std::string::npos);
}

TEST_CASE("HADIR to a meeting reminder is an RSVP; to an ordinary broadcast it is just a reply", "[inbox]") {
  inbox_fixture f;
  const std::int64_t event = f.events.create_event(
      {"Rapat kader", at_h(30), "Balai desa", "{}", "Rapat {acara}", f.forwarding_officer, "[\"-1d@08:00\"]", at_h(0)});
  f.broadcast(f.forwarding_officer, f.siti, at_h(1), event);
  const auto rsvp = f.reply(siti_phone, "HADIR", at_h(2));
  CHECK(rsvp.route.keyword == "HADIR");
  CHECK(f.events.tally(event).attending == 1);
  CHECK(f.queued_to(siti_phone).at(0).text == "Terima kasih, kehadiran Anda tercatat.");
  CHECK(f.queued_to(officer_phone).empty());

  f.broadcast(f.forwarding_officer, f.ani, at_h(1));
  const auto plain = f.reply(ani_phone, "Ya", at_h(2));
  CHECK_FALSE(plain.route.keyword);
  CHECK(f.queued_to(ani_phone).empty());
  CHECK(f.queued_to(officer_phone).size() == 1);
}

namespace {

// A "cek nomor" campaign over a broadcast to `contact` sent at `sent_at`, open until `ends_at`.
std::int64_t number_check(inbox_fixture& f, std::int64_t contact, queue::timestamp sent_at,
                          queue::timestamp ends_at) {
  const std::int64_t broadcast = f.broadcast(f.forwarding_officer, contact, sent_at);
  return f.store.verifications.create({broadcast, f.forwarding_officer, sent_at, ends_at});
}

}  // namespace

TEST_CASE("YA to a cek nomor confirms the number and is thanked, not taken as attending",
          "[inbox][verify]") {
  inbox_fixture f;
  const std::int64_t event =
      f.events.create_event({"Rapat kader", at_h(30), "Balai desa", "{}", "Rapat {acara}",
                             f.forwarding_officer, "[\"-1d@08:00\"]", at_h(0)});
  f.broadcast(f.forwarding_officer, f.siti, at_h(0), event);
  const std::int64_t campaign = number_check(f, f.siti, at_h(1), at_h(49));
  const auto entry = f.reply(siti_phone, "ya", at_h(2));
  CHECK(entry.route.keyword == "YA");
  CHECK(f.events.tally(event).attending == 0);
  CHECK(f.contacts.find(f.siti)->confirmed_at == at_h(2));
  CHECK(f.store.verifications.find(campaign)->outcomes.at("confirmed") == 1);
  const auto answers = f.queued_to(siti_phone);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].text == "Terima kasih, nomor Anda sudah kami catat masih aktif di Pokjanal.");
  CHECK(f.queued_to(officer_phone).empty());  // a bare keyword the system answered
}

TEST_CASE("any later reply of a contact confirms the number and clears its mark; a GANTI does not",
          "[inbox][verify]") {
  inbox_fixture f;
  const std::int64_t campaign = number_check(f, f.siti, at_h(1), at_h(2));
  f.store.verifications.close(campaign, {{f.siti, "no_answer"}}, at_h(2));
  CHECK(f.contacts.find(f.siti)->verify == "no_answer");

  f.reply(siti_phone, "GANTI 081277776666", at_h(3));
  CHECK(f.contacts.find(f.siti)->verify == "no_answer");
  CHECK_FALSE(f.contacts.find(f.siti)->confirmed_at);

  f.reply(siti_phone, "Maaf baru baca, ya ini Siti",
          at_h(4));  // after the window: no campaign answer
  CHECK_FALSE(f.contacts.find(f.siti)->verify);
  CHECK(f.contacts.find(f.siti)->confirmed_at == at_h(4));
  CHECK(f.store.verifications.find(campaign)->outcomes.at("no_answer") == 1);
  CHECK(f.store.verifications.find(campaign)->outcomes.count("confirmed") == 0);
}

TEST_CASE("a campaign's close counts and spares every number confirmed since it began", "[inbox][verify]") {
  inbox_fixture f;
  const std::int64_t campaign = number_check(f, f.siti, at_h(1), at_h(10));
  f.reply(siti_phone, "YA", at_h(2));
  f.broadcast(f.quiet_officer, f.ani, at_h(3));  // Ani's answer goes to this later broadcast
  f.reply(ani_phone, "Ya, nomor saya masih ini", at_h(4));
  f.store.verifications.close(campaign, {{f.siti, "no_answer"}, {f.ani, "no_answer"}}, at_h(10));
  CHECK_FALSE(f.contacts.find(f.siti)->verify);
  CHECK_FALSE(f.contacts.find(f.ani)->verify);
  const auto closed = f.store.verifications.find(campaign);
  CHECK(closed->closed_at == at_h(10));
  CHECK(closed->outcomes.at("confirmed") == 2);
  CHECK(closed->outcomes.count("no_answer") == 0);
}

TEST_CASE("a new number for the contact clears its confirmation and its mark", "[inbox][verify]") {
  inbox_fixture f;
  f.reply(siti_phone, "Baik", at_h(1));
  const std::int64_t campaign = number_check(f, f.ani, at_h(1), at_h(2));
  f.store.verifications.close(campaign, {{f.ani, "failed"}}, at_h(2));
  auto siti = *f.contacts.find(f.siti);
  auto ani = *f.contacts.find(f.ani);
  REQUIRE(siti.confirmed_at);
  REQUIRE(ani.verify);
  siti.phone = "+6281299990001";
  ani.phone = "+6281299990002";
  f.contacts.update(siti, at_h(3));
  f.contacts.update(ani, at_h(3));
  CHECK_FALSE(f.contacts.find(f.siti)->confirmed_at);
  CHECK_FALSE(f.contacts.find(f.ani)->verify);
}
