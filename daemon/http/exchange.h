#pragma once

// One HTTP request as a handler sees it, and the response it gives: plain values, so handlers
// and their tests never see Beast (it stays inside server.cc).

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siaran::daemon::http {

struct request {
  std::string method;                         // "GET", "POST", ...
  std::string path;                           // percent-decoded, without the query
  std::map<std::string, std::string> query;   // percent-decoded; a repeated key keeps the last
  std::map<std::string, std::string> params;  // from the route's {name} segments
  std::string content_type;                   // media type only, lowercase ("application/json")
  std::string body;
  std::string token_name;  // the authenticated token's name; empty on routes without auth
};

struct response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// `body` is already JSON text.
response json_response(int status, std::string body);
// {"error": message}, the API's one error shape (DESIGN.md "Interfaces").
response error_response(int status, std::string_view message);

}  // namespace siaran::daemon::http
