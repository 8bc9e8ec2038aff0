// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Passwords of web UI accounts: Argon2id hashes in libsodium's string form ("$argon2id$v=19$..."),
// which carry their own salt and cost, so a later cost change is seen by needs_rehash().

#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::accounts {

inline constexpr std::size_t min_password_length = 8;  // characters (UTF-8 code points)

// Why `password` cannot be used (too short), in English; nothing when it is fine.
std::optional<std::string> password_problem(std::string_view password);

// A fresh salt each time. Throws std::runtime_error when libsodium cannot start or runs out of
// memory.
std::string hash_password(std::string_view password);
// Whether `password` is the one `hash` was made from; false for a malformed hash.
bool verify_password(std::string_view hash, std::string_view password);
// Whether `hash` was made with other parameters than hash_password uses now.
bool needs_rehash(std::string_view hash);

}  // namespace siaran::daemon::accounts
