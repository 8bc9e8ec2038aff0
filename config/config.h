// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The daemon's whole configuration as one typed, validated value (DESIGN.md, "Interfaces").
// Every field holds its documented default until a file says otherwise; the loader
// (config/loader.h) is the only place that fills it in.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::config {

enum class log_severity { trace, debug, info, warn, error };

// What to do with a part found in state "sending" at start-up: it was possibly sent.
enum class uncertain_policy { resend, hold };

// Indonesian operators, for operator-aware routing (on-net SMS is cheaper).
enum class network_operator { telkomsel, indosat, xl, axis, tri, smartfren };

std::string_view to_string(log_severity level);
std::string_view to_string(uncertain_policy policy);
std::string_view to_string(network_operator op);
// The code that asks the operator's network for a prepaid SIM's balance ("*888#" Telkomsel).
std::string_view balance_code(network_operator op);

// A token bucket over SMS parts, global for the daemon. The rate may be fractional
// (0.5 = one part every two seconds) so slow SIM plans and tests can be expressed; 0 = no
// global limit (each modem still sends one part at a time).
struct throttle_config {
  double rate_per_second = 35.0;
  unsigned burst = 5;
};

// Rupiah for one SMS part sent from a SIM: to a number on the SIM's own network (on-net) and to
// any other (off-net). One price for both is written as a single number.
struct part_price {
  unsigned on_net = 0;
  unsigned off_net = 0;
  friend bool operator==(const part_price&, const part_price&) = default;
};

// What a part costs, by the channel that sends it: a modem's own price, else its SIM operator's,
// else the default.
struct prices_config {
  unsigned default_price = 150;  // a typical prepaid off-net SMS
  std::map<network_operator, part_price> operators;
};

// `port: sim` only: what the simulated network reports for a recipient whose number ends with
// `ending` (modem/sim/report_rules.h); the first matching rule wins.
struct sim_report_rule {
  std::string ending;             // digits; "" matches every number
  std::optional<unsigned> status;  // TP-ST 0-255; none: no report ever
  std::optional<unsigned> delay_ms;  // none: the simulator's usual report delay (2 s)
};

struct modem_config {
  std::string id;
  std::string port;  // a device path, or "sim" for the built-in simulated modem
  unsigned baud = 115200;
  std::optional<std::string> pin;   // 4-8 digits; secret: never logged
  std::optional<std::string> smsc;  // service centre number, digits with an optional '+'
  std::optional<network_operator> mobile_operator;
  unsigned max_per_minute = 0;  // 0 = no per-SIM cap
  std::optional<part_price> price;  // this SIM's own (an SMS package), over its operator's
  unsigned sim_send_delay_ms = 0;  // `port: sim` only: the simulated network's AT+CMGS latency
  // The SIM's balance (pulsa) by USSD: the code (else the operator's, balance_code()), how
  // often it is checked, the rupiah below which the modem is low, and whether a low modem
  // rests (sends nothing) instead of failing sends until the next check finds it topped up.
  std::optional<std::string> ussd_balance;
  std::chrono::seconds balance_check = std::chrono::hours(6);
  unsigned balance_threshold = 0;  // 0: never low
  bool rest_when_low = false;
  unsigned sim_balance = 50000;  // `port: sim` only: what the simulated SIM's balance code answers
  std::vector<sim_report_rule> sim_reports;  // `port: sim` only: none: every part delivered

  bool simulated() const { return port == sim_port; }
  static constexpr std::string_view sim_port = "sim";
};

// One SMPP 3.4 account at an operator's or aggregator's SMSC (DESIGN.md "Channels"). The password
// lives in its own file (password_file), read when siarand starts, never in the YAML.
// `host: sim` runs a built-in simulated SMSC (smpp/sim) on a loopback port instead.
struct smpp_config {
  enum class bind_kind { transceiver, transmitter };  // transmitter: plus a receiver bind

  std::string id;
  std::string host;
  unsigned port = 2775;
  std::string system_id;
  std::string password_file;  // absolute path; optional for `host: sim`
  std::string system_type;
  bind_kind bind = bind_kind::transceiver;
  unsigned window = 10;
  double rate_per_second = 50;
  std::chrono::seconds enquire_link{30};
  std::vector<std::string> senders;  // registered names (at most 11 characters) or numbers
  std::optional<std::string> reply_number;  // the modem number cadres answer a masked SMS on
  std::optional<part_price> price;          // rupiah per part; none: prices.default
  unsigned sim_receipt_delay_ms = 500;      // `host: sim` only: when the simulated receipt comes

  bool simulated() const { return host == sim_host; }
  static constexpr std::string_view sim_host = "sim";
};

// How parts are retried, expired and drained (DESIGN.md "Messages and their states").
struct dispatch_config {
  unsigned max_attempts = 5;                               // then the part fails
  std::chrono::seconds retry_delay{30};                    // after the first temporary failure,
  std::chrono::seconds retry_max_delay = std::chrono::hours(1);  // doubling up to this
  std::chrono::seconds valid_for = std::chrono::hours(48); // an unsent message expires after it
  std::chrono::seconds drain_timeout{30};                  // SIGTERM waits this long for parts in flight
  bool delivery_reports = true;  // every part asks for a status report (an API message may say otherwise)
  std::chrono::seconds report_timeout = std::chrono::hours(48);  // no final report by then: delivery unknown
  // `via: auto` goes by an SMPP bind while one is bound and by modem otherwise; `modem` turns
  // that round (masked only when no modem can send).
  bool auto_prefers_modems = false;
};

struct api_token {
  std::string name;
  std::string sha256;  // 64 lowercase hex digits; secret-ish: never logged
};

// HTTPS: both files PEM; checked when siarand starts (daemon/http/tls_context.h).
struct tls_config {
  std::string certificate;
  std::string private_key;
};

struct http_config {
  std::string listen = "127.0.0.1:8080";  // as written in the file
  std::string host = "127.0.0.1";         // without the brackets of an IPv6 literal
  std::uint16_t port = 8080;
  std::vector<api_token> tokens;
  // Reverse proxies whose X-Forwarded-For names the client (daemon/http/client_address.h).
  std::vector<std::string> trusted_proxies;
  // The web UI's files; empty: where this build installed them (SIARAN_WEB_ROOT).
  std::string web_root;
  std::optional<tls_config> tls;  // none: plain HTTP
  // Plain HTTP on an address other PCs reach, where passwords and cookies cross the LAN in
  // clear: refused unless this says a TLS proxy or a closed network makes it safe.
  bool allow_plain_lan = false;
};

// The words a reply may be (case-insensitive), per effect (daemon/inbox/keywords.h); stored
// upper-case, each word in one list only.
struct inbox_keywords {
  std::vector<std::string> stop{"BERHENTI", "STOP"};
  std::vector<std::string> start{"GABUNG", "START"};
  std::vector<std::string> change_number{"GANTI"};
  std::vector<std::string> attend{"HADIR", "YA"};
  std::vector<std::string> decline{"TIDAK"};
  bool operator==(const inbox_keywords&) const = default;
};

// A keyword of the office's own that is only answered, always with the same text ("INFO" ->
// "Jadwal Posyandu ..."), like playSMS's autoreply; the message still lands in the inbox.
struct auto_reply {
  std::string word;  // upper-case
  std::string answer;
  bool operator==(const auto_reply&) const = default;
};

struct inbox_config {
  std::chrono::seconds reply_window = std::chrono::hours(24 * 7);
  // A long SMS whose missing parts have not come by then is stored as what arrived.
  std::chrono::seconds reassembly_timeout = std::chrono::minutes(30);
  inbox_keywords keywords;
  std::vector<auto_reply> auto_replies;  // none by default
};

struct daemon_config {
  std::string database = "/var/lib/siaran/siaran.db";
  std::string timezone = "Asia/Jakarta";
  std::string region = "ID";
  // Who hands the reports over: the header of every printed report.
  std::string organisation = "Pokjanal Posyandu";
  log_severity log_level = log_severity::info;
  throttle_config throttle;
  uncertain_policy on_uncertain = uncertain_policy::resend;
  dispatch_config dispatch;
  std::vector<modem_config> modems;
  std::vector<smpp_config> smpp;
  prices_config prices;
  http_config http;
  inbox_config inbox;
};

// One line for the start-up log: counts, ids, rates, addresses; never PINs or token hashes.
std::string summary(const daemon_config& config);

}  // namespace siaran::config
