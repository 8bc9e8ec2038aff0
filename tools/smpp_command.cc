// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/smpp_command.h"

#include <nlohmann/json.hpp>

#include <iostream>

#include "common/asio.h"
#include "config/error.h"
#include "daemon/smpp_entries.h"
#include "sms/phone_number.h"
#include "sms/submit_encoder.h"
#include "smpp/probe.h"
#include "smpp/tpdu_submission.h"
#include "tools/command_args.h"
#include "tools/daemon_config.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran smpp test [--config FILE] --id ID [--to NUMBER --text TEXT [--sender NAME]] [--wait S]\n";

struct smpp_args {
  std::optional<std::string> config_file;
  std::string id;
  std::optional<std::string> to;
  std::optional<std::string> text;
  std::optional<std::string> sender;
  long wait_s = 30;
};

smpp_args parse(arg_cursor args) {
  smpp_args parsed;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--config") {
      parsed.config_file = std::string(args.value_of(word));
    } else if (word == "--id") {
      parsed.id = args.value_of(word);
    } else if (word == "--to") {
      parsed.to = std::string(args.value_of(word));
    } else if (word == "--text") {
      parsed.text = std::string(args.value_of(word));
    } else if (word == "--sender") {
      parsed.sender = std::string(args.value_of(word));
    } else if (word == "--wait") {
      parsed.wait_s = parse_long(args.value_of(word), "--wait", 0, 3600);
    } else {
      throw usage_error{"unknown option '" + std::string(word) + "'"};
    }
  }
  if (parsed.id.empty()) throw usage_error{"--id names the smpp bind of the configuration to test"};
  if (parsed.to.has_value() != parsed.text.has_value()) throw usage_error{"--to and --text go together"};
  return parsed;
}

// The configured bind named `id`; a usage_error listing the ids when there is none.
daemon::smpp_entry configured_bind(const config::daemon_config& config, const std::string& id) {
  std::string ids;
  for (const config::smpp_config& bind : config.smpp) {
    if (bind.id == id) {
      if (bind.simulated()) throw usage_error{"smpp " + id + " is the built-in simulator (host: sim), inside siarand only"};
      return daemon::smpp_entry_for(bind);
    }
    ids += (ids.empty() ? "" : ", ") + bind.id;
  }
  throw usage_error{"no smpp bind '" + id + "' in the configuration" + (ids.empty() ? " (it has none)" : " (" + ids + ")")};
}

// The one message as the daemon would send it: the same encoder, one part (a longer text is cut
// by the SMSC's own rules, which is not what a test is for).
smpp::submit_request test_message(const smpp_args& args, const daemon::smpp_entry& bind, const std::string& region) {
  sms::submit_request submit;
  submit.to = normalize_phone_number(*args.to, region);
  submit.text = *args.text;
  submit.status_report = true;
  const auto parts = sms::encode_submit(submit);
  if (parts.size() != 1) throw usage_error{"--text must fit one SMS for a test"};
  const std::string sender = args.sender.value_or(bind.senders.empty() ? std::string() : bind.senders.front());
  return smpp::submission_of_tpdu(parts.front().pdu, sender, true);
}

json status_json(const std::optional<std::uint32_t>& status, const std::string& name) {
  return status ? json{{"command_status", *status}, {"name", name}} : json(nullptr);
}

json result_json(const smpp::probe_result& r) {
  json out = {{"connected", r.connected},
              {"bind", status_json(r.bind_status, r.bind_status_name)},
              {"smsc_system_id", r.smsc_system_id},
              {"interface_version", r.interface_version ? json(*r.interface_version) : json(nullptr)}};
  if (r.submit_status) {
    out["submit"] = status_json(r.submit_status, r.submit_status_name);
    out["message_id"] = r.message_id;
  }
  if (r.delivery) {
    out["receipt"] = {{"message_id", r.delivery->message_id},
                      {"state", r.delivery->state},
                      {"error_code", r.delivery->error_code ? json(*r.delivery->error_code) : json(nullptr)}};
  }
  out["error"] = r.error.empty() ? json(nullptr) : json(r.error);
  return out;
}

int exit_code_of(const smpp::probe_result& r) {
  if (!r.connected) return exit_unavailable;
  if (!r.bind_status || *r.bind_status != 0) return exit_noperm;
  if (r.submit_status && *r.submit_status != 0) return exit_data;
  return r.ok() ? exit_ok : exit_unavailable;
}

int test(const smpp_args& args, std::ostream& out, std::ostream& err) {
  std::optional<config::daemon_config> config;
  try {
    config = load_daemon_config(args.config_file);
  } catch (const config::config_error& e) {
    err << e.what() << "\n";
    return exit_config;
  }
  if (!config) throw usage_error{"no configuration: give --config FILE"};
  daemon::smpp_entry bind;
  try {
    bind = configured_bind(*config, args.id);
  } catch (const daemon::smpp_setup_error& e) {
    err << "siaran smpp: " << e.what() << "\n";
    return exit_config;
  }
  std::optional<smpp::submit_request> message;
  try {
    if (args.to) message = test_message(args, bind, config->region);
  } catch (const std::exception& e) {  // a bad number or text
    err << "siaran smpp: " << e.what() << "\n";
    return exit_data;
  }
  asio::io_context io;
  smpp::probe_result result;
  asio::co_spawn(io, smpp::probe(io, bind.settings, message, std::chrono::seconds(args.wait_s)),
                 [&result](std::exception_ptr e, smpp::probe_result r) {
                   if (e) std::rethrow_exception(e);
                   result = std::move(r);
                 });
  io.run();
  out << result_json(result).dump(2) << "\n";
  if (!result.ok()) err << "siaran smpp: " << result.error << "\n";
  return exit_code_of(result);
}

}  // namespace

int run_smpp_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  try {
    if (args.empty() || args[0] != "test") throw usage_error{"give test"};
    return test(parse(arg_cursor(args.subspan(1))), out, err);
  } catch (const usage_error& error) {
    err << "siaran smpp: " << error.message << "\n" << usage_text;
    return exit_usage;
  }
}

}  // namespace siaran::tools
