// Replies from cadres: an SMS injected into a simulated modem shows in GET /api/v1/inbox.

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

  int from_sender = 0;
  const json inbox = d.get("/api/v1/inbox");
  for (const json& entry : inbox) from_sender += entry.at("from") == m.at("from");
  CHECK(from_sender == 1);
}
