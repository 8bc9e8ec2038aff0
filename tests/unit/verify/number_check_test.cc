// SPDX-License-Identifier: GPL-3.0-or-later
// How a "cek nomor" settles a recipient that did not answer when its window ends
// (daemon/verify/number_check.h): by what the network said of its message.

#include "daemon/verify/number_check.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "queue/states.h"
#include "queue/verifications.h"

using namespace siaran;

namespace {

queue::broadcast_recipient recipient(queue::part_state state, std::optional<std::string> delivery) {
  queue::broadcast_recipient r;
  r.state = state;
  r.delivery = std::move(delivery);
  return r;
}

}  // namespace

TEST_CASE("a recipient's outcome at the close follows its message's state and delivery",
          "[verify]") {
  using queue::part_state;
  struct row {
    part_state state;
    std::optional<std::string> delivery;
    std::string_view outcome;
  };
  const row table[] = {
      {part_state::sent, std::nullopt, queue::outcome_no_answer},  // no report asked
      {part_state::delivered, "delivered",
       queue::outcome_no_answer},                               // reached the phone, no answer
      {part_state::sent, "pending", queue::outcome_no_answer},  // report not in yet
      {part_state::failed, "undelivered", queue::outcome_undelivered},
      {part_state::failed, std::nullopt, queue::outcome_failed},  // refused by the network
      {part_state::sent, "unknown", queue::outcome_unknown},      // no report in time
      {part_state::uncertain, std::nullopt,
       queue::outcome_unknown},  // may or may not have gone out
      {part_state::queued, std::nullopt, queue::outcome_unsent},
      {part_state::cancelled, std::nullopt, queue::outcome_unsent},
  };
  for (const row& r : table) {
    INFO(queue::to_string(r.state) << " / " << r.delivery.value_or("none"));
    CHECK(daemon::verify::outcome_at_close(recipient(r.state, r.delivery)) == r.outcome);
  }
}

TEST_CASE("every outcome but confirmed and unsent marks the number", "[verify]") {
  CHECK_FALSE(queue::marks_number(queue::outcome_confirmed));
  CHECK_FALSE(queue::marks_number(queue::outcome_unsent));
  for (const auto outcome : {queue::outcome_no_answer, queue::outcome_failed,
                             queue::outcome_undelivered, queue::outcome_unknown}) {
    CHECK(queue::marks_number(outcome));
  }
}
