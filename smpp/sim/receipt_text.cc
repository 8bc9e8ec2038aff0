// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/receipt_text.h"

#include <cstdio>
#include <ctime>
#include <string_view>

#include "smpp/pdu.h"
#include "sms/codec_error.h"
#include "sms/utf8.h"

namespace siaran::smscsim {
namespace {

constexpr std::size_t quoted_characters = 20;

std::string yymmddhhmm(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%y%m%d%H%M", &utc);
  return text;
}

bool reads_the_same_in_ascii_and_gsm(char32_t c) {
  constexpr std::u32string_view punctuation = U" !\"#%&'()*+,-./:;<=>?";
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         punctuation.find(c) != std::u32string_view::npos;
}

std::string quoted_text(std::string_view utf8) {
  std::u32string characters;
  try {
    characters = sms::utf8_decode(utf8);
  } catch (const sms::codec_error&) {
    return "";  // the log already shows the part; a receipt never fails for its quote
  }
  std::string quote;
  for (std::size_t i = 0; i < characters.size() && i < quoted_characters; ++i)
    quote +=
        reads_the_same_in_ascii_and_gsm(characters[i]) ? static_cast<char>(characters[i]) : '?';
  return quote;
}

}  // namespace

std::string receipt_text(const receipt_facts& facts) {
  const bool delivered = facts.state == smpp::message_state::delivered;
  // err: a network error code of the SMSC's choosing; 000 means none.
  return "id:" + facts.message_id + " sub:001 dlvrd:" + (delivered ? "001" : "000") +
         " submit date:" + yymmddhhmm(facts.submitted) + " done date:" + yymmddhhmm(facts.done) +
         " stat:" + std::string(smpp::message_state_text(facts.state)) +
         " err:" + (delivered ? "000" : "001") + " text:" + quoted_text(facts.text);
}

}  // namespace siaran::smscsim
