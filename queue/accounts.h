// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The people who log in to the web UI, their browser sessions and the API tokens made
// in the web UI, in the store's database (schema step 8). Secrets arrive here already hashed:
// the book never sees a password or a token in clear.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/records.h"
#include "queue/store_error.h"

namespace siaran::queue {

class connection;
class database;
struct account_statements;  // account_book.cc

// A change the accounts cannot take as asked: a name taken, the last enabled admin demoted,
// disabled or deleted. The API answers it with 409.
class account_conflict : public store_error {
 public:
  using store_error::store_error;
};

struct user {
  std::int64_t id = 0;  // 0 before it is stored
  std::string name;     // unique, case-insensitively
  std::string role;     // "viewer", "officer", "admin"
  std::string password_hash;  // libsodium's Argon2id string
  std::optional<std::int64_t> officer_id;  // the officer this user sends as
  bool disabled = false;
  timestamp created_at{};
  timestamp password_changed_at{};
};

struct session_record {
  std::string token_sha256;  // the cookie's token, hashed
  std::int64_t user_id = 0;
  std::string csrf;
  timestamp created_at{};
  timestamp last_seen_at{};
  timestamp expires_at{};  // the absolute end, whatever the activity
};

struct api_token_record {
  std::int64_t id = 0;
  std::string name;
  std::string sha256;
  timestamp created_at{};
  std::optional<std::int64_t> created_by;  // the user who made it, if still there
};

class account_book {
 public:
  explicit account_book(database& db);
  ~account_book();
  account_book(const account_book&) = delete;
  account_book& operator=(const account_book&) = delete;

  // Throws account_conflict when the name is taken (in any case). Returns the new id.
  std::int64_t add_user(const user& u);
  std::optional<user> find_user(std::int64_t id);
  std::optional<user> find_user(std::string_view name);  // case-insensitively
  std::vector<user> users();  // by name
  // Replaces the role, officer and disabled flag of user `u.id` (not the password); false when
  // there is none. Throws account_conflict when it would leave no enabled admin.
  bool update_user(const user& u);
  bool set_password_hash(std::int64_t user_id, std::string_view hash, timestamp now);
  // False when there is none; account_conflict for the last enabled admin. Their sessions go too.
  bool delete_user(std::int64_t user_id);

  void add_session(const session_record& s);
  // The session whatever its age (the caller judges expiry: it knows the idle rule).
  std::optional<session_record> find_session(std::string_view token_sha256);
  void touch_session(std::string_view token_sha256, timestamp now);
  void delete_session(std::string_view token_sha256);
  // Every session of the user but `keep_sha256` (empty: all of them).
  void delete_sessions_of(std::int64_t user_id, std::string_view keep_sha256 = {});
  // Sessions past their absolute end or not seen since `idle_before`; returns how many.
  std::int64_t delete_expired_sessions(timestamp now, timestamp idle_before);

  // Throws account_conflict when the name is taken.
  std::int64_t add_api_token(const api_token_record& t);
  std::vector<api_token_record> api_tokens();  // by id
  bool delete_api_token(std::int64_t id);

 private:
  // Throws account_conflict unless some enabled admin other than `user_id` remains.
  void keep_an_admin_besides(std::int64_t user_id, std::string_view doing);

  connection& db_;
  std::unique_ptr<account_statements> sql_;
};

}  // namespace siaran::queue
