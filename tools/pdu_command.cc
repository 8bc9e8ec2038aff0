// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/pdu_command.h"

#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "sms/codec_error.h"
#include "tools/exit_codes.h"
#include "tools/pdu_json.h"

namespace siaran::tools {
namespace {

// A usage problem (exit 2), as opposed to bad data (codec_error, exit 65).
struct usage_error {
  std::string message;
};

constexpr std::string_view usage_text =
    "usage: siaran pdu decode HEX [--no-smsc]\n"
    "       siaran pdu encode --to NUMBER --text TEXT [--report] [--validity DURATION]\n"
    "                         [--flash] [--ref N] [--smsc NUMBER] [--ucs2] [--transliterate]\n"
    "       siaran pdu plan --text TEXT [--ucs2] [--transliterate]\n"
    "DURATION: a number and a unit, m(inutes) h(ours) d(ays) w(eeks): 30m, 12h, 7d, 1w\n";

// Walks "--flag" and "--option VALUE" words; positional words are collected in order.
class option_parser {
 public:
  explicit option_parser(std::span<const std::string_view> args) : args_(args) {}

  bool next() { return index_ < args_.size(); }
  std::string_view word() { return args_[index_++]; }
  std::string_view value_of(std::string_view option) {
    if (index_ >= args_.size()) throw usage_error{"missing argument for " + std::string(option)};
    return args_[index_++];
  }

 private:
  std::span<const std::string_view> args_;
  std::size_t index_ = 0;
};

unsigned long parse_number(std::string_view text, std::string_view what, unsigned long maximum) {
  unsigned long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value > maximum) {
    throw usage_error{std::string(what) + " '" + std::string(text) +
                      "' is not a number from 0 to " + std::to_string(maximum)};
  }
  return value;
}

std::chrono::minutes parse_duration(std::string_view text) {
  const auto bad = [&text] {
    return usage_error{"--validity '" + std::string(text) + "': expected e.g. 30m, 12h, 7d, 1w"};
  };
  if (text.size() < 2) throw bad();
  static constexpr std::pair<char, long> units[] = {{'m', 1}, {'h', 60}, {'d', 1440}, {'w', 10080}};
  for (const auto& [suffix, minutes] : units) {
    if (text.back() != suffix) continue;
    const auto count = parse_number(text.substr(0, text.size() - 1), "--validity", 1000000);
    if (count == 0) throw bad();
    return std::chrono::minutes{static_cast<long>(count) * minutes};
  }
  throw bad();
}

int decode(option_parser& options, std::ostream& out) {
  std::optional<std::string_view> hex;
  bool with_smsc = true;
  while (options.next()) {
    const std::string_view word = options.word();
    if (word == "--no-smsc") {
      with_smsc = false;
    } else if (!word.starts_with("--") && !hex) {
      hex = word;
    } else {
      throw usage_error{"decode: unexpected argument '" + std::string(word) + "'"};
    }
  }
  if (!hex) throw usage_error{"decode: missing HEX"};
  out << decoded_pdu_json(sms::decode_pdu_hex(*hex, with_smsc)).dump() << "\n";
  return exit_ok;
}

bool parse_text_option(std::string_view word, option_parser& options, sms::submit_request& r) {
  if (word == "--text") {
    r.text = options.value_of(word);
  } else if (word == "--ucs2") {
    r.text_handling.force_ucs2 = true;
  } else if (word == "--transliterate") {
    r.text_handling.transliterate = true;
  } else {
    return false;
  }
  return true;
}

bool parse_send_option(std::string_view word, option_parser& options, sms::submit_request& r) {
  if (word == "--to") {
    r.to = options.value_of(word);
  } else if (word == "--smsc") {
    r.smsc = options.value_of(word);
  } else if (word == "--report") {
    r.status_report = true;
  } else if (word == "--flash") {
    r.flash = true;
  } else if (word == "--validity") {
    r.validity = parse_duration(options.value_of(word));
  } else if (word == "--ref") {
    r.concat_reference =
        static_cast<std::uint8_t>(parse_number(options.value_of(word), "--ref", 255));
  } else {
    return false;
  }
  return true;
}

std::uint8_t random_reference() {
  std::random_device device;
  return static_cast<std::uint8_t>(std::uniform_int_distribution<int>(0, 255)(device));
}

int encode(option_parser& options, std::ostream& out) {
  sms::submit_request request;
  request.concat_reference = random_reference();
  bool has_text = false;
  while (options.next()) {
    const std::string_view word = options.word();
    has_text = has_text || word == "--text";
    if (!parse_text_option(word, options, request) && !parse_send_option(word, options, request)) {
      throw usage_error{"encode: unknown option '" + std::string(word) + "'"};
    }
  }
  if (request.to.empty()) throw usage_error{"encode: --to NUMBER is required"};
  if (!has_text) throw usage_error{"encode: --text TEXT is required"};
  for (const sms::encoded_part& part : sms::encode_submit(request)) {
    out << encoded_part_json(part).dump() << "\n";
  }
  return exit_ok;
}

int plan(option_parser& options, std::ostream& out) {
  sms::submit_request request;
  bool has_text = false;
  while (options.next()) {
    const std::string_view word = options.word();
    has_text = has_text || word == "--text";
    if (!parse_text_option(word, options, request)) {
      throw usage_error{"plan: unknown option '" + std::string(word) + "'"};
    }
  }
  if (!has_text) throw usage_error{"plan: --text TEXT is required"};
  out << message_plan_json(sms::plan_message(request.text, request.text_handling)).dump() << "\n";
  return exit_ok;
}

int dispatch(std::span<const std::string_view> args, std::ostream& out) {
  if (args.empty()) throw usage_error{"missing subcommand (decode, encode, plan)"};
  option_parser options(args.subspan(1));
  if (args[0] == "decode") return decode(options, out);
  if (args[0] == "encode") return encode(options, out);
  if (args[0] == "plan") return plan(options, out);
  throw usage_error{"unknown subcommand '" + std::string(args[0]) + "'"};
}

}  // namespace

int run_pdu_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  try {
    return dispatch(args, out);
  } catch (const usage_error& e) {
    err << "siaran pdu: " << e.message << "\n" << usage_text;
    return exit_usage;
  } catch (const sms::codec_error& e) {
    err << "siaran pdu: " << e.what() << "\n";
    return exit_data;
  }
}

}  // namespace siaran::tools
