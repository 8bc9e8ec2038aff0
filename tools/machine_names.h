// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the staff PCs may type to reach this PC: its host name and its network addresses.

#include <string>
#include <vector>

namespace siaran::tools {

// gethostname(); empty when the system has none.
std::string host_name();

// Every address of an interface that is up and not loopback, IPv4 then IPv6, without
// duplicates; IPv6 link-local ones (fe80::/10) too, though only a URL with a zone can use them.
std::vector<std::string> interface_addresses();

}  // namespace siaran::tools
