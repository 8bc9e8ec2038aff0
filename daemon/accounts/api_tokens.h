// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The API bearer tokens scripts use: the config's (http.tokens, made by `siaran token new`) and
// those made in the web UI (the api_tokens table). Their digests are kept in memory, so a
// request's token is checked without the database; the web ones are reloaded on every change.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/http/server.h"
#include "queue/accounts.h"

namespace siaran::daemon::accounts {

struct listed_token {
  std::optional<std::int64_t> id;  // nothing for a config token
  std::string name;
  bool from_config = false;
  std::optional<queue::timestamp> created_at;  // nothing for a config token
};

// The token in clear, which exists only in this answer.
struct created_token {
  std::int64_t id = 0;
  std::string name;
  std::string token;
};

class api_tokens {
 public:
  api_tokens(std::vector<http::token_digest> config_tokens, queue::account_book& book);

  // The name of the token an "Authorization: Bearer ..." header carries, or nothing.
  std::optional<std::string> name_of(std::string_view authorization) const;
  // The config's first, then the web UI's by id.
  std::vector<listed_token> list();
  // Throws queue::account_conflict when a config or web token has the name already.
  created_token create(const std::string& name, std::optional<std::int64_t> created_by, queue::timestamp now);
  // Only web tokens; false when there is no such one.
  bool remove(std::int64_t id);

 private:
  void reload();

  std::vector<http::token_digest> config_;
  queue::account_book& book_;
  std::vector<http::token_digest> all_;  // config_ and the web ones
};

}  // namespace siaran::daemon::accounts
