// SPDX-License-Identifier: GPL-3.0-or-later
// A broadcast queued in steps (broadcast_book::begin): invisible and never due before it is
// finished, due once released, and settled at the next start after a process died part-way.
#include <catch2/catch.hpp>
#include <string>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

constexpr int recipients = 5;

std::string phone_of(int i) { return "+62812000000" + std::to_string(10 + i); }

struct fixture {
  temp_dir dir;
  std::filesystem::path file = dir.path() / "siaran.db";
  std::optional<store_books> s{std::in_place, file};
  std::vector<broadcast_message> messages;

  fixture() {
    contact_book& contacts = s->contacts;
    std::vector<contact> people;
    for (int i = 1; i <= recipients; ++i) {
      contact c;
      c.name = "Kader " + std::to_string(i);
      c.phone = phone_of(i);
      people.push_back(std::move(c));
    }
    contacts.upsert(people, at_s(0));
    for (int i = 1; i <= recipients; ++i) {
      messages.push_back({contacts.find_by_phone(phone_of(i))->id, message_to(phone_of(i), 0, 0, 2)});
    }
  }

  static new_broadcast broadcast() {
    new_broadcast b;
    b.template_text = "Halo {nama}";
    b.audience_json = "{}";
    b.send_at = at_s(0);
    b.created_at = at_s(0);
    return b;
  }

  // Queued one message per step (a zero budget), left preparing.
  std::int64_t begun(broadcast_book& book) {
    const std::int64_t id = book.begin(broadcast()).id;
    for (std::span<const broadcast_message> rest(messages); !rest.empty();) {
      const std::size_t added = book.add(id, rest, std::chrono::milliseconds(0));
      REQUIRE(added == 1);
      rest = rest.subspan(added);
    }
    return id;
  }

  std::size_t due() { return s->queue.due_parts(at_s(10), 100).size(); }

  void restart() {
    s.reset();
    s.emplace(file);
  }
};

}  // namespace

TEST_CASE("a broadcast queued in steps is not shown and not due before it is finished, then due as released",
          "[queue][broadcast]") {
  fixture f;
  broadcast_book& book = f.s->broadcasts;
  const std::int64_t id = f.begun(book);
  CHECK_FALSE(book.progress(id, at_s(1)));
  CHECK(book.list(at_s(1)).empty());
  CHECK(f.due() == 0);

  book.finish(id);
  const auto shown = book.progress(id, at_s(1));
  REQUIRE(shown);
  CHECK(shown->recipients == recipients);
  CHECK(shown->queued == recipients);
  CHECK(book.list(at_s(1)).size() == 1);
  CHECK(f.due() == 0);

  CHECK(book.release_held(id, 4) == 4);
  CHECK(f.due() == 4);
  CHECK(book.release_held(id, 100) == 2 * recipients - 4);
  CHECK(f.due() == 2 * recipients);
  CHECK(book.release_held(id, 100) == 0);
}

TEST_CASE("a broadcast discarded part-way leaves no message behind", "[queue][broadcast]") {
  fixture f;
  broadcast_book& book = f.s->broadcasts;
  const std::int64_t id = f.begun(book);
  book.discard(id);
  CHECK(f.s->statistics.queue_depth() == 0);
  CHECK_THROWS_AS(book.finish(id), store_error);
  CHECK(f.due() == 0);
}

TEST_CASE("at the next start a broadcast still preparing is deleted and a finished one's held parts are released",
          "[queue][broadcast]") {
  fixture f;
  std::int64_t unfinished = 0;
  std::int64_t finished = 0;
  {
    broadcast_book& book = f.s->broadcasts;
    unfinished = f.begun(book);
    finished = f.begun(book);
    book.finish(finished);
    CHECK(book.release_held(finished, 3) == 3);
  }
  f.restart();
  broadcast_book& book = f.s->broadcasts;
  CHECK(book.settle_unfinished() == 1);
  CHECK_FALSE(book.progress(unfinished, at_s(1)));
  CHECK(book.progress(finished, at_s(1))->recipients == recipients);
  CHECK(f.s->statistics.queue_depth() == 2 * recipients);
  CHECK(f.due() == 2 * recipients);
  CHECK(book.settle_unfinished() == 0);
}

TEST_CASE("a client_ref begins one broadcast per officer, and is free again once that one is discarded",
          "[queue][broadcast]") {
  fixture f;
  broadcast_book& book = f.s->broadcasts;
  new_broadcast b = fixture::broadcast();
  b.client_ref = "kirim-1";
  const begun_broadcast first = book.begin(b);
  CHECK_FALSE(first.repeated);
  const begun_broadcast while_preparing = book.begin(b);
  CHECK(while_preparing.id == first.id);
  CHECK(while_preparing.repeated);
  CHECK(while_preparing.preparing);
  book.finish(first.id);
  const begun_broadcast finished = book.begin(b);
  CHECK(finished.id == first.id);
  CHECK(finished.repeated);
  CHECK_FALSE(finished.preparing);
  CHECK(book.earlier(std::nullopt, "kirim-1")->id == first.id);
  CHECK_FALSE(book.earlier(std::nullopt, "kirim-2"));

  officer rina;
  rina.name = "Bu Rina";
  b.officer_id = f.s->contacts.add_officer(rina, at_s(0));
  const begun_broadcast officers = book.begin(b);
  CHECK_FALSE(officers.repeated);
  CHECK(officers.id != first.id);
  CHECK_FALSE(book.earlier(std::nullopt, "kirim-1")->id == officers.id);

  b.client_ref = "kirim-2";
  const std::int64_t discarded = book.begin(b).id;
  book.discard(discarded);
  CHECK_FALSE(book.earlier(b.officer_id, b.client_ref));
  CHECK_FALSE(book.begin(b).repeated);

  b.client_ref.reset();
  CHECK(book.begin(b).id != book.begin(b).id);
}
