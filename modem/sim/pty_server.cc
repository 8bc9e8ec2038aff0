// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/pty_server.h"

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

// modem/asio.h first (its Boost 1.74 fixes), then the two Asio parts it does not bring in.
#include "common/asio.h"


namespace siaran::modemsim {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), "simulated modem: " + what);
}

std::string escaped(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c == '\r') out += "\\r";
    else if (c == '\n') out += "\\n";
    else if (c < 0x20 || c >= 0x7F) {
      static constexpr char digits[] = "0123456789ABCDEF";
      out += "\\x";
      out += digits[c >> 4];
      out += digits[c & 0x0F];
    } else out += static_cast<char>(c);
  }
  return out;
}

// One plugged-in pty: the master the modem talks through, and a slave descriptor we keep open
// so the master does not read EIO while no host has the port open.
struct connection {
  explicit connection(asio::io_context& io) : master(io) {}
  asio::posix::stream_descriptor master;
  int slave_fd = -1;
  std::string slave_path;
  std::string pending;  // queued for the host
  bool writing = false;
  bool closed = false;

  void close() {
    if (closed) return;
    closed = true;
    boost::system::error_code ignored;
    master.close(ignored);
    if (slave_fd >= 0) ::close(slave_fd);
    slave_fd = -1;
  }
};

}  // namespace

// Shared with the timer coroutine, so a server destroyed while its io_context keeps running
// (the daemon hosting "port: sim") is not touched after it is gone.
struct pty_server::impl : std::enable_shared_from_this<pty_server::impl> {
  asio::io_context& io;
  interpreter& modem;
  options opts;
  asio::steady_timer timer;
  std::shared_ptr<connection> current;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  bool running = false;

  impl(asio::io_context& context, interpreter& m, options o)
      : io(context), modem(m), opts(std::move(o)), timer(context) {}

  sim_time now() const {
    return std::chrono::duration_cast<sim_time>(std::chrono::steady_clock::now() - started);
  }

  void open() {
    auto conn = std::make_shared<connection>(io);
    const int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) fail("posix_openpt");
    conn->master.assign(master);
    if (grantpt(master) != 0 || unlockpt(master) != 0) fail("grantpt/unlockpt");
    const char* name = ptsname(master);
    if (name == nullptr) fail("ptsname");
    conn->slave_path = name;
    conn->slave_fd = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (conn->slave_fd < 0) fail("open " + conn->slave_path);
    // Raw: the host's own port configuration (asio serial_port) is all that shapes the bytes.
    termios tio{};
    if (tcgetattr(conn->slave_fd, &tio) != 0) fail("tcgetattr " + conn->slave_path);
    cfmakeraw(&tio);
    if (tcsetattr(conn->slave_fd, TCSANOW, &tio) != 0) fail("tcsetattr " + conn->slave_path);
    if (opts.link) point_link(conn->slave_path);
    current = conn;
    asio::co_spawn(io, read_loop(conn), asio::detached);
  }

  void point_link(const std::string& target) {
    // Replace atomically, as udev does: a new link renamed over the old one.
    std::filesystem::path temporary = *opts.link;
    temporary += ".new";
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    std::filesystem::create_symlink(target, temporary);
    std::filesystem::rename(temporary, *opts.link);
  }

  asio::awaitable<void> read_loop(std::shared_ptr<connection> conn) {
    std::array<char, 1024> buffer{};
    for (;;) {
      boost::system::error_code ec;
      const std::size_t n = co_await conn->master.async_read_some(
          asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
      if (ec || conn->closed) co_return;
      const std::string_view bytes(buffer.data(), n);
      if (opts.trace) opts.trace("<< " + escaped(bytes));
      modem.receive(bytes, now());
      flush();
    }
  }

  asio::awaitable<void> write_loop(std::shared_ptr<connection> conn) {
    while (!conn->pending.empty() && !conn->closed) {
      const std::string bytes = std::exchange(conn->pending, {});
      boost::system::error_code ec;
      co_await asio::async_write(conn->master, asio::buffer(bytes),
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
    }
    conn->writing = false;
  }

  static asio::awaitable<void> timer_loop(std::shared_ptr<impl> self) {
    co_await self->run_timer();
  }

  asio::awaitable<void> run_timer() {
    while (running) {
      const auto next = modem.next_wakeup();
      if (next) timer.expires_at(started + *next);
      else timer.expires_at(std::chrono::steady_clock::time_point::max());
      boost::system::error_code ec;
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (running) drain();
    }
  }

  // Hands accepted SUBMITs to the log, then what is due to the host.
  void drain() {
    for (const accepted_submit& submit : modem.take_accepted())
      if (opts.on_accepted) opts.on_accepted(submit);
    std::string out = modem.take_output(now());
    if (out.empty() || !current || current->closed) return;
    if (opts.trace) opts.trace(">> " + escaped(out));
    current->pending += out;
    if (!current->writing) {
      current->writing = true;
      asio::co_spawn(io, write_loop(current), asio::detached);
    }
  }

  void flush() {
    drain();
    timer.cancel();  // the timer loop re-arms for the (possibly earlier) next wake-up
  }
};

pty_server::pty_server(boost::asio::io_context& io, interpreter& modem, options opts)
    : impl_(std::make_shared<impl>(io, modem, std::move(opts))) {}

pty_server::~pty_server() { stop(); }

void pty_server::start() {
  impl_->open();
  impl_->modem.power_on(now());
  if (!impl_->running) {
    impl_->running = true;
    asio::co_spawn(impl_->io, impl::timer_loop(impl_), asio::detached);
  }
  impl_->flush();
}

void pty_server::stop() {
  if (!impl_) return;
  impl_->running = false;
  impl_->timer.cancel();
  if (impl_->current) impl_->current->close();
  impl_->current.reset();
}

void pty_server::unplug() {
  if (!impl_->current) return;
  impl_->current->close();
  impl_->current.reset();
  // udev removes the by-id link of a device that is gone.
  if (impl_->opts.link) {
    std::error_code ignored;
    std::filesystem::remove(*impl_->opts.link, ignored);
  }
}

void pty_server::replug() {
  if (impl_->current) return;
  impl_->open();
  impl_->modem.power_on(now());
  impl_->flush();
}

bool pty_server::plugged() const { return impl_->current != nullptr; }

const std::string& pty_server::slave_path() const {
  static const std::string none;
  return impl_->current ? impl_->current->slave_path : none;
}

sim_time pty_server::now() const { return impl_->now(); }

void pty_server::poke() { impl_->flush(); }

}  // namespace siaran::modemsim
