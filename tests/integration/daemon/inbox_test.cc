// SPDX-License-Identifier: GPL-3.0-or-later
// Replies from cadres: an SMS injected into a simulated modem shows in GET /api/v1/inbox, once.

#include <catch2/catch.hpp>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// The inbox entry from `from`, once there is one.
json inbox_entry_from(daemon_fixture& d, const std::string& from) {
  const json inbox = d.wait_for(
      "/api/v1/inbox",
      [&](const json& body) {
        for (const json& m : body) {
          if (m.at("from") == from) return true;
        }
        return false;
      },
      "a message from " + from + " in the inbox");
  for (const json& m : inbox) {
    if (m.at("from") == from) return m;
  }
  return nullptr;
}

// How many inbox entries came from `from`.
int inbox_count_from(daemon_fixture& d, const std::string& from) {
  int count = 0;
  for (const json& entry : d.get("/api/v1/inbox")) count += entry.at("from") == from;
  return count;
}

// The sim's state (its "state" control) once `done(state)`; the test fails naming `what` when
// it does not come within 20 s.
json sim_state_when(daemon_fixture& d, std::size_t sim, const std::function<bool(const json&)>& done,
                    std::string_view what) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  for (;;) {
    json state = d.sim(sim).control({{"state", true}}).at("state");
    if (done(state)) return state;
    if (std::chrono::steady_clock::now() > deadline) d.fail(std::string(what) + "; the sim is at " + state.dump());
    d.pass_time(50ms);
  }
}

// `text` from `from` arrives while the sim refuses the first AT+CMGD of each of its parts; the
// next start-up reads the SIM again and deletes them. Returns how many inbox entries came from `from`.
int deliver_with_failed_deletes(daemon_fixture& d, const std::string& from, const std::string& text, int parts) {
  d.sim(0).control({{"fail_deletes", {{"count", parts}}}});
  d.sim(0).control({{"inject", {{"from", from}, {"text", text}}}});
  inbox_entry_from(d, from);
  sim_state_when(d, 0, [](const json& s) { return s.at("failing_deletes") == 0; },
                 "the sim refusing siarand's AT+CMGD");
  // Still on the SIM, unless the storage scan at start-up had read it too and deleted it then,
  // as a duplicate: either way a read after the refused delete meets what is stored already.
  d.kill_and_restart(true);
  sim_state_when(d, 0, [](const json& s) { return s.at("stored") == 0; }, "siarand deleting the message again");
  return inbox_count_from(d, from);
}

}  // namespace

TEST_CASE("an SMS arriving on a modem shows in the inbox with its E.164 sender and text", "[daemon][inbox]") {
  daemon_fixture d;
  d.sim(0).control({{"inject", {{"from", "+6281234567894"}, {"text", "HADIR, terima kasih Bu"}}}});

  const json m = inbox_entry_from(d, "+6281234567894");
  CHECK(m.at("text") == "HADIR, terima kasih Bu");
  CHECK(m.at("modem") == "m1");
  CHECK(m.at("parts") == 1);
  CHECK(m.at("complete") == true);
  CHECK(m.at("decode_error").is_null());
}

TEST_CASE("a long SMS arriving in parts shows in the inbox as one message", "[daemon][inbox][multipart]") {
  daemon_fixture d;
  std::string text;
  while (text.size() < 250) text += "Bu, posyandu kami sudah menimbang dua puluh balita hari ini. ";
  text.resize(250);
  d.sim(0).control({{"inject", {{"from", "+6281234567895"}, {"text", text}}}});

  const json m = inbox_entry_from(d, "+6281234567895");
  CHECK(m.at("text") == text);
  CHECK(m.at("parts").get<int>() > 1);
  CHECK(m.at("complete") == true);

  CHECK(inbox_count_from(d, "+6281234567895") == 1);
}

TEST_CASE("an SMS whose delete failed is deleted when read again and stays one inbox entry",
          "[daemon][inbox][duplicates]") {
  daemon_fixture d;
  CHECK(deliver_with_failed_deletes(d, "+6281234567896", "HADIR", 1) == 1);
}

TEST_CASE("a long SMS whose parts' deletes failed is deleted when read again and stays one inbox entry",
          "[daemon][inbox][duplicates][multipart]") {
  daemon_fixture d;
  std::string text;
  while (text.size() < 250) text += "Bu, posyandu kami sudah menimbang dua puluh balita hari ini. ";
  text.resize(250);
  CHECK(deliver_with_failed_deletes(d, "+6281234567897", text, 2) == 1);
}
