// SPDX-License-Identifier: GPL-3.0-or-later
// modem/serial_port over a real pseudo-terminal pair the test opens itself.

#include <catch2/catch.hpp>

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <optional>

#include "common/asio.h"
#include "modem/serial_port.h"
#include "pty_modem.h"

using namespace std::chrono_literals;
using siaran::modem::open_error;
using siaran::modem::serial_port;
namespace asio = siaran::asio;

namespace {

std::string read_master(int master, std::chrono::milliseconds limit) {
  pollfd watch{master, POLLIN, 0};
  if (poll(&watch, 1, static_cast<int>(limit.count())) <= 0) return "";
  char chunk[256];
  const ssize_t count = ::read(master, chunk, sizeof chunk);
  return count > 0 ? std::string(chunk, static_cast<std::size_t>(count)) : "";
}

}  // namespace

TEST_CASE("a port that does not exist fails to open, naming it and what to try", "[serial]") {
  asio::io_context io;
  try {
    serial_port port(io, "/dev/siaran-no-such-port");
    FAIL("opened a port that does not exist");
  } catch (const open_error& error) {
    CHECK(error.error_number() == ENOENT);
    const std::string message = error.what();
    CHECK(message.find("/dev/siaran-no-such-port") != std::string::npos);
    CHECK(message.find("siaran modem list") != std::string::npos);
  }
}

TEST_CASE("bytes written to a pty reach its other end, and bytes from it are read", "[serial]") {
  siaran::test::pty_pair pty;
  asio::io_context io;
  serial_port port(io, pty.slave_path());
  std::optional<boost::system::error_code> written;
  asio::co_spawn(io, port.write("AT\r"), [&](std::exception_ptr, boost::system::error_code error) { written = error; });
  io.run_for(2s);
  REQUIRE(written);
  CHECK_FALSE(*written);
  CHECK(read_master(pty.master(), 2000ms) == "AT\r");

  REQUIRE(::write(pty.master(), "\r\nOK\r\n", 6) == 6);
  std::array<char, 64> buffer{};
  std::optional<siaran::at::read_result> got;
  asio::co_spawn(io, port.read_some(buffer), [&](std::exception_ptr, siaran::at::read_result result) { got = result; });
  io.restart();
  io.run_for(2s);
  REQUIRE(got);
  CHECK_FALSE(got->error);
  CHECK(std::string(buffer.data(), got->bytes) == "\r\nOK\r\n");
}

TEST_CASE("a pty whose other end closes is reported as gone, not as silence", "[serial]") {
  siaran::test::pty_pair pty;
  asio::io_context io;
  serial_port port(io, pty.slave_path());
  std::array<char, 64> buffer{};
  std::optional<siaran::at::read_result> got;
  asio::co_spawn(io, port.read_some(buffer), [&](std::exception_ptr, siaran::at::read_result result) { got = result; });
  io.poll();
  pty.close_master();  // what a USB unplug looks like from our side
  io.restart();
  io.run_for(2s);
  REQUIRE(got);
  CHECK(got->error);
}

TEST_CASE("a second open of the same port is refused while the first holds it", "[serial]") {
  if (::geteuid() == 0) {
    WARN("running as root: TIOCEXCL does not apply to CAP_SYS_ADMIN, nothing to check");
    return;
  }
  siaran::test::pty_pair pty;
  asio::io_context io;
  serial_port first(io, pty.slave_path());
  try {
    serial_port second(io, pty.slave_path());
    FAIL("opened the same port twice");
  } catch (const open_error& error) {
    CHECK(error.error_number() == EBUSY);
    CHECK(std::string(error.what()).find("in use") != std::string::npos);
  }
}

TEST_CASE("a baud rate the port cannot take is an open error naming it", "[serial]") {
  siaran::test::pty_pair pty;
  asio::io_context io;
  siaran::modem::serial_settings settings;
  settings.baud = 12345;
  CHECK_THROWS_AS(serial_port(io, pty.slave_path(), settings), open_error);
}
