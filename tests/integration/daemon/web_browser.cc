// SPDX-License-Identifier: GPL-3.0-or-later
#include "web_browser.h"

#include "common/asio.h"

#include <sys/socket.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace siaran::test {

namespace bhttp = boost::beast::http;
using nlohmann::json;

web_reply browser::request(std::string_view method, const std::string& target, const json& body, bool with_csrf) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(port_))});
  const timeval wait{10, 0};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb({method.data(), method.size()}), target, 11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!token_.empty()) req.set(bhttp::field::authorization, "Bearer " + token_);
  if (!cookie_.empty()) req.set(bhttp::field::cookie, "siaran_session=" + cookie_);
  if (with_csrf && !csrf_.empty()) req.set("X-CSRF-Token", csrf_);
  if (!body.is_null()) {
    req.set(bhttp::field::content_type, "application/json");
    req.body() = body.dump();
  }
  req.prepare_payload();
  bhttp::write(socket, req);
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(socket, buffer, res);
  const bool is_json = res[bhttp::field::content_type].starts_with("application/json");
  return {static_cast<int>(res.result_int()), std::string(res[bhttp::field::set_cookie]),
          std::string(res[bhttp::field::retry_after]),
          res.body().empty() || !is_json ? json(nullptr) : json::parse(res.body())};
}

web_reply browser::login(const std::string& name, const std::string& secret) {
  web_reply reply = request("POST", "/api/v1/session", {{"name", name}, {"password", secret}});
  if (reply.status == 200) {
    const auto start = reply.set_cookie.find('=') + 1;
    cookie_ = reply.set_cookie.substr(start, reply.set_cookie.find(';') - start);
    csrf_ = reply.body.at("csrf").get<std::string>();
  }
  return reply;
}

}  // namespace siaran::test
