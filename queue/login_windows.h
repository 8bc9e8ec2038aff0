// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The login limiter's windows in the store (schema step 15): written as they change, read
// once at start, so that a restart does not forgive a guesser. Only the limiter's counts are
// kept here; which limits apply is the limiter's business.

#include <memory>
#include <string>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class connection;
class database;
struct login_window_statements;  // login_window_book.cc

enum class login_scope { pair, address, name };

// Which failures a window counts: one name from one address (pair), every name from one
// address, or one name from every address; the part a scope does not use is empty.
struct login_window_key {
  login_scope scope = login_scope::pair;
  std::string address;
  std::string name;

  auto operator<=>(const login_window_key&) const = default;
};

struct login_window {
  login_window_key key;
  int failures = 0;
  timestamp started_at{};  // wall-clock time
};

class login_window_book {
 public:
  explicit login_window_book(database& db);
  ~login_window_book();
  login_window_book(const login_window_book&) = delete;
  login_window_book& operator=(const login_window_book&) = delete;

  std::vector<login_window> all();
  // Deletes `gone`, then stores `changed` (replacing what was stored under their keys), in one
  // transaction.
  void save(const std::vector<login_window>& changed, const std::vector<login_window_key>& gone);

 private:
  connection& db_;
  std::unique_ptr<login_window_statements> sql_;
};

}  // namespace siaran::queue
