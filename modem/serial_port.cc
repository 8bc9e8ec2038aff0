// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/serial_port.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/asio.h"

namespace siaran::modem {
namespace {

// What to try, by errno, for the usual reasons a modem port does not open.
std::string advice(int error_number) {
  switch (error_number) {
    case ENOENT:
      return "no such device: is the modem plugged in? `siaran modem list` shows the ports "
             "(prefer a /dev/serial/by-id/ path, which survives re-plugging)";
    case EACCES:
    case EPERM:
      return "permission denied: add the user to group dialout (`sudo adduser $USER dialout`, "
             "then log in again)";
    case EBUSY:
      return "the port is in use by another program (ModemManager? `sudo systemctl stop "
             "ModemManager`, or another siaran)";
    case ENXIO:
    case ENODEV:
      return "the device is not there any more (unplugged?)";
    default:
      return std::strerror(error_number);
  }
}

[[noreturn]] void fail(const std::string& path, const std::string& doing, int error_number) {
  throw open_error("cannot " + doing + " " + path + ": " + advice(error_number), error_number);
}

// Raw mode as cfmakeraw() sets it, plus CLOCAL (ignore modem control lines for open/read)
// and CREAD; the baud, size, parity, stop bits and flow control follow through Asio's options.
void make_raw(int fd, const std::string& path) {
  termios attributes{};
  if (tcgetattr(fd, &attributes) != 0) fail(path, "read the terminal settings of", errno);
  cfmakeraw(&attributes);
  attributes.c_cflag |= CLOCAL | CREAD;
  attributes.c_cc[VMIN] = 1;
  attributes.c_cc[VTIME] = 0;
  if (tcsetattr(fd, TCSANOW, &attributes) != 0) fail(path, "configure", errno);
}

}  // namespace

struct serial_port::device {
  explicit device(asio::io_context& io) : port(io) {}
  asio::serial_port port;
};

serial_port::serial_port(asio::io_context& io, std::string path, serial_settings settings)
    : path_(std::move(path)), settings_(std::move(settings)), device_(std::make_unique<device>(io)) {
  const int fd = ::open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) fail(path_, "open", errno);
  // TIOCEXCL: a second open fails with EBUSY, so two programs never interleave AT commands
  // on one modem (root is exempt, as the kernel decides).
  if (ioctl(fd, TIOCEXCL) != 0) {
    const int error_number = errno;
    ::close(fd);
    fail(path_, "lock", error_number);
  }
  try {
    make_raw(fd, path_);
  } catch (...) {
    ::close(fd);
    throw;
  }
  boost::system::error_code error;
  device_->port.assign(fd, error);
  if (error) {
    ::close(fd);
    fail(path_, "use", error.value());
  }
  using asio::serial_port_base;
  const auto set = [&](const auto& option, std::string_view what) {
    device_->port.set_option(option, error);
    if (error) {
      throw open_error("cannot set " + std::string(what) + " on " + path_ + ": " + error.message(),
                       error.value());
    }
  };
  set(serial_port_base::baud_rate(settings_.baud),
      "baud " + std::to_string(settings_.baud) + " (try 115200, 57600, 9600)");
  set(serial_port_base::character_size(8), "8 data bits");
  set(serial_port_base::parity(serial_port_base::parity::none), "no parity");
  set(serial_port_base::stop_bits(serial_port_base::stop_bits::one), "one stop bit");
  set(serial_port_base::flow_control(settings_.flow == flow_control::hardware
                                         ? serial_port_base::flow_control::hardware
                                         : serial_port_base::flow_control::none),
      "flow control");
}

serial_port::~serial_port() = default;

asio::awaitable<at::read_result> serial_port::read_some(std::span<char> buffer) {
  boost::system::error_code error;
  const std::size_t count = co_await device_->port.async_read_some(
      asio::buffer(buffer.data(), buffer.size()), asio::redirect_error(asio::use_awaitable, error));
  // A pty whose other end closed, and a USB modem pulled out, read EIO or end of file; the
  // channel treats every read error as the device being gone.
  if (!error && count == 0) error = asio::error::eof;
  if (!error && settings_.trace) settings_.trace("<-", std::string_view(buffer.data(), count));
  co_return at::read_result{error, error ? 0 : count};
}

asio::awaitable<boost::system::error_code> serial_port::write(std::string_view bytes) {
  if (settings_.trace) settings_.trace("->", bytes);
  boost::system::error_code error;
  co_await asio::async_write(device_->port, asio::buffer(bytes.data(), bytes.size()),
                             asio::redirect_error(asio::use_awaitable, error));
  co_return error;
}

void serial_port::close() {
  boost::system::error_code ignored;
  device_->port.close(ignored);
}

std::string escape_bytes(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace siaran::modem
