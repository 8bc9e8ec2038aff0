// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <utility>

#include "modem/lifecycle.h"

using namespace siaran::modem;

namespace {

constexpr std::array every_state = {life_state::absent,  life_state::opening, life_state::initialising,
                                    life_state::ready,   life_state::sending, life_state::resting,
                                    life_state::failed};

using move = std::pair<life_state, life_state>;

// The modem's life as DESIGN.md draws it, written out move by move.
const std::set<move> legal_moves = {
    {life_state::absent, life_state::opening},         {life_state::absent, life_state::failed},
    {life_state::opening, life_state::initialising},   {life_state::opening, life_state::failed},
    {life_state::initialising, life_state::ready},     {life_state::initialising, life_state::failed},
    {life_state::ready, life_state::sending},          {life_state::ready, life_state::initialising},
    {life_state::ready, life_state::failed},           {life_state::sending, life_state::ready},
    {life_state::sending, life_state::initialising},   {life_state::sending, life_state::failed},
    {life_state::resting, life_state::opening},        {life_state::resting, life_state::failed},
    {life_state::failed, life_state::initialising},    {life_state::failed, life_state::resting},
    {life_state::failed, life_state::opening},
};

// A lifecycle in `state`, reached by legal moves only.
lifecycle in(life_state state) {
  lifecycle life;
  const auto walk = [&](std::initializer_list<life_state> path) {
    for (const life_state step : path) REQUIRE(life.move_to(step));
  };
  switch (state) {
    case life_state::absent:
      break;
    case life_state::opening:
      walk({life_state::opening});
      break;
    case life_state::initialising:
      walk({life_state::opening, life_state::initialising});
      break;
    case life_state::ready:
      walk({life_state::opening, life_state::initialising, life_state::ready});
      break;
    case life_state::sending:
      walk({life_state::opening, life_state::initialising, life_state::ready, life_state::sending});
      break;
    case life_state::resting:
      walk({life_state::opening, life_state::failed, life_state::resting});
      break;
    case life_state::failed:
      walk({life_state::opening, life_state::failed});
      break;
  }
  REQUIRE(life.state() == state);
  return life;
}

}  // namespace

TEST_CASE("a new modem is absent", "[modem][lifecycle]") {
  CHECK(lifecycle().state() == life_state::absent);
  CHECK(lifecycle().shown() == modem_state::initialising);
}

TEST_CASE("every legal move is taken and every other one refused, leaving the state as it was",
          "[modem][lifecycle]") {
  int legal = 0;
  int refused = 0;
  for (const life_state from : every_state) {
    for (const life_state to : every_state) {
      INFO(to_string(from) << " -> " << to_string(to));
      lifecycle life = in(from);
      const bool expected = from == to || legal_moves.count({from, to}) == 1;
      CHECK(lifecycle::legal(from, to) == expected);
      CHECK(life.move_to(to) == expected);
      CHECK(life.state() == (expected ? to : from));
      expected ? ++legal : ++refused;
    }
  }
  CHECK(legal == 17 + 7);  // the table's moves and staying put
  CHECK(refused == 49 - 24);
}

TEST_CASE("a ready modem cannot rest or reopen without failing first", "[modem][lifecycle]") {
  lifecycle life = in(life_state::ready);
  CHECK_FALSE(life.move_to(life_state::resting));
  CHECK_FALSE(life.move_to(life_state::opening));
  CHECK(life.move_to(life_state::failed));
  CHECK(life.move_to(life_state::resting));
  CHECK(life.move_to(life_state::opening));
}

TEST_CASE("only an initialised modem sends", "[modem][lifecycle]") {
  for (const life_state from : {life_state::absent, life_state::opening, life_state::initialising,
                                life_state::resting, life_state::failed}) {
    INFO(to_string(from));
    lifecycle life = in(from);
    CHECK_FALSE(life.move_to(life_state::sending));
  }
}

TEST_CASE("the pool sees opening as initialising and a rest as failed", "[modem][lifecycle]") {
  CHECK(lifecycle::shown(life_state::absent) == modem_state::initialising);
  CHECK(lifecycle::shown(life_state::opening) == modem_state::initialising);
  CHECK(lifecycle::shown(life_state::initialising) == modem_state::initialising);
  CHECK(lifecycle::shown(life_state::ready) == modem_state::ready);
  CHECK(lifecycle::shown(life_state::sending) == modem_state::sending);
  CHECK(lifecycle::shown(life_state::resting) == modem_state::failed);
  CHECK(lifecycle::shown(life_state::failed) == modem_state::failed);
}

TEST_CASE("being ready since the port opened is remembered until it opens again", "[modem][lifecycle]") {
  lifecycle life = in(life_state::initialising);
  CHECK_FALSE(life.ready_since_opened());
  REQUIRE(life.move_to(life_state::ready));
  REQUIRE(life.move_to(life_state::failed));
  CHECK(life.ready_since_opened());
  REQUIRE(life.move_to(life_state::resting));
  CHECK(life.ready_since_opened());
  REQUIRE(life.move_to(life_state::opening));
  CHECK_FALSE(life.ready_since_opened());
}

TEST_CASE("a refused move does not forget readiness", "[modem][lifecycle]") {
  lifecycle life = in(life_state::ready);
  REQUIRE_FALSE(life.move_to(life_state::opening));
  CHECK(life.ready_since_opened());
}
