// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One browser of the web UI, or a script with an API token, speaking to the real daemon: its
// cookie jar (the session cookie only) and the CSRF token the login gave, sent with every
// change as the page sends them. A connection per request, each read bounded by SO_RCVTIMEO.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace siaran::test {

struct web_reply {
  int status = 0;
  std::string set_cookie;
  std::string retry_after;
  nlohmann::json body;  // null when the answer has none
};

class browser {
 public:
  explicit browser(std::string port, std::string bearer_token = "")
      : port_(std::move(port)), token_(std::move(bearer_token)) {}

  // `method` is "GET", "POST", "PUT" or "DELETE"; a null body sends none.
  web_reply request(std::string_view method, const std::string& target, const nlohmann::json& body = nullptr,
                    bool with_csrf = true);
  web_reply post(const std::string& target, const nlohmann::json& body) { return request("POST", target, body); }
  web_reply get(const std::string& target) { return request("GET", target); }

  // Keeps the cookie and the CSRF token of a successful login.
  web_reply login(const std::string& name, const std::string& secret);

 private:
  std::string port_;
  std::string token_;
  std::string cookie_;
  std::string csrf_;
};

}  // namespace siaran::test
