// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pure half of reading a request: the request target split into a percent-decoded path
// and query, and the Content-Type's media type. No I/O, so the awkward inputs (bad escapes,
// traversal, NUL) are tested without a socket.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::http {

struct decoded_target {
  std::string path;
  std::map<std::string, std::string> query;  // a repeated key keeps the last value
};

// "/api/v1/x%20y?a=1&b=c+d" -> {"/api/v1/x y", {a: 1, b: "c d"}}. Empty when the target is
// not origin-form ("/..."), holds a bad %-escape, or its decoded path holds NUL or a ".."
// segment: a handler that maps paths to files must never see one.
std::optional<decoded_target> decode_target(std::string_view target);

// "Application/JSON; charset=utf-8" -> "application/json".
std::string media_type(std::string_view content_type);

}  // namespace siaran::daemon::http
