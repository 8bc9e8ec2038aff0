// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/path_id.h"

#include <charconv>
#include <string>

#include "daemon/api/message_request.h"

namespace siaran::daemon::api {

std::int64_t path_id(const http::request& request, const char* what) {
  const std::string& text = request.params.at("id");
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) {
    throw bad_request("'" + text + "' is not " + what + " id");
  }
  return id;
}

}  // namespace siaran::daemon::api
