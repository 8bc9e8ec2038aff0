// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration schema: one line per key (DESIGN.md, "Interfaces" lists the names).
// Cross-item rules (unique ids, ports, token names) sit beside the list they concern.

#include "config/loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include "common/ascii.h"
#include "config/document.h"
#include "config/keyword_rules.h"
#include "config/values.h"
#include "config/walk.h"

namespace siaran::config {
namespace {

using values::one_of;

// Reports `name` when an earlier list item already used it.
class unique_names {
 public:
  explicit unique_names(std::string what) : what_(std::move(what)) {}

  void check(const yaml_value& item, const std::string& key, const std::string& name) {
    auto [earlier, inserted] = first_.emplace(name, item.path);
    if (!inserted) item.child(item.node[key], key, item.mark).error(
        "'" + name + "' is already the " + what_ + " of " + earlier->second);
  }

 private:
  std::string what_;
  std::map<std::string, std::string> first_;
};

void read_throttle(const yaml_value& value, throttle_config& throttle) {
  mapping(value, {
      {"rate_per_second", store(throttle.rate_per_second, values::number(0, 1000))},
      {"burst", store(throttle.burst, values::whole_number(1, 1000))},
  });
}

values::enum_names<network_operator> operator_names() {
  return {{"telkomsel", network_operator::telkomsel}, {"indosat", network_operator::indosat},
          {"xl", network_operator::xl},               {"axis", network_operator::axis},
          {"tri", network_operator::tri},             {"smartfren", network_operator::smartfren}};
}

// Rupiah per part: one number for on-net and off-net alike, or {on_net: N, off_net: N}.
std::optional<part_price> read_part_price(const yaml_value& value) {
  const auto rupiah = values::whole_number(0, 100000);
  if (value.node.IsScalar()) {
    const auto both = rupiah(value);
    if (!both) return std::nullopt;
    return part_price{*both, *both};
  }
  part_price price;
  mapping(value, {{"on_net", store(price.on_net, rupiah), true}, {"off_net", store(price.off_net, rupiah), true}});
  return price;
}

void read_prices(const yaml_value& value, prices_config& prices) {
  const auto read_operators = [&](const yaml_value& operators) {
    std::vector<schema_key> keys;
    for (const auto& [name, named] : operator_names()) {
      // A named copy: clang 14 cannot capture a structured binding.
      const network_operator op = named;
      keys.push_back({name, [&prices, op](const yaml_value& v) {
                        if (auto price = read_part_price(v)) prices.operators[op] = *price;
                      }});
    }
    mapping(operators, keys);
  };
  mapping(value, {{"default", store(prices.default_price, values::whole_number(0, 100000))},
                  {"operators", read_operators}});
}

std::optional<std::string> digits(const yaml_value& value) {
  const std::string text = value.node.IsScalar() ? value.node.Scalar() : "-";
  if (std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); })) return text;
  value.error("'" + text + "' is not the last digits of a number (\"\" for every number)");
  return std::nullopt;
}

// A TP-ST, or none: no report.
std::optional<std::optional<unsigned>> report_status(const yaml_value& value) {
  if (value.node.IsScalar() && value.node.Scalar() == "none") return std::optional<unsigned>();
  if (auto status = values::whole_number(0, 255)(value)) return std::optional<unsigned>(*status);
  return std::nullopt;
}

void read_sim_reports(const yaml_value& value, std::vector<sim_report_rule>& rules) {
  sequence(value, [&](const yaml_value& item) {
    sim_report_rule rule;
    mapping(item, {
        {"ending", store(rule.ending, digits), true},
        {"status", store(rule.status, report_status), true},
        {"delay_ms", store(rule.delay_ms, values::whole_number(0, 86400000))},
    });
    rules.push_back(std::move(rule));
  });
}

void read_modem(const yaml_value& value, modem_config& modem) {
  mapping(value, {
      {"id", store(modem.id, values::identifier), true},
      {"port", store(modem.port, values::device_port), true},
      {"baud", store(modem.baud, values::baud)},
      {"pin", store(modem.pin, values::pin)},
      {"smsc", store(modem.smsc, values::phone_number)},
      {"operator", store(modem.mobile_operator, one_of<network_operator>(operator_names()))},
      {"max_per_minute", store(modem.max_per_minute, values::whole_number(0, 600))},
      {"price", [&](const yaml_value& v) { modem.price = read_part_price(v); }},
      {"sim_send_delay_ms", store(modem.sim_send_delay_ms, values::whole_number(0, 60000))},
      {"ussd_balance", store(modem.ussd_balance, values::ussd_code)},
      {"balance_check", store(modem.balance_check, values::duration)},
      {"balance_threshold", store(modem.balance_threshold, values::whole_number(0, 10'000'000))},
      {"rest_when_low", store(modem.rest_when_low, one_of<bool>({{"false", false}, {"true", true}}))},
      {"sim_balance", store(modem.sim_balance, values::whole_number(0, 10'000'000))},
      {"sim_reports", [&modem](const yaml_value& rules) { read_sim_reports(rules, modem.sim_reports); }},
  });
  if (modem.port.empty() || modem.simulated()) return;
  for (const auto& [key, why] : {std::pair{"sim_send_delay_ms", "a real modem has its own latency"},
                                  std::pair{"sim_balance", "a real SIM has its own balance"}}) {
    if (value.node[key]) {
      value.child(value.node[key], key, value.mark)
          .error(std::string("applies only to a simulated modem (port: sim); ") + why);
    }
  }
  if (!modem.sim_reports.empty() && !modem.port.empty() && !modem.simulated()) {
    value.child(value.node["sim_reports"], "sim_reports", value.mark)
        .error("applies only to a simulated modem (port: sim); a real network sends its own reports");
  }
}

// A threshold needs a code to check it with (the configured one or the operator's), and a
// check more often than once a minute would only load the operator's USSD service.
void check_balance_settings(const yaml_value& value, const modem_config& modem) {
  if (modem.balance_check < std::chrono::minutes(1)) {
    value.child(value.node["balance_check"], "balance_check", value.mark).error("must be at least 1m");
  }
  if (modem.balance_threshold == 0 || modem.ussd_balance || modem.mobile_operator) return;
  value.child(value.node["balance_threshold"], "balance_threshold", value.mark)
      .error("needs ussd_balance (the code that asks for the balance, e.g. \"*888#\") or operator");
}

void read_dispatch(const yaml_value& value, dispatch_config& dispatch) {
  mapping(value, {
      {"max_attempts", store(dispatch.max_attempts, values::whole_number(1, 100))},
      {"retry_delay", store(dispatch.retry_delay, values::duration)},
      {"retry_max_delay", store(dispatch.retry_max_delay, values::duration)},
      {"valid_for", store(dispatch.valid_for, values::duration)},
      {"drain_timeout", store(dispatch.drain_timeout, values::duration)},
      {"delivery_reports", store(dispatch.delivery_reports, one_of<bool>({{"false", false}, {"true", true}}))},
      {"report_timeout", store(dispatch.report_timeout, values::duration)},
      {"auto_prefers", store(dispatch.auto_prefers_modems, one_of<bool>({{"smpp", false}, {"modem", true}}))},
  });
}

void read_modems(const yaml_value& value, std::vector<modem_config>& modems) {
  unique_names ids("id");
  unique_names ports("port");
  sequence(value, [&](const yaml_value& item) {
    modem_config modem;
    read_modem(item, modem);
    check_balance_settings(item, modem);
    if (!modem.id.empty()) ids.check(item, "id", modem.id);
    // Several simulated modems are fine; two modems cannot share one serial port.
    if (!modem.port.empty() && !modem.simulated()) ports.check(item, "port", modem.port);
    modems.push_back(std::move(modem));
  });
}

// A registered sender: an alphanumeric name of at most 11 characters (what handsets show), or a
// number of at most 15 digits with an optional '+'.
std::optional<std::string> registered_sender(const yaml_value& value) {
  auto name = values::text(value);
  if (!name) return std::nullopt;
  const std::string_view digits = name->front() == '+' ? std::string_view(*name).substr(1) : std::string_view(*name);
  const bool numeric = !digits.empty() && std::ranges::all_of(digits, [](unsigned char c) { return std::isdigit(c); });
  if (numeric) {
    if (digits.size() <= 15) return name;
    value.error("'" + *name + "' has " + std::to_string(digits.size()) + " digits; a numeric sender has at most 15");
    return std::nullopt;
  }
  if (name->size() > 11) {
    value.error("'" + *name + "' has " + std::to_string(name->size()) +
                " characters; a registered alphanumeric sender has at most 11 (SMPP source_addr, TON 5)");
    return std::nullopt;
  }
  const bool plain =
      std::ranges::all_of(*name, [](unsigned char c) { return std::isalnum(c) || c == ' ' || c == '-' || c == '.'; });
  if (!plain) {
    value.error("'" + *name + "' must be letters, digits, spaces, '-' or '.': handsets show other characters badly");
    return std::nullopt;
  }
  return name;
}

std::optional<std::string> absolute_path(const yaml_value& value) {
  auto path = values::text(value);
  if (path && path->front() != '/') {
    value.error("'" + *path + "' must be an absolute path");
    return std::nullopt;
  }
  return path;
}

// A scalar that may be empty (SMPP's system_type is "" at most SMSCs).
std::optional<std::string> scalar_text(const yaml_value& value) {
  if (value.node.IsScalar() && value.node.Scalar().empty()) return std::string();
  return values::text(value);
}

// SMPP 3.4 §5.2.1: system_id is a C-octet string of at most 16 octets, system_type of at most 13.
void check_smpp_lengths(const yaml_value& value, const smpp_config& bind) {
  const auto too_long = [&](const char* key, std::size_t max) {
    const std::string limit = "SMPP 3.4 allows at most " + std::to_string(max) + " characters";
    value.child(value.node[key], key, value.mark).error(limit);
  };
  if (bind.system_id.size() > 15) too_long("system_id", 15);
  if (bind.system_type.size() > 12) too_long("system_type", 12);
}

void read_smpp_bind(const yaml_value& value, smpp_config& bind) {
  using bind_kind = smpp_config::bind_kind;
  auto read_senders = [&](const yaml_value& list) {
    sequence(list, [&](const yaml_value& item) {
      if (auto sender = registered_sender(item)) bind.senders.push_back(std::move(*sender));
    });
  };
  mapping(value, {
      {"id", store(bind.id, values::identifier), true},
      {"host", store(bind.host, values::text), true},
      {"port", store(bind.port, values::whole_number(1, 65535))},
      {"system_id", store(bind.system_id, values::text), true},
      {"password_file", store(bind.password_file, absolute_path)},
      {"system_type", store(bind.system_type, scalar_text)},
      {"bind", store(bind.bind, one_of<bind_kind>({{"transceiver", bind_kind::transceiver},
                                                    {"transmitter", bind_kind::transmitter}}))},
      {"window", store(bind.window, values::whole_number(1, 1000))},
      {"rate_per_second", store(bind.rate_per_second, values::number(0, 10000))},
      {"enquire_link", store(bind.enquire_link, values::duration)},
      {"senders", read_senders, true},
      {"reply_number", store(bind.reply_number, values::phone_number)},
      {"price", [&](const yaml_value& v) { bind.price = read_part_price(v); }},
      {"sim_receipt_delay_ms", store(bind.sim_receipt_delay_ms, values::whole_number(0, 86400000))},
  });
  check_smpp_lengths(value, bind);
  if (bind.host.empty() || bind.simulated()) return;
  if (bind.password_file.empty()) {
    value.error("password_file is required for an SMSC other than the built-in simulator (host: sim)");
  }
  if (value.node["sim_receipt_delay_ms"]) {
    value.child(value.node["sim_receipt_delay_ms"], "sim_receipt_delay_ms", value.mark)
        .error("applies only to the built-in simulated SMSC (host: sim)");
  }
}

void read_smpp(const yaml_value& value, std::vector<smpp_config>& binds) {
  unique_names ids("id");
  sequence(value, [&](const yaml_value& item) {
    smpp_config bind;
    read_smpp_bind(item, bind);
    if (!bind.id.empty()) ids.check(item, "id", bind.id);
    binds.push_back(std::move(bind));
  });
}

// Modems and binds share one list of channel ids: the store names the channel of each part by it.
void check_channel_ids(const yaml_value& root, const daemon_config& config) {
  for (const smpp_config& bind : config.smpp) {
    for (const modem_config& modem : config.modems) {
      if (modem.id == bind.id) root.error("smpp id '" + bind.id + "' is also a modem's id; channel ids must differ");
    }
  }
}

// Passwords and session cookies must not cross the office network readable by every PC on it.
void refuse_plain_lan(const yaml_value& value, const http_config& http) {
  if (http.tls || http.allow_plain_lan || values::is_loopback(http.host)) return;
  value.child(value.node["listen"], "listen", value.mark)
      .error("'" + http.listen + "' lets other PCs in over plain HTTP, where passwords and session cookies cross "
             "the network in clear: add http.tls (`siaran tls self-signed` makes a certificate), listen on "
             "127.0.0.1, or set http.allow_plain_lan: true if a TLS proxy or a closed network protects it");
}

void read_http(const yaml_value& value, http_config& http) {
  auto read_listen = [&](const yaml_value& listen) {
    if (auto address = values::listen_address(listen)) {
      http.listen = address->text;
      http.host = address->host;
      http.port = address->port;
    }
  };
  auto read_tokens = [&](const yaml_value& list) {
    unique_names names("name");
    sequence(list, [&](const yaml_value& item) {
      api_token token;
      mapping(item, {
          {"name", store(token.name, values::identifier), true},
          {"sha256", store(token.sha256, values::sha256_hex), true},
      });
      if (!token.name.empty()) names.check(item, "name", token.name);
      http.tokens.push_back(std::move(token));
    });
  };
  auto read_proxies = [&](const yaml_value& list) {
    sequence(list, [&](const yaml_value& item) {
      if (auto address = values::ip_address(item)) http.trusted_proxies.push_back(std::move(*address));
    });
  };
  auto read_tls = [&](const yaml_value& files) {
    tls_config tls;
    mapping(files, {{"certificate", store(tls.certificate, values::text), true},
                    {"private_key", store(tls.private_key, values::text), true}});
    http.tls = std::move(tls);
  };
  mapping(value, {{"listen", read_listen},
                  {"tokens", read_tokens},
                  {"trusted_proxies", read_proxies},
                  {"web_root", store(http.web_root, values::text)},
                  {"tls", read_tls},
                  {"allow_plain_lan", store(http.allow_plain_lan, one_of<bool>({{"false", false}, {"true", true}}))}});
  refuse_plain_lan(value, http);
}

// One word of letters, compared case-insensitively: stored upper-case.
std::optional<std::string> keyword(const yaml_value& value) {
  auto word = values::text(value);
  if (!word) return std::nullopt;
  if (const auto refusal = keyword_refusal(*word)) {
    value.error(*refusal);
    return std::nullopt;
  }
  return common::uppercase(*word);
}

value_reader keyword_list(std::vector<std::string>& words) {
  return [&words](const yaml_value& list) {
    words.clear();
    sequence(list, [&](const yaml_value& item) {
      if (auto word = keyword(item)) words.push_back(std::move(*word));
    });
  };
}

void read_keywords(const yaml_value& value, inbox_keywords& k) {
  mapping(value, {{"stop", keyword_list(k.stop)},
                  {"start", keyword_list(k.start)},
                  {"change_number", keyword_list(k.change_number)},
                  {"attend", keyword_list(k.attend)},
                  {"decline", keyword_list(k.decline)}});
}

void read_auto_replies(const yaml_value& value, std::vector<auto_reply>& replies) {
  sequence(value, [&](const yaml_value& item) {
    auto_reply reply;
    auto read_word = [&](const yaml_value& word) {
      if (auto read = keyword(word)) reply.word = std::move(*read);
    };
    auto read_answer = [&](const yaml_value& answer) {
      auto text = values::text(answer);
      if (!text) return;
      if (const auto refusal = answer_refusal(*text)) return answer.error(*refusal);
      reply.answer = std::move(*text);
    };
    mapping(item, {{"word", read_word, true}, {"answer", read_answer, true}});
    replies.push_back(std::move(reply));
  });
}

// A reply must mean one thing: a word in two lists (given or default) is an error.
void check_keyword_clashes(const yaml_value& inbox, const inbox_config& config) {
  const inbox_keywords& k = config.keywords;
  std::vector<std::string> auto_words;
  for (const auto_reply& reply : config.auto_replies) auto_words.push_back(reply.word);
  const std::vector<keyword_list_ref> lists{
      {"stop", &k.stop},     {"start", &k.start},     {"change_number", &k.change_number},
      {"attend", &k.attend}, {"decline", &k.decline}, {"auto_replies", &auto_words}};
  for (const keyword_clash& clash : keyword_clashes(lists)) inbox.error(clash.reason());
}

void read_inbox(const yaml_value& value, inbox_config& inbox) {
  mapping(value, {{"reply_window", store(inbox.reply_window, values::duration)},
                  {"reassembly_timeout", store(inbox.reassembly_timeout, values::duration)},
                  {"keywords", [&](const yaml_value& k) { read_keywords(k, inbox.keywords); }},
                  {"auto_replies",
                   [&](const yaml_value& r) { read_auto_replies(r, inbox.auto_replies); }}});
  check_keyword_clashes(value, inbox);
}

void read_root(const yaml_value& value, daemon_config& config) {
  mapping(value, {
      {"database", store(config.database, values::text)},
      {"timezone", store(config.timezone, values::timezone)},
      {"region", store(config.region, values::region)},
      {"organisation", store(config.organisation, values::text)},
      {"log_level", store(config.log_level, one_of<log_severity>({{"trace", log_severity::trace},
                                                              {"debug", log_severity::debug},
                                                              {"info", log_severity::info},
                                                              {"warn", log_severity::warn},
                                                              {"error", log_severity::error}}))},
      {"throttle", [&](const yaml_value& v) { read_throttle(v, config.throttle); }},
      {"on_uncertain", store(config.on_uncertain, one_of<uncertain_policy>({{"resend", uncertain_policy::resend},
                                                                     {"hold", uncertain_policy::hold}}))},
      {"dispatch", [&](const yaml_value& v) { read_dispatch(v, config.dispatch); }},
      {"modems", [&](const yaml_value& v) { read_modems(v, config.modems); }},
      {"smpp", [&](const yaml_value& v) { read_smpp(v, config.smpp); }},
      {"prices", [&](const yaml_value& v) { read_prices(v, config.prices); }},
      {"http", [&](const yaml_value& v) { read_http(v, config.http); }},
      {"inbox", [&](const yaml_value& v) { read_inbox(v, config.inbox); }},
  });
  check_channel_ids(value, config);
}

[[noreturn]] void fail(const std::string& file, int line, int column, std::string message) {
  throw config_error({diagnostic{file, line, column, "", std::move(message)}});
}

}  // namespace

daemon_config load_string(std::string_view text, std::string_view source_name, key_coverage* coverage) {
  std::string file(source_name);
  if (text.size() > max_document_bytes) {
    fail(file, 0, 0, "is " + std::to_string(text.size()) + " bytes; a configuration larger than " +
                         std::to_string(max_document_bytes) + " bytes is refused");
  }
  YAML::Node document = parse_document(text, file);
  schema_walk walk(file, coverage);
  daemon_config config;
  try {
    read_root(walk.root(document), config);
  } catch (const YAML::Exception& e) {
    // Walking checks node kinds before use, so this is a loader bug; still report, not crash.
    walk.report(e.mark, "", "internal error reading the document: " + e.msg);
  }
  std::vector<diagnostic> diagnostics = walk.take_diagnostics();
  if (!diagnostics.empty()) throw config_error(std::move(diagnostics));
  return config;
}

daemon_config load_file(const std::filesystem::path& file, key_coverage* coverage) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file.string(), 0, 0, "cannot open: " + std::string(std::strerror(errno)));
  std::string text;
  std::array<char, 4096> buffer{};
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_document_bytes) break;  // load_string refuses it with the message
  }
  if (in.bad()) fail(file.string(), 0, 0, "cannot read: " + std::string(std::strerror(errno)));
  return load_string(text, file.string(), coverage);
}

}  // namespace siaran::config
