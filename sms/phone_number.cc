// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/phone_number.h"

#include <phonenumbers/phonenumberutil.h>

#include <fmt/format.h>

namespace siaran {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string parse_error_reason(PhoneNumberUtil::ErrorType error) {
  switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return "unknown country code";
    case PhoneNumberUtil::NOT_A_NUMBER:
      return "not a phone number";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return "too short";
    case PhoneNumberUtil::TOO_LONG_NSN:
      return "too long";
    default:
      return "cannot be read as a phone number";
  }
}

std::string validation_reason(PhoneNumberUtil::ValidationResult result) {
  switch (result) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return "unknown country code";
    case PhoneNumberUtil::TOO_SHORT:
      return "too short";
    case PhoneNumberUtil::TOO_LONG:
      return "too long";
    case PhoneNumberUtil::INVALID_LENGTH:
      return "wrong number of digits";
    default:
      return "not a number in use (unknown prefix)";
  }
}

}  // namespace

std::string normalize_phone_number(std::string_view text, std::string_view default_region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const std::string region(default_region);
  if (util.GetCountryCodeForRegion(region) == 0) {
    throw phone_number_error(fmt::format("unknown default region '{}'", region));
  }
  PhoneNumber number;
  const auto parse_result = util.Parse(std::string(text), region, &number);
  if (parse_result != PhoneNumberUtil::NO_PARSING_ERROR) {
    throw phone_number_error(
        fmt::format("'{}' is not a valid phone number: {}", text, parse_error_reason(parse_result)));
  }
  if (!util.IsValidNumber(number)) {
    throw phone_number_error(fmt::format("'{}' is not a valid phone number: {}", text,
                                         validation_reason(util.IsPossibleNumberWithReason(number))));
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace siaran
