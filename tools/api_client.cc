// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/api_client.h"

// Asio first: modem/asio.h carries the Boost 1.74 <utility> fix.
#include "modem/asio.h"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <charconv>

namespace siaran::tools {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

// A reply listing a whole batch of ids is about 1 MB; this only stops a runaway answer.
constexpr std::uint64_t max_reply_bytes = 64 * 1024 * 1024;

bool valid_port(std::string_view port) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  return error == std::errc{} && end == port.data() + port.size() && value >= 1 && value <= 65535;
}

// "HOST:PORT" or "[V6]:PORT" split at the port's colon; the brackets are dropped.
std::pair<std::string_view, std::string_view> split_host_port(std::string_view authority) {
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos || authority.substr(close + 1, 1) != ":") return {};
    return {authority.substr(1, close - 1), authority.substr(close + 2)};
  }
  const auto colon = authority.rfind(':');
  if (colon == std::string_view::npos) return {authority, {}};
  return {authority.substr(0, colon), authority.substr(colon + 1)};
}

std::string address_of(const api_endpoint& endpoint) {
  const bool v6 = endpoint.host.find(':') != std::string::npos;
  return (v6 ? "[" + endpoint.host + "]" : endpoint.host) + ":" + endpoint.port;
}

// Lower-case phrases that read well after "cannot reach siarand at ADDRESS: ".
std::string describe(const error_code& error, std::chrono::seconds timeout) {
  if (error == asio::error::connection_refused) return "connection refused";
  if (error == beast::error::timeout) return "no answer within " + std::to_string(timeout.count()) + " s";
  if (error == asio::error::host_not_found || error == asio::error::host_not_found_try_again) {
    return "unknown host";
  }
  if (error == http::error::end_of_stream || error == asio::error::eof) return "the daemon closed the connection";
  if (error == asio::error::connection_reset) return "connection reset";
  return error.message();
}

// A kept-alive connection the server closed while idle shows one of these on the next request.
bool closed_by_peer(const error_code& error) {
  return error == http::error::end_of_stream || error == asio::error::eof ||
         error == asio::error::connection_reset || error == asio::error::broken_pipe;
}

}  // namespace

api_endpoint parse_url(std::string_view url) {
  const std::string quoted = "URL '" + std::string(url) + "'";
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    throw std::invalid_argument(quoted + ": https is not supported; siarand serves plain HTTP");
  }
  if (rest.starts_with("http://")) rest.remove_prefix(7);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos) {
    throw std::invalid_argument(quoted + ": give only http://HOST:PORT, without a path");
  }
  const auto [host, port] = split_host_port(rest);
  if (host.empty()) throw std::invalid_argument(quoted + ": expected http://HOST:PORT, e.g. http://127.0.0.1:8080");
  if (!valid_port(port)) throw std::invalid_argument(quoted + ": the port must be a number from 1 to 65535");
  api_endpoint endpoint;
  endpoint.host = host;
  endpoint.port = port;
  return endpoint;
}

// Every operation is asynchronous and run to completion on a private io_context, because
// beast::tcp_stream's expires_after applies only to asynchronous operations.
class api_client::impl {
 public:
  explicit impl(api_endpoint endpoint) : endpoint_(std::move(endpoint)) {}

  api_reply request(http::verb verb, std::string_view target, std::string_view body,
                    std::string_view content_type) {
    const auto message = make_request(verb, target, body, content_type);
    const bool reused = stream_.socket().is_open();
    if (!reused) connect();
    api_reply reply;
    error_code error = exchange(message, reply);
    if (error && reused && closed_by_peer(error)) {
      // The daemon closed the idle connection between our requests: once more, on a fresh one.
      close();
      connect();
      error = exchange(message, reply);
    }
    if (error) fail(error);
    return reply;
  }

 private:
  http::request<http::string_body> make_request(http::verb verb, std::string_view target,
                                                std::string_view body, std::string_view content_type) {
    http::request<http::string_body> message{verb, std::string(target), 11};
    message.set(http::field::host, address_of(endpoint_));
    message.set(http::field::user_agent, "siaran");
    message.set(http::field::accept, "application/json");
    if (!endpoint_.token.empty()) message.set(http::field::authorization, "Bearer " + endpoint_.token);
    if (verb == http::verb::post || verb == http::verb::put) {
      message.set(http::field::content_type, std::string(content_type));
      message.body() = body;
    }
    message.keep_alive(true);
    message.prepare_payload();
    return message;
  }

  void connect() {
    tcp::resolver resolver(io_);
    tcp::resolver::results_type addresses;
    error_code error = run([&](auto handler) {
      resolver.async_resolve(endpoint_.host, endpoint_.port,
                             [&addresses, handler](error_code e, tcp::resolver::results_type r) {
                               addresses = std::move(r);
                               handler(e);
                             });
    });
    if (!error) {
      stream_.expires_after(endpoint_.timeout);
      error = run([&](auto handler) { stream_.async_connect(addresses, handler); });
    }
    if (error) fail(error);
  }

  error_code exchange(const http::request<http::string_body>& message, api_reply& reply) {
    stream_.expires_after(endpoint_.timeout);
    error_code error = run([&](auto handler) { http::async_write(stream_, message, handler); });
    if (error) return error;
    http::response_parser<http::string_body> parser;
    parser.body_limit(max_reply_bytes);
    error = run([&](auto handler) { http::async_read(stream_, buffer_, parser, handler); });
    if (error) return error;
    reply.status = static_cast<int>(parser.get().result_int());
    reply.retry_after = std::string(parser.get()[http::field::retry_after]);
    reply.body = std::move(parser.get().body());
    if (!parser.get().keep_alive()) close();
    return {};
  }

  // Starts one operation with a completion handler and runs the io_context until it is done.
  template <typename Start>
  error_code run(Start start) {
    error_code result;
    start([&result](error_code error, auto&&...) { result = error; });
    io_.restart();
    io_.run();
    return result;
  }

  void close() {
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    buffer_.clear();
  }

  [[noreturn]] void fail(const error_code& error) {
    close();
    throw api_unreachable("cannot reach siarand at " + address_of(endpoint_) + ": " +
                          describe(error, endpoint_.timeout) +
                          "; is the daemon running? (systemctl status siaran)");
  }

  api_endpoint endpoint_;
  asio::io_context io_;
  beast::tcp_stream stream_{io_};
  beast::flat_buffer buffer_;
};

api_client::api_client(api_endpoint endpoint) : impl_(std::make_unique<impl>(std::move(endpoint))) {}
api_client::~api_client() = default;

api_reply api_client::get(std::string_view target) {
  return impl_->request(http::verb::get, target, {}, {});
}

api_reply api_client::post(std::string_view target, std::string_view body, std::string_view content_type) {
  return impl_->request(http::verb::post, target, body, content_type);
}

api_reply api_client::put(std::string_view target, std::string_view body, std::string_view content_type) {
  return impl_->request(http::verb::put, target, body, content_type);
}

}  // namespace siaran::tools
