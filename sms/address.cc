// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/address.h"

#include "sms/gsm7_alphabet.h"
#include "sms/septet_packing.h"
#include "sms/utf8.h"

namespace siaran::sms {
namespace {

constexpr unsigned ton_international = 1;
constexpr unsigned ton_alphanumeric = 5;
constexpr std::size_t max_digits = 20;        // TP-DA is at most 12 octets (§9.1.2.5)
constexpr std::size_t max_alphanumeric = 11;  // 11 septets fill the 10 value octets

unsigned type_of_number(std::uint8_t type) { return (type >> 4) & 0x7u; }

// TS 24.008 §10.5.4.7 (called party BCD number): 1010 '*', 1011 '#', 1100-1110 'a'-'c',
// 1111 filler. Some senders count the filler in the length; it is skipped wherever it is.
std::string decode_semi_octets(std::span<const std::uint8_t> octets, std::size_t semi_octets) {
  static constexpr char digits[] = "0123456789*#abc";
  std::string out;
  for (std::size_t i = 0; i < semi_octets && i / 2 < octets.size(); ++i) {
    const unsigned nibble = (i % 2 == 0) ? (octets[i / 2] & 0x0Fu) : (octets[i / 2] >> 4);
    if (nibble != 0xF) out.push_back(digits[nibble]);
  }
  return out;
}

std::string decode_alphanumeric(std::span<const std::uint8_t> octets, std::size_t semi_octets) {
  const auto septets = unpack_septets(octets, semi_octets * 4 / 7);
  return utf8_encode(gsm7_decode(septets));
}

std::string decode_value(std::uint8_t type, std::span<const std::uint8_t> octets,
                         std::size_t semi_octets) {
  if (type_of_number(type) == ton_alphanumeric) return decode_alphanumeric(octets, semi_octets);
  std::string digits = decode_semi_octets(octets, semi_octets);
  if (type_of_number(type) == ton_international && !digits.empty()) digits.insert(0, "+");
  return digits;
}

bool is_dial_digit(char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#'; }

bool all_dial_digits(std::string_view text) {
  for (const char c : text) {
    if (!is_dial_digit(c)) return false;
  }
  return !text.empty();
}

std::vector<std::uint8_t> pack_semi_octets(std::string_view digits) {
  const auto nibble = [](char c) -> std::uint8_t {
    if (c == '*') return 0xA;
    if (c == '#') return 0xB;
    return static_cast<std::uint8_t>(c - '0');
  };
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    const std::uint8_t high = i + 1 < digits.size() ? nibble(digits[i + 1]) : 0xF;
    out.push_back(static_cast<std::uint8_t>(high << 4 | nibble(digits[i])));
  }
  return out;
}

struct encoded_value {
  std::uint8_t type;
  std::size_t semi_octets;
  std::vector<std::uint8_t> octets;
};

encoded_value encode_digits(std::string_view number) {
  const bool international = number.front() == '+';
  const std::string_view digits = international ? number.substr(1) : number;
  if (!all_dial_digits(digits) || digits.size() > max_digits) {
    throw codec_error("address \"" + std::string(number) + "\": expected " +
                      (international ? "'+' followed by " : "") + "1 to 20 digits");
  }
  return {international ? toa_international : toa_unknown_isdn, digits.size(),
          pack_semi_octets(digits)};
}

encoded_value encode_alphanumeric(std::string_view text) {
  const std::u32string characters = utf8_decode(text);
  const auto septets = gsm7_encode(characters);
  if (septets.size() > max_alphanumeric) {
    throw codec_error("address \"" + std::string(text) + "\": an alphanumeric address holds " +
                      "at most 11 GSM 7-bit characters");
  }
  return {toa_alphanumeric, (septets.size() * 7 + 3) / 4, pack_septets(septets)};
}

// People write numbers as "0812-3456-7890" or "+62 (22) 203.4567"; the separators are
// presentation, not digits.
std::string without_separators(std::string_view number) {
  std::string out;
  for (const char c : number) {
    if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') out.push_back(c);
  }
  return out;
}

encoded_value encode_value(std::string_view number) {
  if (number.empty()) throw codec_error("address: the number is empty");
  const std::string digits = without_separators(number);
  const bool looks_numeric =
      !digits.empty() && (digits.front() == '+' || all_dial_digits(digits));
  return looks_numeric ? encode_digits(digits) : encode_alphanumeric(number);
}

}  // namespace

address read_address(octet_reader& reader, std::string_view field) {
  const std::size_t semi_octets = reader.octet(std::string(field) + " length");
  const std::uint8_t type = reader.octet(std::string(field) + " type of address");
  const auto value = reader.octets((semi_octets + 1) / 2, std::string(field) + " digits");
  return {decode_value(type, value, semi_octets), type};
}

std::optional<address> read_smsc(octet_reader& reader) {
  const std::size_t length = reader.octet("SMSC address length");
  if (length == 0) return std::nullopt;
  const std::uint8_t type = reader.octet("SMSC type of address");
  const auto value = reader.octets(length - 1, "SMSC address digits");
  return address{decode_value(type, value, value.size() * 2), type};
}

std::vector<std::uint8_t> encode_address(std::string_view number) {
  encoded_value value = encode_value(number);
  std::vector<std::uint8_t> out{static_cast<std::uint8_t>(value.semi_octets), value.type};
  out.insert(out.end(), value.octets.begin(), value.octets.end());
  return out;
}

std::vector<std::uint8_t> encode_smsc(std::string_view number) {
  if (number.empty()) return {0x00};
  if (!(number.front() == '+' || all_dial_digits(number))) {
    throw codec_error("SMSC address \"" + std::string(number) + "\": expected digits");
  }
  encoded_value value = encode_digits(number);
  std::vector<std::uint8_t> out{static_cast<std::uint8_t>(value.octets.size() + 1), value.type};
  out.insert(out.end(), value.octets.begin(), value.octets.end());
  return out;
}

}  // namespace siaran::sms
