// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran-modemsim`: a simulated GSM modem on a pseudo-terminal (modem/sim). Prints the pty on
// its first stdout line as JSON ({"pty": ..., "link": ...}), takes control lines on stdin
// (modem/sim/control.h) and answers each with a JSON line; accepted SUBMITs are logged as JSON
// lines (--log FILE, else stdout). Runs until SIGTERM/SIGINT.
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "common/ascii.h"
#include "common/asio.h"

#include <nlohmann/json.hpp>

#include "modem/sim/control.h"
#include "modem/sim/interpreter.h"
#include "modem/sim/pty_server.h"
#include "modem/sim/send_log.h"
#include "tools/exit_codes.h"

namespace {

using namespace siaran;
using namespace siaran::modemsim;

using tools::exit_unavailable;  // no pty could be opened
using tools::exit_usage;

constexpr std::string_view usage_text =
    "usage: siaran-modemsim [--link PATH] [--profile NAME] [--pin PIN] [--log FILE|-]\n"
    "                       [--register-delay S] [--report-delay MS] [--send-delay MS]\n"
    "                       [--storage N] [--name NAME] [--reports RULES] [--trace]\n"
    "                       [--operator NAME] [--balance RUPIAH] [--ussd-ucs2]\n"
    "RULES: status reports by the recipient's last digits, ENDING:STATUS[@DELAY_MS], ...\n"
    "  e.g. \"7:0x41, 8:none, 9:0@5000\": numbers ending in 7 undelivered (TP-ST 0x41), in 8\n"
    "  never reported, in 9 delivered after 5 s; the others delivered after --report-delay\n"
    "profiles: generic, huawei-e173, simcom-sim800, wavecom, quectel-ec25\n";

struct options {
  modem_settings settings;
  std::optional<std::string> link;
  std::string log = "-";
  std::string name = "sim";
  bool trace = false;
};

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// Throws std::invalid_argument with what was wrong.
options parse(int argc, char** argv) {
  options opts;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--trace") {
      opts.trace = true;
      continue;
    }
    if (flag == "--ussd-ucs2") {
      opts.settings.ussd_ucs2 = true;
      continue;
    }
    if (i + 1 >= argc) throw std::invalid_argument(std::string(flag) + " needs a value");
    const std::string_view value = argv[++i];
    const auto count = [&] {
      const auto n = number(value);
      if (!n) throw std::invalid_argument(std::string(flag) + ": not a number: " + std::string(value));
      return *n;
    };
    if (flag == "--link") {
      opts.link = value;
    } else if (flag == "--profile") {
      const device_profile* profile = find_profile(value);
      if (profile == nullptr) throw std::invalid_argument("unknown profile: " + std::string(value));
      opts.settings.profile = *profile;
    } else if (flag == "--pin") {
      opts.settings.pin = value;
    } else if (flag == "--log") {
      opts.log = value;
    } else if (flag == "--name") {
      opts.name = value;
    } else if (flag == "--register-delay") {
      opts.settings.register_delay = std::chrono::seconds{count()};
    } else if (flag == "--report-delay") {
      opts.settings.report_delay = sim_time{count()};
    } else if (flag == "--send-delay") {
      opts.settings.send_delay = sim_time{count()};
    } else if (flag == "--operator") {
      opts.settings.operator_name = common::uppercase(value);
    } else if (flag == "--balance") {
      opts.settings.balance = count();
    } else if (flag == "--reports") {
      opts.settings.report_rules = parse_report_rules(value);
    } else if (flag == "--storage") {
      opts.settings.storage_capacity = static_cast<std::size_t>(count());
    } else {
      throw std::invalid_argument("unknown option: " + std::string(flag));
    }
  }
  return opts;
}

asio::awaitable<void> read_control(asio::posix::stream_descriptor& input, interpreter& modem,
                                   pty_server& server) {
  std::string buffer;
  for (;;) {
    boost::system::error_code ec;
    const std::size_t n = co_await asio::async_read_until(
        input, asio::dynamic_buffer(buffer), '\n', asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;  // end of stdin: keep serving until a signal
    const std::string line = buffer.substr(0, n - 1);
    buffer.erase(0, n);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string ack = apply_control_line(line, modem, server);
    std::cout << ack << std::endl;
  }
}

int run(const options& opts) {
  asio::io_context io;
  modem_settings settings = opts.settings;
  settings.wall_clock_at_power_on = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  interpreter modem(settings);

  std::ofstream log_file;
  if (opts.log != "-") {
    log_file.open(opts.log, std::ios::app);
    if (!log_file) {
      std::cerr << "siaran-modemsim: cannot open log file " << opts.log << "\n";
      return exit_unavailable;
    }
  }
  std::ostream& log = opts.log == "-" ? std::cout : log_file;

  pty_server::options server_options;
  if (opts.link) server_options.link = *opts.link;
  server_options.on_accepted = [&](const accepted_submit& submit) {
    log << send_log_line(submit, opts.name) << std::endl;  // flushed before +CMGS is written
  };
  if (opts.trace) server_options.trace = [](std::string_view text) { std::cerr << text << std::endl; };
  pty_server server(io, modem, server_options);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "siaran-modemsim: " << e.what() << "\n";
    return exit_unavailable;
  }
  // Before the first line: whoever reads it may signal us at once.
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    server.stop();
    io.stop();
  });
  nlohmann::json first{{"pty", server.slave_path()}, {"link", opts.link ? nlohmann::json(*opts.link) : nullptr}};
  std::cout << first.dump() << std::endl;
  std::cerr << "siaran-modemsim: serving " << server.slave_path() << " as " << opts.settings.profile.name
            << (opts.link ? " (link " + *opts.link + ")" : "") << std::endl;

  // Control lines on stdin; a stdin that cannot be watched (a regular file, /dev/null) is none.
  asio::posix::stream_descriptor input(io);
  boost::system::error_code ec;
  input.assign(::dup(STDIN_FILENO), ec);
  if (!ec) asio::co_spawn(io, read_control(input, modem, server), asio::detached);
  io.run();
  std::error_code ignored;
  if (opts.link) std::filesystem::remove(*opts.link, ignored);
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
    std::cerr << "siaran-modemsim: " << e.what() << "\n" << usage_text;
    return exit_usage;
  }
  return run(opts);
}
