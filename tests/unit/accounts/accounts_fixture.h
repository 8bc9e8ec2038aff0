// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A fresh store in a temporary directory with its account book, and users made quickly: tests
// of sessions and the authenticator need real rows (foreign keys), not mocks.

#include <chrono>
#include <string>

#include "queue/accounts.h"
#include "queue/database.h"
#include "tests/support/temp_dir.h"

namespace siaran::test {

inline queue::timestamp at_minutes(long minutes) {
  return queue::timestamp(std::chrono::minutes(minutes));
}

struct accounts_fixture {
  temp_dir dir;
  queue::database store{dir.path() / "siaran.db"};
  queue::account_book book{store};

  // The hash is not a real one: these tests never check passwords.
  queue::user add_user(std::string name, std::string role = "admin", bool disabled = false) {
    queue::user u{0, std::move(name), std::move(role), "$argon2id$not-checked", std::nullopt, disabled,
                  at_minutes(0), at_minutes(0)};
    u.id = book.add_user(u);
    return u;
  }
};

}  // namespace siaran::test
