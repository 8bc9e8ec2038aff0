// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/machine_names.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>

namespace siaran::tools {
namespace {

struct interface_list_deleter {
  void operator()(ifaddrs* list) const { ::freeifaddrs(list); }
};

std::string text_of(const sockaddr& address) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  const void* raw = address.sa_family == AF_INET
                        ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in&>(address).sin_addr)
                        : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6&>(address).sin6_addr);
  if (::inet_ntop(address.sa_family, raw, text.data(), text.size()) == nullptr) return {};
  return text.data();
}

}  // namespace

std::string host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0) return {};
  return name.data();
}

std::vector<std::string> interface_addresses() {
  ifaddrs* raw = nullptr;
  if (::getifaddrs(&raw) != 0) return {};
  const std::unique_ptr<ifaddrs, interface_list_deleter> list(raw);
  std::vector<std::string> out;
  for (const int family : {AF_INET, AF_INET6}) {
    for (const ifaddrs* entry = list.get(); entry != nullptr; entry = entry->ifa_next) {
      if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != family) continue;
      if ((entry->ifa_flags & IFF_LOOPBACK) != 0 || (entry->ifa_flags & IFF_UP) == 0) continue;
      std::string text = text_of(*entry->ifa_addr);
      if (!text.empty() && std::ranges::find(out, text) == out.end()) out.push_back(std::move(text));
    }
  }
  return out;
}

}  // namespace siaran::tools
