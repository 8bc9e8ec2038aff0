// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// API bearer tokens (DESIGN.md "Interfaces", http.tokens): `siaran token new NAME` prints a
// fresh random token once and the SHA-256 the config keeps; the daemon hashes what a client
// presents and compares digests in constant time, so the config never holds a token in clear.

#include <string>
#include <string_view>

namespace siaran::daemon::http {

// 32 random bytes (OpenSSL RAND_bytes) as 64 lowercase hex digits, prefixed "siaran_".
std::string new_token();

// 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

// Whether sha256_hex(token) equals `digest_hex` (64 lowercase hex digits), compared in
// constant time (CRYPTO_memcmp).
bool token_matches(std::string_view token, std::string_view digest_hex);

}  // namespace siaran::daemon::http
