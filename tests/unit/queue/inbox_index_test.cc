// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox's filters over 100,000 incoming messages read the index each has (schema step 20:
// incoming_keyword, incoming_officer, incoming_contact, incoming_broadcast), never every message:
// the plan SQLite chooses for reply_book::inbox's statement says so, and the statement finds them.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "queue/connection.h"
#include "queue/database.h"
#include "queue/inbox_query.h"
#include "queue/replies.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using siaran::test::temp_dir;

namespace {

constexpr int messages = 100000;

// 500 cadres in 10 kecamatan and 100 desa, 3 officers, and 100,000 messages from them: one in a
// thousand a HADIR, one in ten thousand an answer to broadcast 1.
void fill(connection& db) {
  db.exec(
      "INSERT INTO officers (id, name, created_at) VALUES (1, 'A', 0), (2, 'B', 0), (3, 'C', 0)",
      "officers");
  db.exec(
      "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 500) "
      "INSERT INTO contacts (id, name, phone, phone_key, kecamatan, desa, created_at, updated_at) "
      "SELECT k, 'Kader ' || k, '+62812' || printf('%08d', k), printf('%08d', k), 'Kecamatan ' || "
      "(k % 10), "
      "'Desa ' || (k % 100), 0, 0 FROM n",
      "contacts");
  db.exec(
      "INSERT INTO broadcasts (id, template, audience, send_at, created_at) VALUES (1, 't', '{}', "
      "0, 0)",
      "a broadcast");
  db.exec(
      "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 100000) "
      "INSERT INTO incoming (modem, sender, text, received_at, raw_pdus, contact_id, officer_id, "
      "keyword, "
      "broadcast_id) SELECT 'm1', '+62812' || printf('%08d', k % 500 + 1), 'pesan ' || k, k * "
      "1000, '', "
      "k % 500 + 1, k % 3 + 1, CASE WHEN k % 1000 = 0 THEN 'HADIR' END, "
      "CASE WHEN k % 10000 = 0 THEN 1 END FROM n",
      "incoming");
}

// The plan's lines for the statement of `filter`.
std::vector<std::string> plan_of(connection& db, const inbox_filter& filter) {
  const inbox_list list(filter);
  statement q(db, "EXPLAIN QUERY PLAN " + list.sql());
  step_scope scope(q);
  list.bind(q);
  std::vector<std::string> lines;
  while (q.step()) lines.push_back(q.text(3));
  return lines;
}

// Whether the plan reads every incoming message (a scan of `i` without an index).
bool scans_every_message(const std::vector<std::string>& plan) {
  for (const std::string& line : plan) {
    if (line.starts_with("SCAN i") && line.find("INDEX") == std::string::npos) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& plan) {
  std::string text;
  for (const std::string& line : plan) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("each inbox filter over 100,000 messages reads its index, newest first and oldest first",
          "[queue][inbox]") {
  temp_dir dir;
  database db(dir.path() / "siaran.db");
  fill(db.sql());
  reply_book replies(db);

  struct named_filter {
    const char* name;
    inbox_filter filter;
    std::size_t expected;
  };
  std::vector<named_filter> filters(5);
  filters[0] = {"keyword", {}, messages / 1000};
  filters[0].filter.keyword = "HADIR";
  filters[1] = {"officer", {}, messages / 3};
  filters[1].filter.scope = inbox_scope::officer;
  filters[1].filter.officer_id = 1;
  filters[2] = {"desa", {}, messages / 100};
  filters[2].filter.desa = "desa 7";
  filters[3] = {"kecamatan", {}, messages / 10};
  filters[3].filter.kecamatan = "Kecamatan 3";
  filters[4] = {"broadcast", {}, messages / 10000};
  filters[4].filter.broadcast_id = 1;
  for (auto& [name, filter, expected] : filters) {
    filter.limit = 1000000;
    for (const bool newest_first : {true, false}) {
      filter.newest_first = newest_first;
      const auto plan = plan_of(db.sql(), filter);
      INFO(name << (newest_first ? ", newest first" : ", oldest first") << ":\n" << joined(plan));
      CHECK_FALSE(scans_every_message(plan));
      CHECK(replies.inbox(filter).size() == expected);
    }
  }
}
