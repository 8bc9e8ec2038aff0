#include "daemon/http/exchange.h"

#include <nlohmann/json.hpp>

namespace siaran::daemon::http {

response json_response(int status, std::string body) {
  response out;
  out.status = status;
  out.body = std::move(body);
  return out;
}

response error_response(int status, std::string_view message) {
  // Built with the JSON library, never by pasting: messages quote paths and client input.
  nlohmann::json body;
  body["error"] = std::string(message);
  // `replace`: a message cut from a client's bytes may hold invalid UTF-8; it must not throw.
  return json_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace siaran::daemon::http
