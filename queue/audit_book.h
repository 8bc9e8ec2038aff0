// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The audit log: who did what through the API (a login, a refused login, a broadcast, a
// contact changed, a user made...), one row per answered request that may change something.
// Texts are stored as given, cut to the bounds below, so that no request can make a row large.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "queue/records.h"
#include "queue/store_error.h"

namespace siaran::queue {

class database;
struct audit_statements;  // audit_book.cc

struct audit_entry {
  std::int64_t id = 0;  // given by record()
  timestamp at{};
  std::string actor;                   // the user's or the API token's name, or the login name tried
  std::optional<std::int64_t> user_id;  // 0: an API token; none: nobody known (a refused login)
  std::string role;                     // "viewer", "officer", "admin", or "" when nobody is known
  std::string address;                  // the client's IP address
  std::string method;
  std::string route;                    // the route's pattern: "/api/v1/contacts/{id}"
  std::optional<std::string> target;    // the id the path names, if any
  int status = 0;                       // the HTTP status answered
  std::string summary;                  // what was done, never a password, token or message text
};

// The most bytes kept of each text; a longer one is cut at a UTF-8 character's start.
struct audit_bounds {
  static constexpr std::size_t actor = 64;
  static constexpr std::size_t role = 16;
  static constexpr std::size_t address = 64;
  static constexpr std::size_t method = 16;
  static constexpr std::size_t route = 128;
  static constexpr std::size_t target = 64;
  static constexpr std::size_t summary = 256;
};

struct audit_query {
  std::int64_t before_id = 0;             // 0: from the newest
  int limit = 100;
  std::optional<std::string> actor = {};  // only this actor (case-insensitive for ASCII letters)
  std::optional<timestamp> since = {};    // only entries at or after it
};

class audit_book {
 public:
  explicit audit_book(database& db);
  ~audit_book();
  audit_book(const audit_book&) = delete;
  audit_book& operator=(const audit_book&) = delete;

  // Stores `entry` (its texts cut to audit_bounds); returns its id.
  std::int64_t record(const audit_entry& entry);
  // Newest first.
  std::vector<audit_entry> list(const audit_query& query);
  // Deletes the entries from before `before`; returns how many.
  std::int64_t prune(timestamp before);

 private:
  std::unique_ptr<audit_statements> sql_;
};

}  // namespace siaran::queue
