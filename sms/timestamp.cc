// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/timestamp.h"

#include <chrono>
#include <cstdio>

#include "sms/codec_error.h"

namespace siaran::sms {
namespace {

struct field_rule {
  const char* name;
  int minimum;
  int maximum;
};

// Years are two digits; the century is not in the PDU. GSM SMS began in 1992, so 90-99 are
// the 1990s and everything else this century.
int full_year(int two_digits) { return two_digits >= 90 ? 1900 + two_digits : 2000 + two_digits; }

int swapped_bcd(std::uint8_t octet, std::size_t offset, const char* name) {
  const int units = octet & 0x0F;
  const int tens = octet >> 4;
  if (units > 9 || tens > 9) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", octet);
    throw codec_error(std::string("timestamp: at octet ") + std::to_string(offset) + ": " + name +
                      " octet 0x" + hex + " is not two decimal digits");
  }
  return tens + units * 10;
}

// The time zone octet: low nibble = tens digit with bit 3 as sign, high nibble = units.
// Read without the decimal-digit check: real SCs send nibbles above 9 here (ofono's status
// report tests carry 0xA0), and a slightly odd offset is better than losing the message.
int offset_minutes(std::uint8_t octet) {
  const int magnitude = (octet & 0x07) * 10 + (octet >> 4);
  return (octet & 0x08 ? -magnitude : magnitude) * 15;
}

std::string format_date_time(const timestamp& t) {
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return text;
}

}  // namespace

std::string timestamp::iso8601_local() const { return format_date_time(*this); }

std::string timestamp::iso8601() const {
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char zone[16];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return format_date_time(*this) + zone;
}

std::string timestamp::iso8601_utc() const {
  using namespace std::chrono;
  const sys_days date = year_month_day{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                       std::chrono::day{unsigned(day)}};
  const auto utc = date + hours{hour} + minutes{minute - offset_minutes} + seconds{second};
  const auto utc_days = floor<days>(utc);
  const year_month_day ymd{utc_days};
  const hh_mm_ss<seconds> time{utc - utc_days};
  timestamp shown{int(ymd.year()),
                  int(unsigned(ymd.month())),
                  int(unsigned(ymd.day())),
                  int(time.hours().count()),
                  int(time.minutes().count()),
                  int(time.seconds().count()),
                  0};
  return format_date_time(shown) + "Z";
}

timestamp decode_timestamp(std::span<const std::uint8_t, 7> octets, std::size_t base_offset) {
  static constexpr field_rule rules[6] = {{"year", 0, 99}, {"month", 1, 12},  {"day", 1, 31},
                                          {"hour", 0, 23}, {"minute", 0, 59}, {"second", 0, 59}};
  int values[6];
  for (std::size_t i = 0; i < 6; ++i) {
    values[i] = swapped_bcd(octets[i], base_offset + i, rules[i].name);
    if (values[i] < rules[i].minimum || values[i] > rules[i].maximum) {
      throw codec_error("timestamp: at octet " + std::to_string(base_offset + i) + ": " +
                        rules[i].name + " " + std::to_string(values[i]) + " is out of range");
    }
  }
  return {full_year(values[0]),     values[1], values[2], values[3], values[4], values[5],
          offset_minutes(octets[6])};
}

}  // namespace siaran::sms
