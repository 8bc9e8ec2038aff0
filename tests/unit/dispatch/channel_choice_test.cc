// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/channel_choice.h"

#include <catch2/catch.hpp>

using siaran::daemon::assignment;
using siaran::daemon::candidate;
using siaran::daemon::choose_channels;
using siaran::daemon::channel_slot;
using siaran::daemon::sticky_modems;

namespace {

const std::string telkomsel_number = "+628121234567";
const std::string indosat_number = "+628561234567";
const std::string tri_number = "+628961234567";

channel_slot slot(std::string id, std::string operator_name, bool is_idle, bool healthy) {
  channel_slot s;
  s.id = std::move(id);
  s.operator_name = std::move(operator_name);
  s.idle = is_idle;
  s.healthy = healthy;
  return s;
}
channel_slot idle(std::string id, std::string operator_name = {}) { return slot(std::move(id), std::move(operator_name), true, true); }
channel_slot busy(std::string id, std::string operator_name = {}) {
  return slot(std::move(id), std::move(operator_name), false, true);
}
channel_slot down(std::string id, std::string operator_name = {}) {
  return slot(std::move(id), std::move(operator_name), false, false);
}
// An SMPP bind registered for POKJANAL, bound, that can take `room` parts now.
channel_slot bind(std::string id, std::size_t room, bool bound = true) {
  channel_slot s = slot(std::move(id), "", room > 0, bound);
  s.bind = true;
  s.room = room;
  s.senders = {"POKJANAL"};
  return s;
}

candidate part(std::int64_t id, std::string recipient, std::optional<std::string> pinned = {}) {
  candidate c;
  c.part_id = id;
  c.recipient = std::move(recipient);
  c.pinned_modem = std::move(pinned);
  return c;
}
candidate masked(std::int64_t id, siaran::queue::send_via via, std::string sender = "POKJANAL") {
  candidate c = part(id, tri_number);
  c.via = via;
  c.sender = std::move(sender);
  return c;
}

// Assignments as (part id, modem id): failures then read as parts and modems, not indexes.
using pairs = std::vector<std::pair<std::int64_t, std::string>>;

pairs chosen(const std::vector<candidate>& candidates, const std::vector<channel_slot>& modems,
             const sticky_modems& sticky = {}, std::size_t max_assignments = 100,
             std::size_t start = 0, bool auto_prefers_modems = false) {
  pairs result;
  for (const assignment& a :
       choose_channels(candidates, modems, sticky, max_assignments, start, auto_prefers_modems)) {
    result.emplace_back(candidates.at(a.candidate).part_id, modems.at(a.modem).id);
  }
  return result;
}

}  // namespace

TEST_CASE("candidates are served in claim order, so priority is kept", "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{part(1, tri_number), part(2, tri_number),
                                          part(3, tri_number)};
  CHECK(chosen(candidates, {idle("m1")}) == pairs{{1, "m1"}});
  CHECK(chosen(candidates, {idle("m1"), idle("m2")}) == pairs{{1, "m1"}, {2, "m2"}});
}

TEST_CASE("a candidate waiting for its busy modem lets the next one go",
          "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{part(1, tri_number, "m1"), part(2, indosat_number)};
  CHECK(chosen(candidates, {busy("m1"), idle("m2")}) == pairs{{2, "m2"}});
}

TEST_CASE("a pinned part goes only to its modem", "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{part(1, tri_number, "m2")};
  CHECK(chosen(candidates, {idle("m1"), idle("m2")}) == pairs{{1, "m2"}});
  CHECK(chosen(candidates, {idle("m1"), busy("m2")}).empty());
}

TEST_CASE("a part pinned to an unhealthy or unknown modem goes anywhere",
          "[dispatch][channel_choice]") {
  CHECK(chosen({part(1, tri_number, "m2")}, {idle("m1"), down("m2")}) == pairs{{1, "m1"}});
  CHECK(chosen({part(1, tri_number, "gone")}, {idle("m1")}) == pairs{{1, "m1"}});
}

TEST_CASE("a pin outranks the recipient's sticky modem", "[dispatch][channel_choice]") {
  const sticky_modems sticky{{tri_number, "m1"}};
  CHECK(chosen({part(1, tri_number, "m2")}, {idle("m1"), idle("m2")}, sticky) == pairs{{1, "m2"}});
}

TEST_CASE("a recipient waits for its sticky modem while it is busy", "[dispatch][channel_choice]") {
  const sticky_modems sticky{{telkomsel_number, "m2"}};
  CHECK(chosen({part(1, telkomsel_number)}, {idle("m1", "telkomsel"), busy("m2")}, sticky).empty());
}

TEST_CASE("a recipient's idle sticky modem wins over an on-net one", "[dispatch][channel_choice]") {
  const sticky_modems sticky{{telkomsel_number, "m2"}};
  CHECK(chosen({part(1, telkomsel_number)}, {idle("m1", "telkomsel"), idle("m2", "indosat")},
               sticky) == pairs{{1, "m2"}});
}

TEST_CASE("a recipient whose sticky modem is unhealthy or gone moves on",
          "[dispatch][channel_choice]") {
  CHECK(chosen({part(1, tri_number)}, {idle("m1"), down("m2")}, {{tri_number, "m2"}}) ==
        pairs{{1, "m1"}});
  CHECK(chosen({part(1, tri_number)}, {idle("m1")}, {{tri_number, "gone"}}) == pairs{{1, "m1"}});
}

TEST_CASE("an idle on-net modem is preferred", "[dispatch][channel_choice]") {
  const std::vector<channel_slot> modems{idle("m1", "indosat"), idle("m2", "telkomsel"),
                                       idle("m3", "axis")};
  CHECK(chosen({part(1, telkomsel_number)}, modems) == pairs{{1, "m2"}});
  CHECK(chosen({part(1, "+628171234567")}, modems) == pairs{{1, "m3"}});  // XL to an Axis SIM
  CHECK(chosen({part(1, telkomsel_number), part(2, indosat_number)}, modems) ==
        pairs{{1, "m2"}, {2, "m1"}});
}

TEST_CASE("without an idle on-net modem any idle modem sends", "[dispatch][channel_choice]") {
  CHECK(chosen({part(1, tri_number)}, {idle("m1", "indosat"), busy("m2", "tri")}) ==
        pairs{{1, "m1"}});
  CHECK(chosen({part(1, "+6591234567")}, {idle("m1", "telkomsel")}) == pairs{{1, "m1"}});
}

TEST_CASE("no more than max_assignments parts are assigned", "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{part(1, tri_number), part(2, tri_number),
                                          part(3, tri_number)};
  const std::vector<channel_slot> modems{idle("m1"), idle("m2"), idle("m3")};
  CHECK(chosen(candidates, modems, {}, 2) == pairs{{1, "m1"}, {2, "m2"}});
  CHECK(chosen(candidates, modems, {}, 0).empty());
}

TEST_CASE("each modem takes at most one part per round", "[dispatch][channel_choice]") {
  const std::vector<candidate> pinned{part(1, tri_number, "m1"), part(2, tri_number, "m1")};
  CHECK(chosen(pinned, {idle("m1"), idle("m2")}) == pairs{{1, "m1"}});
  const std::vector<candidate> on_net{part(1, telkomsel_number), part(2, telkomsel_number),
                                      part(3, telkomsel_number)};
  CHECK(chosen(on_net, {idle("m1", "telkomsel"), idle("m2")}) == pairs{{1, "m1"}, {2, "m2"}});
}

TEST_CASE("advancing start spreads single parts over the modems", "[dispatch][channel_choice]") {
  const std::vector<channel_slot> modems{idle("m1"), idle("m2"), idle("m3")};
  std::vector<std::string> used;
  for (std::size_t start = 0; start < 4; ++start) {
    const auto this_round = chosen({part(1, tri_number)}, modems, {}, 1, start);
    REQUIRE(this_round.size() == 1);
    used.push_back(this_round[0].second);
  }
  CHECK(used == std::vector<std::string>{"m1", "m2", "m3", "m1"});
}

TEST_CASE("the search from start wraps past the last modem", "[dispatch][channel_choice]") {
  const std::vector<channel_slot> modems{idle("m1"), busy("m2"), busy("m3")};
  CHECK(chosen({part(1, tri_number)}, modems, {}, 1, 2) == pairs{{1, "m1"}});
  CHECK(chosen({part(1, tri_number)}, modems, {}, 1, 7) == pairs{{1, "m1"}});
}

TEST_CASE("with no idle modem nothing is assigned", "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{part(1, tri_number), part(2, telkomsel_number)};
  CHECK(chosen(candidates, {busy("m1"), down("m2")}).empty());
  CHECK(chosen(candidates, {}).empty());
}

namespace {

candidate avoiding(std::int64_t id, std::string recipient, std::string avoided) {
  candidate c = part(id, std::move(recipient));
  c.avoid_modem = std::move(avoided);
  return c;
}

}  // namespace

TEST_CASE("a part sent again avoids the modem that did not reach its recipient, and that modem's network",
          "[dispatch][channel_choice]") {
  const std::vector<channel_slot> modems = {idle("m1", "telkomsel"), idle("m2", "telkomsel"), idle("m3", "indosat")};
  CHECK(chosen({avoiding(1, telkomsel_number, "m1")}, modems) == pairs{{1, "m3"}});
  // Its sticky modem is the avoided one: it gives way.
  CHECK(chosen({avoiding(1, telkomsel_number, "m1")}, modems, {{telkomsel_number, "m1"}}) == pairs{{1, "m3"}});
  // Without another network, another modem of the same one.
  CHECK(chosen({avoiding(1, telkomsel_number, "m1")}, {idle("m1", "telkomsel"), idle("m2", "telkomsel")}) ==
        pairs{{1, "m2"}});
}

TEST_CASE("a part sent again waits for another modem while one is healthy, and takes the avoided one when alone",
          "[dispatch][channel_choice]") {
  CHECK(chosen({avoiding(1, telkomsel_number, "m1")}, {idle("m1"), busy("m2")}).empty());
  CHECK(chosen({avoiding(1, telkomsel_number, "m1")}, {idle("m1"), down("m2")}) == pairs{{1, "m1"}});
  CHECK(chosen({avoiding(1, telkomsel_number, "m1")}, {idle("m1")}) == pairs{{1, "m1"}});
}

using siaran::queue::send_via;

TEST_CASE("a bind takes as many parts as it has room for, only those that may go by SMPP",
          "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{masked(1, send_via::smpp), part(2, tri_number), masked(3, send_via::smpp),
                                          masked(4, send_via::smpp)};
  CHECK(chosen(candidates, {idle("m1"), bind("s1", 2)}) == pairs{{1, "s1"}, {2, "m1"}, {3, "s1"}});
  // No room: the masked parts wait, a modem never takes them.
  CHECK(chosen(candidates, {idle("m1"), bind("s1", 0)}) == pairs{{2, "m1"}});
}

TEST_CASE("a part from a name goes only to a bind registered for it", "[dispatch][channel_choice]") {
  CHECK(chosen({masked(1, send_via::smpp, "OTHER")}, {bind("s1", 5)}).empty());
  channel_slot other = bind("s2", 5);
  other.senders = {"OTHER"};
  CHECK(chosen({masked(1, send_via::smpp, "OTHER")}, {bind("s1", 5), other}) == pairs{{1, "s2"}});
}

TEST_CASE("auto goes by a bind while one is up, by modem when none is, or the reverse",
          "[dispatch][channel_choice]") {
  const std::vector<candidate> candidates{masked(1, send_via::automatic)};
  CHECK(chosen(candidates, {idle("m1"), bind("s1", 3)}) == pairs{{1, "s1"}});
  CHECK(chosen(candidates, {idle("m1"), bind("s1", 0, false)}) == pairs{{1, "m1"}});
  // Bound but its window full: the part waits for the bind rather than leave its name.
  CHECK(chosen(candidates, {idle("m1"), bind("s1", 0)}).empty());
  CHECK(chosen(candidates, {idle("m1"), bind("s1", 3)}, {}, 100, 0, true) == pairs{{1, "m1"}});
  CHECK(chosen(candidates, {down("m1"), bind("s1", 3)}, {}, 100, 0, true) == pairs{{1, "s1"}});
}

TEST_CASE("a modem part never goes to a bind, whatever its sticky modem", "[dispatch][channel_choice]") {
  const sticky_modems sticky{{tri_number, "s1"}};
  CHECK(chosen({part(1, tri_number)}, {bind("s1", 3), idle("m1")}, sticky) == pairs{{1, "m1"}});
  CHECK(chosen({part(1, tri_number)}, {bind("s1", 3)}).empty());
}
