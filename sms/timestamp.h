// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace siaran::sms {

// TP-SCTS / TP-DT / absolute TP-VP, TS 23.040 §9.2.3.11: seven octets of swapped BCD
// (year, month, day, hour, minute, second, time zone). The time zone is in quarter hours
// from GMT; bit 3 of the (unswapped) octet is the sign.
struct timestamp {
  int year = 0;  // four digits
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_minutes = 0;  // local time minus UTC

  // "2011-02-28T11:50:50-05:00": the sender's local time with its own offset.
  std::string iso8601() const;
  // "2011-02-28T16:50:50Z".
  std::string iso8601_utc() const;
  // "2011-02-28T11:50:50": local time without the offset.
  std::string iso8601_local() const;
};

// Throws codec_error (naming `base_offset` plus the octet) for a non-decimal digit or a field
// out of range in the date and time; the time zone octet is read leniently.
timestamp decode_timestamp(std::span<const std::uint8_t, 7> octets, std::size_t base_offset);

}  // namespace siaran::sms
