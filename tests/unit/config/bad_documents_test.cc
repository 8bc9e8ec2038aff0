// SPDX-License-Identifier: GPL-3.0-or-later
// Each bad document and the exact error it gives: the messages are part of the interface
// (people read them in `siarand --check-config` output), so they are pinned here.

#include <catch2/catch.hpp>

#include <string>

#include "config/loader.h"

using siaran::config::config_error;
using siaran::config::load_string;

namespace {

struct bad_document {
  const char* document;
  const char* error;  // "line:col: path: message"; the file name is added
};

std::string only_error(const std::string& document) {
  try {
    load_string(document, "f.yaml");
  } catch (const config_error& e) {
    if (e.diagnostics().size() == 1) return e.diagnostics()[0].to_string();
    return std::string("several errors:\n") + e.what();
  }
  return "no error";
}

const bad_document cases[] = {
    // Unknown, duplicate and malformed keys.
    {"databse: /x.db", "1:1: databse: unknown key; did you mean 'database'?"},
    {"colour: red", "1:1: colour: unknown key (expected one of: database timezone region organisation "
                    "log_level throttle on_uncertain dispatch modems smpp prices http inbox)"},
    {"throttle:\n  rate: 3", "2:3: throttle.rate: unknown key (expected one of: rate_per_second burst)"},
    {"region: ID\nregion: MY", "2:1: region: duplicate key (first given on line 1)"},
    {"[a]: 1", "1:1: keys must be plain names, not a list"},
    // Syntax yaml-cpp 0.7 would otherwise skip silently (Load) or loop on forever (LoadAll).
    {",a: b", "1:1: YAML syntax error: unexpected ','"},
    {"  ,", "1:3: YAML syntax error: unexpected ','"},
    // Wrong kinds of node.
    {"- a\n- b", "1:1: expected a mapping of keys, got a list"},
    {"throttle: 5", "1:11: throttle: expected a mapping of keys, got a single value"},
    {"modems: {id: m1}", "1:9: modems: expected a list, got a mapping"},
    {"database:", "1:1: database: has no value; give one or remove the key"},
    {"database: {a: 1}", "1:11: database: expected a single value, got a mapping"},
    {"database: ''", "1:11: database: is empty"},
    // Top-level values.
    {"timezone: Asia/Jakrta",
     "1:11: timezone: 'Asia/Jakrta' is not a known IANA time zone such as Asia/Jakarta (no zone "
     "file /usr/share/zoneinfo/Asia/Jakrta; is the tzdata package installed?)"},
    {"timezone: ../../etc/passwd",
     "1:11: timezone: '../../etc/passwd' is not a known IANA time zone such as Asia/Jakarta (no zone "
     "file /usr/share/zoneinfo/../../etc/passwd; is the tzdata package installed?)"},
    {"region: id", "1:9: region: 'id' is not a region libphonenumber knows: two capital letters, e.g. ID"},
    {"log_level: warning", "1:12: log_level: 'warning' is not one of trace, debug, info, warn or error"},
    {"on_uncertain: retry", "1:15: on_uncertain: 'retry' is not one of resend or hold"},
    {"throttle: {rate_per_second: -1}",
     "1:29: throttle.rate_per_second: -1 is not a number from 0 to 1000"},
    {"modems:\n  - {id: m1, port: /dev/ttyUSB0, sim_send_delay_ms: 5}",
     "2:53: modems[0].sim_send_delay_ms: applies only to a simulated modem (port: sim); a real modem has its own latency"},
    {"modems:\n  - {id: m1, port: /dev/ttyUSB0, sim_balance: 3000}",
     "2:47: modems[0].sim_balance: applies only to a simulated modem (port: sim); a real SIM has its own balance"},
    {"modems:\n  - {id: m1, port: sim, ussd_balance: \"*888\"}",
     "2:39: modems[0].ussd_balance: '*888' is not a USSD code such as \"*888#\" (digits, '*' and '#', ending in '#', "
     "quoted)"},
    {"modems:\n  - {id: m1, port: sim, balance_threshold: 5000}",
     "2:44: modems[0].balance_threshold: needs ussd_balance (the code that asks for the balance, e.g. \"*888#\") or "
     "operator"},
    {"modems:\n  - {id: m1, port: sim, balance_check: 30s}", "2:40: modems[0].balance_check: must be at least 1m"},
    {"dispatch: {max_attempts: 0}",
     "1:26: dispatch.max_attempts: 0 is not a whole number from 1 to 100"},
    {"throttle: {rate_per_second: 1001}",
     "1:29: throttle.rate_per_second: 1001 is not a number from 0 to 1000"},
    {"throttle: {rate_per_second: .nan}",
     "1:29: throttle.rate_per_second: .nan is not a number from 0 to 1000"},
    {"throttle: {burst: 2.5}", "1:19: throttle.burst: 2.5 is not a whole number from 1 to 1000"},
    {"throttle: {burst: -1}", "1:19: throttle.burst: -1 is not a whole number from 1 to 1000"},
    // Modems.
    {"modems:\n  - port: sim", "2:5: modems[0]: missing required key 'id'"},
    {"modems:\n  - id: m1", "2:5: modems[0]: missing required key 'port'"},
    {"modems:\n  - {id: m1, port: sim}\n  - {id: m1, port: sim}",
     "3:10: modems[1].id: 'm1' is already the id of modems[0]"},
    {"modems:\n  - {id: a, port: /dev/ttyUSB0}\n  - {id: b, port: /dev/ttyUSB0}",
     "3:19: modems[1].port: '/dev/ttyUSB0' is already the port of modems[0]"},
    {"modems: [{id: 'm 1', port: sim}]",
     "1:15: modems[0].id: 'm 1' must be 1 to 64 letters, digits, '_' or '-'"},
    {"modems: [{id: m1, port: ttyUSB0}]",
     "1:25: modems[0].port: 'ttyUSB0' must be a device path such as /dev/ttyUSB0 or "
     "/dev/serial/by-id/..., or \"sim\" for the built-in simulated modem"},
    {"modems:\n  - id: m1\n    port: sim\n    baud: 115201",
     "4:11: modems[0].baud: 115201 is not a standard baud rate (one of 1200, 2400, 4800, 9600, "
     "19200, 38400, 57600, 115200, 230400, 460800, 921600)"},
    {"modems: [{id: m1, port: sim, pin: 1234}]",
     "1:35: modems[0].pin: must be quoted, e.g. pin: \"1234\""},
    {"modems: [{id: m1, port: sim, pin: '123'}]", "1:35: modems[0].pin: must be 4 to 8 digits"},
    {"modems: [{id: m1, port: sim, pin: '12a4'}]", "1:35: modems[0].pin: must be 4 to 8 digits"},
    {"modems: [{id: m1, port: sim, smsc: '0816-124'}]",
     "1:36: modems[0].smsc: '0816-124' must be a phone number: digits with an optional leading '+'"},
    {"modems: [{id: m1, port: sim, operator: telkom}]",
     "1:40: modems[0].operator: 'telkom' is not one of telkomsel, indosat, xl, axis, tri or smartfren"},
    {"modems: [{id: m1, port: sim, max_per_minute: -5}]",
     "1:46: modems[0].max_per_minute: -5 is not a whole number from 0 to 600"},
    {"modems: [{id: m1, port: sim, bud: 9600}]",
     "1:30: modems[0].bud: unknown key; did you mean 'baud'?"},
    // HTTP.
    {"http: {listen: localhost:8080}",
     "1:16: http.listen: 'localhost:8080' is not an address to listen on: IPv4:port or "
     "[IPv6]:port with a port from 1 to 65535, e.g. 127.0.0.1:8080 or [::1]:8080"},
    {"http: {listen: '127.0.0.1:0'}",
     "1:16: http.listen: '127.0.0.1:0' is not an address to listen on: IPv4:port or "
     "[IPv6]:port with a port from 1 to 65535, e.g. 127.0.0.1:8080 or [::1]:8080"},
    {"http: {listen: '::1:8080'}",
     "1:16: http.listen: '::1:8080' is not an address to listen on: IPv4:port or "
     "[IPv6]:port with a port from 1 to 65535, e.g. 127.0.0.1:8080 or [::1]:8080"},
    {"http: {listen: '0.0.0.0:8443'}",
     "1:16: http.listen: '0.0.0.0:8443' lets other PCs in over plain HTTP, where passwords and session cookies "
     "cross the network in clear: add http.tls (`siaran tls self-signed` makes a certificate), listen on "
     "127.0.0.1, or set http.allow_plain_lan: true if a TLS proxy or a closed network protects it"},
    {"modems:\n  - {id: m1, port: /dev/ttyUSB0, sim_reports: [{ending: '7', status: 65}]}",
     "2:47: modems[0].sim_reports: applies only to a simulated modem (port: sim); a real network sends its own "
     "reports"},
    {"modems:\n  - {id: s1, port: sim, sim_reports: [{ending: 'x7', status: 65}]}",
     "2:48: modems[0].sim_reports[0].ending: 'x7' is not the last digits of a number (\"\" for every number)"},
    {"modems:\n  - {id: s1, port: sim, sim_reports: [{ending: '7', status: 256}]}",
     "2:61: modems[0].sim_reports[0].status: 256 is not a whole number from 0 to 255"},
    {"dispatch: {delivery_reports: yes}",
     "1:30: dispatch.delivery_reports: 'yes' is not one of false or true"},
    {"dispatch: {report_timeout: soon}",
     "1:28: dispatch.report_timeout: 'soon' is not a duration between 1s and 366d, such as 7d, 12h, 30m or 1d12h"},
    {"http: {allow_plain_lan: no}",
     "1:25: http.allow_plain_lan: 'no' is not one of false or true"},
    {"http: {listen: '127.0.0.1:8443', tls: {certificate: /etc/siaran/tls/siaran.crt}}",
     "1:39: http.tls: missing required key 'private_key'"},
    {"http: {tokens: [{name: a, sha256: ABC}]}",
     "1:35: http.tokens[0].sha256: must be 64 lowercase hexadecimal digits (the SHA-256 that "
     "`siaran token new` prints)"},
    {"http: {tokens: [{sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}]}",
     "1:17: http.tokens[0]: missing required key 'name'"},
    {"http:\n  tokens:\n    - {name: a, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}\n"
     "    - {name: a, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}",
     "4:14: http.tokens[1].name: 'a' is already the name of http.tokens[0]"},
    // Prices.
    {"prices: {default: -5}", "1:19: prices.default: -5 is not a whole number from 0 to 100000"},
    {"prices:\n  operators:\n    telkomse: 100",
     "3:5: prices.operators.telkomse: unknown key; did you mean 'telkomsel'?"},
    {"prices:\n  operators:\n    indosat: {on_net: 100}",
     "3:14: prices.operators.indosat: missing required key 'off_net'"},
    {"prices:\n  operators:\n    xl: {on_net: 100, off_net: cheap}",
     "3:32: prices.operators.xl.off_net: cheap is not a whole number from 0 to 100000"},
    {"modems:\n  - {id: m1, port: sim, price: [100]}",
     "2:32: modems[0].price: expected a mapping of keys, got a list"},
    // Inbox.
    {"inbox: {reply_window: 7}",
     "1:23: inbox.reply_window: '7' is not a duration between 1s and 366d, such as 7d, 12h, 30m or 1d12h"},
    {"inbox: {reply_window: 0d}",
     "1:23: inbox.reply_window: '0d' is not a duration between 1s and 366d, such as 7d, 12h, 30m or 1d12h"},
    {"inbox: {reply_window: 400d}",
     "1:23: inbox.reply_window: '400d' is not a duration between 1s and 366d, such as 7d, 12h, 30m or 1d12h"},
    {"inbox: {reply_window: 7w}",
     "1:23: inbox.reply_window: '7w' is not a duration between 1s and 366d, such as 7d, 12h, 30m or 1d12h"},
    // SMPP binds.
    {"smpp:\n  - {id: s1, host: sim, system_id: x, senders: [POKJANALKBBX]}",
     "2:49: smpp[0].senders[0]: 'POKJANALKBBX' has 12 characters; a registered alphanumeric sender has at most 11 (SMPP source_addr, TON 5)"},
    {"smpp:\n  - {id: s1, host: 10.0.0.1, system_id: x, senders: [POKJANAL]}",
     "2:5: smpp[0]: password_file is required for an SMSC other than the built-in simulator (host: sim)"},
    {"smpp:\n  - {id: s1, host: sim, system_id: x, password_file: secret, senders: [A]}",
     "2:54: smpp[0].password_file: 'secret' must be an absolute path"},
    {"smpp:\n  - {id: s1, host: sim, system_id: x, senders: [A], bind: receiver}",
     "2:59: smpp[0].bind: 'receiver' is not one of transceiver or transmitter"},
    {"smpp:\n  - {id: s1, host: 10.0.0.1, system_id: x, password_file: /s, senders: [A], sim_receipt_delay_ms: 5}",
     "2:99: smpp[0].sim_receipt_delay_ms: applies only to the built-in simulated SMSC (host: sim)"},
    {"smpp:\n  - {id: s1, host: sim, system_id: x, senders: [A]}\n  - {id: s1, host: sim, system_id: y, senders: [B]}",
     "3:10: smpp[1].id: 's1' is already the id of smpp[0]"},
    {"modems:\n  - {id: m1, port: sim}\nsmpp:\n  - {id: m1, host: sim, system_id: x, senders: [A]}",
     "1:1: smpp id 'm1' is also a modem's id; channel ids must differ"},
    {"smpp:\n  - {id: s1, host: sim, system_id: x, senders: [\"POKJANAL!\"]}",
     "2:49: smpp[0].senders[0]: 'POKJANAL!' must be letters, digits, spaces, '-' or '.': handsets show other characters badly"},
    {"dispatch: {auto_prefers: sms}",
     "1:26: dispatch.auto_prefers: 'sms' is not one of smpp or modem"},
};

}  // namespace

TEST_CASE("each bad document gives its exact error with line, column and key path") {
  for (const bad_document& c : cases) {
    INFO("document:\n" << c.document);
    CHECK(only_error(c.document) == std::string("f.yaml:") + c.error);
  }
}
