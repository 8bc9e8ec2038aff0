// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The media type of an .xlsx workbook (Office Open XML), one spelling for the exports that
// send it, the import that takes it and the CLI that uploads it.

#include <string_view>

namespace siaran::common {

inline constexpr std::string_view xlsx_media_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace siaran::common
