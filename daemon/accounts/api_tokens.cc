// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/api_tokens.h"

#include <algorithm>

#include "daemon/http/api_token.h"
#include "daemon/http/bearer.h"

namespace siaran::daemon::accounts {

api_tokens::api_tokens(std::vector<http::token_digest> config_tokens, queue::account_book& book)
    : config_(std::move(config_tokens)), book_(book) {
  reload();
}

void api_tokens::reload() {
  all_ = config_;
  for (const auto& t : book_.api_tokens()) all_.push_back({t.name, t.sha256});
}

std::optional<std::string> api_tokens::name_of(std::string_view authorization) const {
  return http::bearer_token_name(authorization, all_);
}

std::vector<listed_token> api_tokens::list() {
  std::vector<listed_token> found;
  for (const auto& t : config_) found.push_back({std::nullopt, t.name, true, std::nullopt});
  for (const auto& t : book_.api_tokens()) found.push_back({t.id, t.name, false, t.created_at});
  return found;
}

created_token api_tokens::create(const std::string& name, std::optional<std::int64_t> created_by,
                                 queue::timestamp now) {
  if (std::ranges::any_of(config_, [&](const http::token_digest& t) { return t.name == name; })) {
    throw queue::account_conflict("the config has an API token named '" + name + "' already");
  }
  created_token made{0, name, http::new_token()};
  made.id = book_.add_api_token({0, name, http::sha256_hex(made.token), now, created_by});
  reload();
  return made;
}

bool api_tokens::remove(std::int64_t id) {
  const bool removed = book_.delete_api_token(id);
  if (removed) reload();
  return removed;
}

}  // namespace siaran::daemon::accounts
