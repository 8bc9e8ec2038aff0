// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

#include "common/ascii.h"

namespace siaran::daemon::http {
namespace {

bool is_trusted(const std::string& address, const std::vector<std::string>& trusted_proxies) {
  return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
}

}  // namespace

std::string canonical_address(std::string_view text) {
  const std::string input(common::trim(text));
  std::array<unsigned char, sizeof(in6_addr)> bytes{};
  std::array<char, INET6_ADDRSTRLEN> out{};
  if (::inet_pton(AF_INET, input.c_str(), bytes.data()) == 1) {
    return ::inet_ntop(AF_INET, bytes.data(), out.data(), out.size());
  }
  if (::inet_pton(AF_INET6, input.c_str(), bytes.data()) != 1) return {};
  constexpr std::array<unsigned char, 12> v4_mapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(v4_mapped.begin(), v4_mapped.end(), bytes.begin())) {
    return ::inet_ntop(AF_INET, bytes.data() + v4_mapped.size(), out.data(), out.size());
  }
  return ::inet_ntop(AF_INET6, bytes.data(), out.data(), out.size());
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  std::string client = canonical_address(peer);
  if (client.empty()) client = peer;
  while (is_trusted(client, trusted_proxies) && !forwarded_for.empty()) {
    const std::size_t comma = forwarded_for.rfind(',');
    const std::string_view last = comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    const std::string seen = canonical_address(last);
    if (seen.empty()) break;
    client = seen;
  }
  return client;
}

}  // namespace siaran::daemon::http
