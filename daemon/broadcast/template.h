// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A broadcast's template: text with placeholders, parsed once and rendered once per
// recipient. Pure: the caller supplies the date and time strings and the extra values.
//
//   {nama} {panggilan} {desa} {kecamatan} {posyandu} {kabupaten} {peran}   the contact's own
//   {tanggal} {jam}      the send time ("Senin, 30 November 2026", "08.00")
//   {jabatan}            any field of the contact (the CSV's other columns)
//   {acara}              any extra value of the request (an event's title, place...)
//   {nama|Kader}         a default, used when the value is empty or missing
//   {{ and }}            a literal { and }
//
// Names compare case-insensitively and may be padded with spaces ({ Nama }). A value missing
// with no default renders as "" (a blank cell in the spreadsheet should not hold up a broadcast
// to 500 people), except {panggilan}, which falls back to "Bapak/Ibu". A name that is none of
// the above for every recipient is an error before anything is queued, even with a default: a
// typo ({nmaa|Kader}) would otherwise send the default to everyone.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "queue/contacts.h"

namespace siaran::daemon::broadcast {

// A template that does not parse (unclosed {, stray }, empty name); what() says where.
class template_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What the placeholders of one recipient's text name.
struct template_values {
  const queue::contact& contact;
  const std::map<std::string, std::string>& extras;  // take precedence over everything else
  std::string date;                                  // {tanggal}
  std::string time;                                  // {jam}
};

class message_template {
 public:
  // Throws template_error.
  static message_template parse(std::string_view text);

  // Each distinct placeholder name (lowercase), in order of first appearance.
  std::vector<std::string> names() const;
  std::string render(const template_values& values) const;

 private:
  struct piece {
    std::string literal;  // when name is empty
    std::string name;
    std::optional<std::string> fallback;
  };
  std::vector<piece> pieces_;
};

// The value `name` (lowercase) has for this recipient; nothing when it is not known at all.
std::optional<std::string> value_of(const template_values& values, std::string_view name);

// The template's names that no recipient can fill: not built in, not an extra value, not a
// field of any of `recipients`. Empty when the template can be sent.
std::vector<std::string> unknown_placeholders(const message_template& t,
                                              const std::vector<queue::contact>& recipients,
                                              const std::map<std::string, std::string>& extras);

}  // namespace siaran::daemon::broadcast
