// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace siaran {

// A number that could not be normalised; what() says why, in words a secretariat can act on.
class phone_number_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Normalises a number as a person types it ("0812-3456-7890", "62812...", "+62 812 ...")
// to E.164 ("+6281234567890"). Numbers without a country code are read in `default_region`
// (ISO 3166 code, e.g. "ID"). Throws phone_number_error for anything that is not a valid
// number there.
std::string normalize_phone_number(std::string_view text, std::string_view default_region);

}  // namespace siaran
