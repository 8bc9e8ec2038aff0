// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which address a request comes from. Behind a reverse proxy every request comes from the
// proxy: the client is in X-Forwarded-For, which anybody can write, so it is believed only
// from the proxies the config trusts (http.trusted_proxies), and only as far as they wrote it.

#include <string>
#include <string_view>
#include <vector>

namespace siaran::daemon::http {

// `peer` itself, unless it is one of `trusted_proxies`: then the last address of
// `forwarded_for` (comma-separated, as each proxy appends the address it saw) that is not a
// trusted proxy. A malformed entry there stops the walk: the address before it is the one seen
// by a proxy we trust. Addresses are compared in their canonical text form.
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// The canonical text of an IPv4 or IPv6 address (an IPv4-mapped IPv6 address as IPv4), or
// empty when `text` is not one.
std::string canonical_address(std::string_view text);

}  // namespace siaran::daemon::http
