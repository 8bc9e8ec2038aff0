# SPDX-License-Identifier: GPL-3.0-or-later
# Every dependency comes from a Debian 12 package (tools/setup.sh installs them); nothing is
# downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)
find_package(PhoneNumber REQUIRED)
find_package(date REQUIRED)  # date::date-tz, reading /usr/share/zoneinfo (USE_OS_TZDB); the fuzzed schedule parsers too
find_package(nlohmann_json 3.11 REQUIRED)  # the fuzzed report reader's forms too

if(NOT SIARAN_FUZZ)
  find_package(Boost 1.74 REQUIRED)
  find_package(OpenSSL REQUIRED COMPONENTS Crypto SSL)
  pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
  pkg_check_modules(SERIALPORT REQUIRED IMPORTED_TARGET libserialport)
  pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3>=3.40)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)  # Argon2id password hashes
  pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # .xlsx exports
  pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)  # .xlsx imports: the zip archive
  pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)    # .xlsx imports: its XML parts
  if(SIARAN_TESTS)
    find_package(Catch2 2.13 REQUIRED)
  endif()
endif()
