// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/api_client.h"

// Asio first: modem/asio.h carries the Boost 1.74 <utility> fix.
#include "common/asio.h"

#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/ssl.h>

#include <charconv>
#include <optional>
#include <variant>

namespace siaran::tools {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using tls_stream = beast::ssl_stream<beast::tcp_stream>;

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
  if (error.category() == asio::error::get_ssl_category()) return "TLS failed (" + error.message() + ")";
  return error.message();
}

// What to check after `error`.
std::string hint_for(const error_code& error) {
  if (error.category() == asio::error::get_ssl_category()) {
    return "the daemon's certificate must name this host and be trusted: give --config for its "
           "http.tls.certificate, or trust it system-wide";
  }
  return "is the daemon running? (systemctl status siaran)";
}

// Only TLS 1.2 or newer, as the daemon speaks; the certificate is always checked.
std::optional<asio::ssl::context> tls_context_for(const api_endpoint& endpoint) {
  if (!endpoint.https) return std::nullopt;
  std::optional<asio::ssl::context> context(std::in_place, asio::ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  context->set_verify_mode(asio::ssl::verify_peer);
  error_code error;
  context->set_default_verify_paths(error);
  if (!endpoint.trusted_certificate.empty()) context->load_verify_file(endpoint.trusted_certificate, error);
  if (error) {
    throw api_unreachable("cannot read the certificate to trust, " + endpoint.trusted_certificate + ": " +
                          error.message());
  }
  return context;
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
  api_endpoint endpoint;
  endpoint.https = rest.starts_with("https://");
  if (endpoint.https) rest.remove_prefix(8);
  if (rest.starts_with("http://")) rest.remove_prefix(7);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos) {
    throw std::invalid_argument(quoted + ": give only http://HOST:PORT, without a path");
  }
  const auto [host, port] = split_host_port(rest);
  if (host.empty()) throw std::invalid_argument(quoted + ": expected http://HOST:PORT, e.g. http://127.0.0.1:8080");
  if (!valid_port(port)) throw std::invalid_argument(quoted + ": the port must be a number from 1 to 65535");
  endpoint.host = host;
  endpoint.port = port;
  return endpoint;
}

// Every operation is asynchronous and run to completion on a private io_context, because
// beast::tcp_stream's expires_after applies only to asynchronous operations.
class api_client::impl {
 public:
  explicit impl(api_endpoint endpoint) : endpoint_(std::move(endpoint)), tls_(tls_context_for(endpoint_)) {}

  api_reply request(http::verb verb, std::string_view target, std::string_view body,
                    std::string_view content_type) {
    const auto message = make_request(verb, target, body, content_type);
    const bool reused = tcp_layer().socket().is_open();
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

  beast::tcp_stream& tcp_layer() {
    return std::visit([](auto& stream) -> beast::tcp_stream& { return beast::get_lowest_layer(stream); }, stream_);
  }

  // A fresh stream for each connection: a TLS session does not outlive its socket.
  void connect() {
    if (tls_) {
      stream_.emplace<tls_stream>(io_, *tls_);
    } else {
      stream_.emplace<beast::tcp_stream>(io_);
    }
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
      tcp_layer().expires_after(endpoint_.timeout);
      error = run([&](auto handler) { tcp_layer().async_connect(addresses, handler); });
    }
    if (!error && tls_) error = handshake(std::get<tls_stream>(stream_));
    if (error) fail(error);
  }

  error_code handshake(tls_stream& stream) {
    // SNI carries names only, never addresses (RFC 6066).
    error_code not_an_address;
    asio::ip::make_address(endpoint_.host, not_an_address);
    if (not_an_address) SSL_set_tlsext_host_name(stream.native_handle(), endpoint_.host.c_str());
    stream.set_verify_callback(asio::ssl::host_name_verification(endpoint_.host));
    return run([&](auto handler) { stream.async_handshake(asio::ssl::stream_base::client, handler); });
  }

  error_code exchange(const http::request<http::string_body>& message, api_reply& reply) {
    tcp_layer().expires_after(endpoint_.timeout);
    http::response_parser<http::string_body> parser;
    parser.body_limit(max_reply_bytes);
    error_code error = std::visit(
        [&](auto& stream) {
          error_code written = run([&](auto handler) { http::async_write(stream, message, handler); });
          if (written) return written;
          return run([&](auto handler) { http::async_read(stream, buffer_, parser, handler); });
        },
        stream_);
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
    tcp_layer().socket().shutdown(tcp::socket::shutdown_both, ignored);
    tcp_layer().close();
    buffer_.clear();
  }

  [[noreturn]] void fail(const error_code& error) {
    close();
    throw api_unreachable("cannot reach siarand at " + address_of(endpoint_) + ": " +
                          describe(error, endpoint_.timeout) + "; " + hint_for(error));
  }

  api_endpoint endpoint_;
  std::optional<asio::ssl::context> tls_;  // set for https
  asio::io_context io_;
  std::variant<beast::tcp_stream, tls_stream> stream_{std::in_place_type<beast::tcp_stream>, io_};
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
