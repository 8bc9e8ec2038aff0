// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A TCP port on 127.0.0.1 that nothing listened on a moment ago: bind port 0, read what the
// kernel chose, close. Another process could take it in between; the tests accept that race.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>

namespace siaran::test {

inline std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  const bool bound = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  if (fd >= 0) ::close(fd);
  if (!bound) throw std::runtime_error("cannot find a free TCP port on 127.0.0.1");
  return ntohs(address.sin_port);
}

}  // namespace siaran::test
