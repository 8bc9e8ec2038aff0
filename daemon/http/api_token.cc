// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/api_token.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace siaran::daemon::http {
namespace {

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0x0f];
  }
  return out;
}

}  // namespace

std::string new_token() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("cannot make a token: the system's random source failed");
  }
  return "siaran_" + hex(bytes.data(), bytes.size());
}

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
  return hex(digest.data(), digest.size());
}

bool token_matches(std::string_view token, std::string_view digest_hex) {
  const std::string presented = sha256_hex(token);
  // Equal lengths always (64), so only the content is compared, in constant time.
  return digest_hex.size() == presented.size() &&
         CRYPTO_memcmp(presented.data(), digest_hex.data(), presented.size()) == 0;
}

}  // namespace siaran::daemon::http
