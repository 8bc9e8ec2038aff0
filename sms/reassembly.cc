// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/reassembly.h"

#include <vector>

#include "sms/codec_error.h"

namespace siaran::sms {
namespace {

[[noreturn]] void reject(const std::string& problem) {
  throw codec_error("reassembly: " + problem);
}

void check_same_message(const decoded_pdu& first, const decoded_pdu& part) {
  const auto a = *first.concat();
  const auto b = *part.concat();
  if (a.reference != b.reference || a.total != b.total) {
    reject("part " + std::to_string(b.part) + " has reference " + std::to_string(b.reference) +
           "/total " + std::to_string(b.total) + ", expected " + std::to_string(a.reference) + "/" +
           std::to_string(a.total));
  }
  if (part.number != first.number) {
    reject("part " + std::to_string(b.part) + " is from " + part.number + ", not " + first.number);
  }
}

}  // namespace

std::string reassemble(std::span<const decoded_pdu> parts) {
  if (parts.empty()) reject("no parts");
  if (parts.size() == 1 && !parts[0].concat()) return parts[0].ud.text;
  for (const decoded_pdu& part : parts) {
    if (!part.concat()) reject("a part has no concatenation header");
  }
  const unsigned total = parts[0].concat()->total;
  if (parts.size() != total) {
    reject("have " + std::to_string(parts.size()) + " parts of " + std::to_string(total));
  }
  std::vector<const decoded_pdu*> ordered(total, nullptr);
  for (const decoded_pdu& part : parts) {
    check_same_message(parts[0], part);
    const unsigned index = part.concat()->part - 1;
    if (ordered[index] != nullptr) reject("part " + std::to_string(index + 1) + " appears twice");
    ordered[index] = &part;
  }
  std::string text;
  for (const decoded_pdu* part : ordered) text += part->ud.text;
  return text;
}

}  // namespace siaran::sms
