// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Dates as an Indonesian secretariat writes them: 17-08-1985, 17/08/1985, 17.08.1985 (day
// first), 1985-08-17, 17 Agustus 1985, 17 Agt 1985. Pure.

#include <stdexcept>
#include <string>
#include <string_view>

namespace siaran::daemon::contacts {

class date_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// YYYY-MM-DD; date_error saying why for anything else or a day that does not exist
// (31-02-1990, 29-02 outside a leap year).
std::string parse_birth_date(std::string_view text);

// A date as an .xlsx cell stores it: days since 1899-12-31 in Excel's 1900 system (the time of
// day, a fraction, ignored; Excel's day 60 is 29 February 1900, which never was) -> YYYY-MM-DD.
std::string excel_serial_date(std::string_view serial);

}  // namespace siaran::daemon::contacts
