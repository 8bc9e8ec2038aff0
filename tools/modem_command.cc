// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/modem_command.h"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/ussd_code.h"
#include "modem/at/channel.h"
#include "modem/at/timer.h"
#include "modem/port_list.h"
#include "modem/serial_port.h"
#include "sms/codec_error.h"
#include "sms/reassembly.h"
#include "tools/attached_modem.h"
#include "tools/exit_codes.h"
#include "tools/modem_json.h"

namespace siaran::tools {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view usage_text =
    "usage: siaran modem list [--baud B] [--trace]\n"
    "       siaran modem info --port P [--baud B] [--pin PIN] [--timeout S] [--trace]\n"
    "       siaran modem send --port P --to NUMBER --text TEXT [--report] [--timeout S]\n"
    "                         [--baud B] [--pin PIN] [--trace]\n"
    "       siaran modem listen --port P [--baud B] [--pin PIN] [--trace]\n"
    "       siaran modem ussd --port P CODE [--timeout S] [--baud B] [--pin PIN] [--trace]\n";

struct usage_error {
  std::string message;
};

struct modem_args {
  port_choice choice;
  std::string to;
  std::optional<std::string> text;
  bool report = false;
  std::optional<unsigned> timeout_s;
  std::string code;  // `ussd`: the one word that is not an option
};

unsigned parse_unsigned(std::string_view text, std::string_view option) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value == 0) {
    throw usage_error{std::string(option) + " '" + std::string(text) + "' is not a positive number"};
  }
  return value;
}

modem_args parse(std::span<const std::string_view> args) {
  modem_args parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view word = args[i];
    const auto value = [&]() -> std::string_view {
      if (i + 1 >= args.size()) throw usage_error{"missing argument for " + std::string(word)};
      return args[++i];
    };
    if (word == "--port") {
      parsed.choice.port = value();
    } else if (word == "--baud") {
      parsed.choice.baud = parse_unsigned(value(), word);
    } else if (word == "--pin") {
      parsed.choice.pin = std::string(value());
    } else if (word == "--trace") {
      parsed.choice.trace = true;
    } else if (word == "--to") {
      parsed.to = value();
    } else if (word == "--text") {
      parsed.text = std::string(value());
    } else if (word == "--report") {
      parsed.report = true;
    } else if (word == "--timeout") {
      parsed.timeout_s = parse_unsigned(value(), word);
    } else if (!word.starts_with("--") && parsed.code.empty()) {
      parsed.code = word;
    } else {
      throw usage_error{"unknown option '" + std::string(word) + "'"};
    }
  }
  return parsed;
}

// Whether two renderings of a number are the same subscriber: networks report "0812..." for
// a message sent to "+62812...". The last 8 digits decide (fewer when either is shorter).
bool same_subscriber(std::string_view reported, std::string_view sent) {
  const auto digits = [](std::string_view number) {
    std::string only;
    for (const char c : number) {
      if (c >= '0' && c <= '9') only.push_back(c);
    }
    return only;
  };
  const std::string a = digits(reported);
  const std::string b = digits(sent);
  const std::size_t n = std::min<std::size_t>({a.size(), b.size(), 8});
  if (n == 0) return a.empty() && b.empty() ? reported == sent : true;  // alphanumeric: cannot tell
  return a.substr(a.size() - n) == b.substr(b.size() - n);
}

void require_port(const modem_args& args) {
  if (args.choice.port.empty()) throw usage_error{"--port is required"};
}

// Whether `port` answers a plain AT within a second: the one way to tell a modem's AT port
// from its other interfaces (diagnostics, GPS, PPP).
nlohmann::json probe(const modem::port_info& port, unsigned baud, bool trace) {
  asio::io_context io;
  std::optional<modem::serial_port> device;
  modem::serial_settings settings;
  settings.baud = baud;
  if (trace) settings.trace = stderr_tracer(port.name);
  try {
    device.emplace(io, port.name, settings);
  } catch (const modem::open_error& error) {
    return {{"answers_at", false}, {"error", error.what()}};
  }
  at::channel chat(*device, at::steady_timer_factory(io), at::channel_options{port.name});
  chat.start(io);
  bool answered = false;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        at::command hello;
        hello.text = "AT";
        hello.timeout = 1s;
        const at::response answer = co_await chat.execute(std::move(hello));
        answered = answer.success;
        device->close();
      },
      asio::detached);
  io.run_for(5s);
  return {{"answers_at", answered}};
}

int list(const modem_args& args, std::ostream& out, std::ostream& err) {
  std::vector<modem::port_info> ports;
  try {
    ports = modem::list_ports();
  } catch (const std::exception& error) {
    err << "siaran modem list: " << error.what() << "\n";
    return exit_unavailable;
  }
  nlohmann::json all = nlohmann::json::array();
  for (const modem::port_info& port : ports) {
    nlohmann::json entry = port_json(port);
    entry.update(probe(port, args.choice.baud, args.choice.trace));
    all.push_back(std::move(entry));
  }
  out << all.dump(2) << "\n";
  return exit_ok;
}

int info(const modem_args& args, std::ostream& out, std::ostream& err) {
  require_port(args);
  attached_modem attached(args.choice, err, false);
  if (!attached.wait_ready(std::chrono::seconds(args.timeout_s.value_or(90)))) return exit_unavailable;
  out << status_json(attached.driver().status()).dump(2) << "\n";
  return exit_ok;
}

int send(const modem_args& args, std::ostream& out, std::ostream& err) {
  require_port(args);
  if (args.to.empty() || !args.text) throw usage_error{"--to and --text are required"};
  std::vector<sms::encoded_part> parts;
  try {
    sms::submit_request request;
    request.to = args.to;
    request.text = *args.text;
    request.status_report = args.report;
    request.concat_reference = static_cast<std::uint8_t>(std::random_device{}());
    parts = sms::encode_submit(request);
  } catch (const sms::codec_error& error) {
    err << "siaran modem send: " << error.what() << "\n";
    return exit_data;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(args.timeout_s.value_or(120));
  attached_modem attached(args.choice, err, false);
  // Collected by reference from the first AT+CMGS on: a fast network's report can arrive
  // (as +CDS) before the +CMGS that tells us its reference. Earlier ones (stored on the SIM
  // by another run) and ones for another recipient with the same reference are not ours.
  std::map<int, modem::status_report> reports;
  bool sending = false;
  attached.driver().on_report([&](const modem::status_report& report) {
    if (sending && same_subscriber(report.report.number, args.to)) reports[report.message_reference] = report;
  });
  if (!attached.wait_ready(std::chrono::seconds(args.timeout_s.value_or(120)))) return exit_unavailable;
  sending = true;

  nlohmann::json sent{{"to", args.to}, {"parts", nlohmann::json::array()}};
  std::vector<int> references;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::optional<modem::send_result> result;
    asio::co_spawn(attached.io(), attached.driver().send(parts[i]),
                   [&result](std::exception_ptr, modem::send_result outcome) { result = std::move(outcome); });
    attached.run_until([&] { return result.has_value(); }, deadline);
    if (!result || !result->ok()) {
      const std::string why = !result ? "no answer before --timeout" : result->error->text;
      err << "siaran modem send: part " << i + 1 << " of " << parts.size() << " not sent: " << why;
      if (result && result->error->cms_code) err << " (+CMS ERROR " << *result->error->cms_code << ")";
      err << "\n";
      out << sent.dump() << "\n";
      return exit_unavailable;
    }
    references.push_back(*result->reference);
    sent["parts"].push_back({{"part", i + 1}, {"reference", *result->reference}});
  }
  out << sent.dump() << std::endl;
  if (!args.report) return exit_ok;

  const bool all = attached.run_until(
      [&] {
        return std::all_of(references.begin(), references.end(), [&](int mr) { return reports.contains(mr); });
      },
      deadline);
  for (const int mr : references) {
    if (const auto found = reports.find(mr); found != reports.end()) out << report_json(found->second).dump() << "\n";
  }
  if (!all) {
    err << "siaran modem send: sent, but not every status report arrived before --timeout\n";
    return exit_unavailable;
  }
  return exit_ok;
}

// Joins the parts of concatenated messages as they come; earlier parts stay on the SIM (the
// receiver says "not stored") until the whole message is printed, so nothing is lost if
// `listen` is interrupted in between.
class listener {
 public:
  listener(std::ostream& out, modem::modem& driver) : out_(out), driver_(driver) {}

  bool take(const modem::incoming_message& incoming) {
    if (!incoming.message) {
      print_undecodable(incoming);
      return true;
    }
    const sms::decoded_pdu& part = *incoming.message;
    const auto concat = part.concat();
    if (!concat || concat->total <= 1) {
      print(part, part.ud.text, 1);
      return true;
    }
    const key id{part.number, concat->reference, concat->total};
    if (printed_.contains(id)) return true;
    auto& parts = pending_[id];
    parts.emplace(concat->part, part);
    if (parts.size() < concat->total) return !incoming.index;  // kept in memory if not on the SIM
    std::vector<sms::decoded_pdu> ordered;
    for (auto& [number, each] : parts) ordered.push_back(each);
    try {
      print(ordered.front(), sms::reassemble(ordered), ordered.size());
    } catch (const sms::codec_error& error) {
      std::cerr << "siaran modem listen: parts do not join: " << error.what() << "\n";
    }
    printed_.insert(id);
    pending_.erase(id);
    driver_.poll_storage();  // the earlier parts are still on the SIM: delete them now
    return true;
  }

 private:
  using key = std::tuple<std::string, unsigned, unsigned>;

  void print(const sms::decoded_pdu& first, const std::string& text, std::size_t parts) {
    out_ << message_json(first, text, parts).dump() << std::endl;
  }

  // Printed (and so deleted from the SIM) like any message: the person sees it arrived.
  void print_undecodable(const modem::incoming_message& incoming) {
    nlohmann::json line{{"type", "sms"}, {"error", incoming.decode_error.value_or("cannot be decoded")},
                        {"pdu", incoming.pdu}};
    if (incoming.index) line["index"] = *incoming.index;
    if (!incoming.memory.empty()) line["memory"] = incoming.memory;
    out_ << line.dump() << std::endl;
  }

  std::ostream& out_;
  modem::modem& driver_;
  std::map<key, std::map<unsigned, sms::decoded_pdu>> pending_;
  std::set<key> printed_;
};

int listen(const modem_args& args, std::ostream& out, std::ostream& err) {
  require_port(args);
  attached_modem attached(args.choice, err, true);
  listener joined(out, attached.driver());
  attached.driver().on_message([&joined](const modem::incoming_message& message) -> asio::awaitable<bool> {
    co_return joined.take(message);
  });
  attached.driver().on_report(
      [&out](const modem::status_report& report) { out << report_json(report).dump() << std::endl; });
  bool interrupted = false;
  asio::signal_set signals(attached.io(), SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int) { interrupted = !error; });
  if (!attached.wait_ready(std::chrono::seconds(args.timeout_s.value_or(90)))) return exit_unavailable;
  err << "siaran modem listen: listening on " << args.choice.port << " (Ctrl-C to stop)" << std::endl;
  attached.run_until([&] { return interrupted || !attached.driver().running(); },
                     std::chrono::steady_clock::time_point::max());
  signals.cancel();
  if (!interrupted) {
    err << "siaran modem listen: " << attached.driver().status().reason << "\n";
    return exit_unavailable;
  }
  return exit_ok;
}

// The network's answer can take several seconds (the balance system behind the code is slow);
// 30 s is what a handset waits.
constexpr std::chrono::seconds default_ussd_wait{30};

int ussd(const modem_args& args, std::ostream& out, std::ostream& err) {
  require_port(args);
  if (!common::valid_ussd_code(args.code)) throw usage_error{"a USSD code such as *888# is required"};
  const auto wait = args.timeout_s ? std::chrono::seconds(*args.timeout_s) : default_ussd_wait;
  attached_modem attached(args.choice, err, false);
  if (!attached.wait_ready(std::chrono::seconds(args.timeout_s.value_or(90)))) return exit_unavailable;
  std::optional<modem::ussd_outcome> result;
  asio::co_spawn(attached.io(), attached.driver().ussd(args.code, wait),
                 [&result](std::exception_ptr, modem::ussd_outcome outcome) { result = std::move(outcome); });
  attached.run_until([&] { return result.has_value(); }, std::chrono::steady_clock::now() + wait + 20s);
  if (!result || !result->ok()) {
    err << "siaran modem ussd: " << (result ? result->error : "no answer before --timeout") << "\n";
    return exit_unavailable;
  }
  out << ussd_json(args.code, *result->reply).dump(2) << "\n";
  return exit_ok;
}

}  // namespace

int run_modem_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << usage_text;
    return exit_usage;
  }
  try {
    const modem_args parsed = parse(args.subspan(1));
    log_to_stderr(parsed.choice.trace);
    if (args[0] == "list") return list(parsed, out, err);
    if (args[0] == "info") return info(parsed, out, err);
    if (args[0] == "send") return send(parsed, out, err);
    if (args[0] == "listen") return listen(parsed, out, err);
    if (args[0] == "ussd") return ussd(parsed, out, err);
    throw usage_error{"unknown modem command '" + std::string(args[0]) + "'"};
  } catch (const usage_error& error) {
    err << "siaran modem: " << error.message << "\n" << usage_text;
    return exit_usage;
  }
}

}  // namespace siaran::tools
