// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/password.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace siaran::daemon::accounts {
namespace {

// The "interactive" cost (about 0.1 s and 64 MiB here): logins are checked on the daemon's one
// thread, which also drives the modems, so a login must not stall sending for long; the login
// limiter, not the cost, is what stops guessing over the network.
constexpr unsigned long long ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void start_sodium() {
  static const int started = sodium_init();  // once; thread-safe as a static's initialiser
  if (started < 0) throw std::runtime_error("cannot start libsodium for password hashing");
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// libsodium wants a NUL-terminated hash string.
std::string terminated(std::string_view hash) { return std::string(hash); }

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
  if (code_points(password) < min_password_length) {
    return "the password must have at least " + std::to_string(min_password_length) + " characters";
  }
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  start_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), ops_limit, mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("cannot hash the password: out of memory");
  }
  return hash;
}

bool verify_password(std::string_view hash, std::string_view password) {
  start_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(terminated(hash).c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash) {
  start_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return true;
  return crypto_pwhash_str_needs_rehash(terminated(hash).c_str(), ops_limit, mem_limit) != 0;
}

}  // namespace siaran::daemon::accounts
