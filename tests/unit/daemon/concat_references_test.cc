// SPDX-License-Identifier: GPL-3.0-or-later
// The one allocator of concatenation references: two long messages to one phone in flight at
// once never share a reference, whoever queued them.
#include "daemon/concat_references.h"

#include "daemon/compose.h"
#include "sms/pdu_decoder.h"

#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>

using siaran::daemon::concat_reference_allocator;
using namespace std::chrono_literals;

namespace {

constexpr auto siti = "+6281234567890";
const concat_reference_allocator::time_point start{std::chrono::sys_days{std::chrono::November / 25 / 2026}};

}  // namespace

TEST_CASE("two long messages queued to one phone at once carry different references", "[concat]") {
  concat_reference_allocator references(7);
  const auto first = references.allocate(siti, start, start + 48h);
  const auto second = references.allocate(siti, start, start + 48h);
  CHECK(first != second);
}

TEST_CASE("256 long messages in flight to one phone carry 256 different references", "[concat]") {
  concat_reference_allocator references(1);
  std::set<int> seen;
  for (int i = 0; i < 256; ++i) seen.insert(references.allocate(siti, start + std::chrono::seconds(i), start + 48h));
  CHECK(seen.size() == 256);
}

TEST_CASE("a reference is not given again while its message is in flight, and is after it expired", "[concat]") {
  concat_reference_allocator references(3);
  const auto held = references.allocate(siti, start, start + 1h);
  std::set<int> others;
  for (int i = 0; i < 255; ++i) others.insert(references.allocate(siti, start + 1min, start + 2min));
  CHECK_FALSE(others.contains(held));
  // Every other reference has had its turn; after the first message expired, its turn is next.
  CHECK(references.allocate(siti, start + 61min, start + 2h) == held);
}

TEST_CASE("when all 256 are held, the one whose message expires first is reused", "[concat]") {
  concat_reference_allocator references(5);
  std::uint8_t soonest = 0;
  for (int i = 0; i < 256; ++i) {
    const auto expiry = i == 100 ? start + 1h : start + 48h;
    const auto reference = references.allocate(siti, start, expiry);
    if (i == 100) soonest = reference;
  }
  CHECK(references.allocate(siti, start + 1min, start + 48h) == soonest);
}

namespace {

std::optional<int> reference_of(const siaran::daemon::composed_message& composed) {
  const auto concat = siaran::sms::decode_pdu_hex(composed.message.parts.front().pdu).concat();
  if (!concat) return std::nullopt;
  return concat->reference;
}

siaran::daemon::outgoing_text text_to_siti(std::string text) {
  siaran::daemon::outgoing_text out;
  out.to = siti;
  out.text = std::move(text);
  out.now = out.send_at = start;
  return out;
}

}  // namespace

TEST_CASE("a one-part message holds no reference: the next long message gets the one it would have had",
          "[concat]") {
  const auto long_text = text_to_siti(std::string(200, 'a'));
  concat_reference_allocator untouched(11), after_short(11);
  const auto expected = reference_of(siaran::daemon::compose(long_text, untouched));
  REQUIRE(expected);

  const auto short_one = siaran::daemon::compose(text_to_siti("Rapat besok jam 08.00"), after_short);
  CHECK(short_one.message.parts.size() == 1);
  CHECK_FALSE(reference_of(short_one));
  CHECK(reference_of(siaran::daemon::compose(long_text, after_short)) == expected);
}

TEST_CASE("two long messages composed for one phone carry different references", "[concat]") {
  concat_reference_allocator references(13);
  const auto long_text = text_to_siti(std::string(200, 'a'));
  const auto first = reference_of(siaran::daemon::compose(long_text, references));
  const auto second = reference_of(siaran::daemon::compose(long_text, references));
  REQUIRE(first);
  REQUIRE(second);
  CHECK(*first != *second);
}
