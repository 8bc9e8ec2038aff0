// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran-smscsim`: a simulated SMPP 3.4 SMSC on TCP (smpp/sim). Prints where it listens on its
// first stdout line as JSON ({"listening": "127.0.0.1:40123", "port": 40123}), takes control
// lines on stdin (smpp/sim/control.h) and answers each with a JSON line; accepted submits are
// logged as JSON lines (--send-log FILE, "-" for stdout). Runs until stdin ends (with
// --no-control stdin is not read) or SIGTERM/SIGINT, then exits 0.
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/asio.h"
#include "smpp/sim/control.h"
#include "smpp/sim/smsc.h"
#include "tools/exit_codes.h"

namespace {

using namespace siaran;
using namespace siaran::smscsim;

using tools::exit_unavailable;  // the address cannot be listened on, the log cannot be written
using tools::exit_usage;

constexpr std::string_view usage_text =
    "usage: siaran-smscsim [--listen HOST:PORT] [--account SYSTEM_ID:PASSWORD]... [--password-file "
    "FILE]\n"
    "                      [--system-id NAME] [--throttle N] [--throttle-status STATUS]\n"
    "                      [--receipt-delay MS] [--receipts RULES] [--send-log FILE|-] "
    "[--no-control]\n"
    "--listen: default 127.0.0.1:2775; port 0 takes a free one (printed on the first line)\n"
    "--account / --password-file (one SYSTEM_ID:PASSWORD a line): who may bind; none: anyone\n"
    "--throttle: submits accepted per second over all binds (0: no limit); beyond it the answer\n"
    "  is --throttle-status (ESME_RTHROTTLED, or ESME_RMSGQFUL)\n"
    "RULES: receipts by the destination's last digits, ENDING:STAT[@DELAY_MS], ...\n"
    "  e.g. \"7:UNDELIV, 8:none, 9:DELIVRD@5000\"; the others DELIVRD after --receipt-delay\n"
    "control lines on stdin: see smpp/sim/control.h ({\"status\": true}, {\"inject\": {...}}, "
    "...);\n"
    "  the simulator exits when stdin ends, unless --no-control (then it runs until SIGTERM)\n";

struct options {
  smsc_settings settings;
  std::string send_log;  // "" none, "-" stdout
  bool control = true;   // read control lines on stdin, and end with it
};

unsigned number(std::string_view flag, std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    throw std::invalid_argument(std::string(flag) + ": not a number: " + std::string(text));
  return value;
}

account account_of(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0)
    throw std::invalid_argument("an account is SYSTEM_ID:PASSWORD, not '" +
                                std::string(text.substr(0, colon)) + "...'");
  return {std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

void read_password_file(const std::string& path, std::vector<account>& accounts) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot read the password file " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    accounts.push_back(account_of(line));
  }
}

void set_listen(std::string_view text, smsc_settings& settings) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos)
    throw std::invalid_argument("--listen is HOST:PORT, e.g. 127.0.0.1:0");
  const unsigned port = number("--listen", text.substr(colon + 1));
  if (port > 65535) throw std::invalid_argument("--listen: port above 65535");
  settings.listen_address = std::string(text.substr(0, colon));
  settings.port = static_cast<std::uint16_t>(port);
}

// Throws std::invalid_argument with what was wrong.
options parse(int argc, char** argv) {
  options opts;
  opts.settings.port = 2775;  // SMPP's registered port
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--no-control") {
      opts.control = false;
      continue;
    }
    if (i + 1 >= argc) throw std::invalid_argument(std::string(flag) + " needs a value");
    const std::string_view value = argv[++i];
    if (flag == "--listen") {
      set_listen(value, opts.settings);
    } else if (flag == "--account") {
      opts.settings.accounts.push_back(account_of(value));
    } else if (flag == "--password-file") {
      read_password_file(std::string(value), opts.settings.accounts);
    } else if (flag == "--system-id") {
      opts.settings.system_id = value;
    } else if (flag == "--throttle") {
      opts.settings.throttle = number(flag, value);
    } else if (flag == "--throttle-status") {
      opts.settings.throttle_status = parse_command_status(value);
    } else if (flag == "--receipt-delay") {
      opts.settings.receipt_delay = std::chrono::milliseconds(number(flag, value));
    } else if (flag == "--receipts") {
      opts.settings.receipt_rules = parse_receipt_rules(value);
    } else if (flag == "--send-log") {
      opts.send_log = value;
    } else {
      throw std::invalid_argument("unknown option: " + std::string(flag));
    }
  }
  return opts;
}

asio::awaitable<void> read_control(asio::posix::stream_descriptor& input, smsc& server,
                                   asio::io_context& io) {
  std::string buffer;
  for (;;) {
    boost::system::error_code ec;
    const std::size_t n = co_await asio::async_read_until(
        input, asio::dynamic_buffer(buffer), '\n', asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;  // end of stdin: whoever drove us is gone
    const std::string line = buffer.substr(0, n - 1);
    buffer.erase(0, n);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::cout << apply_control_line(line, server) << std::endl;
  }
  server.stop();
  io.stop();
}

bool stdin_is_a_channel() {
  struct stat info {};
  if (::fstat(STDIN_FILENO, &info) != 0) return false;
  return S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode) || ::isatty(STDIN_FILENO) == 1;
}

int run(options opts) {
  std::ofstream log_file;
  if (!opts.send_log.empty() && opts.send_log != "-") {
    log_file.open(opts.send_log, std::ios::app);
    if (!log_file) {
      std::cerr << "siaran-smscsim: cannot open the send log " << opts.send_log << "\n";
      return exit_unavailable;
    }
  }
  if (!opts.send_log.empty()) {
    std::ostream& log = opts.send_log == "-" ? std::cout : log_file;
    // Flushed before the submit_sm_resp is written: a test that has the answer finds the line.
    opts.settings.send_log = [&log](std::string_view line) { log << line << std::endl; };
  }

  asio::io_context io;
  smsc server(io, opts.settings);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "siaran-smscsim: cannot listen on " << opts.settings.listen_address << ":"
              << opts.settings.port << ": " << e.what() << "\n";
    return exit_unavailable;
  }
  // Before the first line: whoever reads it may signal us at once.
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    server.stop();
    io.stop();
  });
  const std::string where = opts.settings.listen_address + ":" + std::to_string(server.port());
  std::cout << nlohmann::json{{"listening", where}, {"port", server.port()}}.dump() << std::endl;
  std::cerr << "siaran-smscsim: listening on " << where << " as " << opts.settings.system_id
            << std::endl;

  // Control lines on stdin; a stdin that is no pipe, socket or terminal (a regular file,
  // /dev/null) is none, and the simulator then runs until a signal. /dev/null can be watched,
  // and its instant end of file would otherwise stop the simulator as it starts.
  asio::posix::stream_descriptor input(io);
  if (opts.control && stdin_is_a_channel()) {
    boost::system::error_code ec;
    input.assign(::dup(STDIN_FILENO), ec);
    if (!ec) asio::co_spawn(io, read_control(input, server, io), asio::detached);
  }
  io.run();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
    std::cout << usage_text;
    return 0;
  }
  options opts;
  try {
    opts = parse(argc, argv);
  } catch (const std::invalid_argument& e) {
    std::cerr << "siaran-smscsim: " << e.what() << "\n" << usage_text;
    return exit_usage;
  }
  return run(std::move(opts));
}
