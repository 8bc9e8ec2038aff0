// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/server.h"

// Asio first, through the project's wrapper (Boost 1.74's missing <utility>); Beast after it.
#include "common/ascii.h"
#include "common/log_text.h"
#include "common/asio.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <set>
#include <stdexcept>
#include <type_traits>

#include "daemon/http/address_slots.h"
#include "daemon/http/bearer.h"
#include "daemon/http/client_address.h"
#include "daemon/http/target.h"

namespace siaran::daemon::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using beast_request = bhttp::request<bhttp::string_body>;
using beast_response = bhttp::response<bhttp::string_body>;
using tls_stream = beast::ssl_stream<beast::tcp_stream>;

// Every connection's code is written once, for both kinds of stream.
template <class Stream>
concept connection_stream = std::is_same_v<Stream, beast::tcp_stream> || std::is_same_v<Stream, tls_stream>;

// How long a closing connection keeps reading what the client still sends: closing a socket
// with unread bytes makes the kernel answer RST, which can destroy the error response (413,
// 431, 503) in the client's buffers before it reads it.
constexpr std::chrono::seconds linger_time{2};
// ...but no more than this much of it: a client still sending a refused body after that is not
// reading its answer, and draining it would only spend the I/O thread on the client's behalf.
constexpr std::size_t linger_bytes = 1024 * 1024;
// A failing accept (EMFILE) fails again at once; pausing keeps the loop from spinning.
constexpr std::chrono::milliseconds accept_retry_pause{100};

// The web UI loads only its own files: no inline script or style, no other origin, no frames.
constexpr const char* content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// What the connection does after one exchange.
enum class next_step { keep_alive, close_gracefully, close_now };

// Boost 1.74's Beast has its own string_view, which does not convert to std's.
std::string_view std_view(beast::string_view text) { return {text.data(), text.size()}; }

bool is_http_parse_error(const error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string printable_address(const std::string& host, std::uint16_t port) {
  if (host.find(':') != std::string::npos) return fmt::format("[{}]:{}", host, port);
  return fmt::format("{}:{}", host, port);
}

template <connection_stream Stream>
constexpr bool encrypted = std::is_same_v<Stream, tls_stream>;

template <connection_stream Stream>
void set_deadline(Stream& stream, std::chrono::seconds after) {
  beast::get_lowest_layer(stream).expires_after(after);
}

// A cookie given over HTTPS is never sent back in clear, should the page ever be opened over
// plain HTTP on the same name.
std::string secure_cookie(std::string set_cookie) {
  if (common::lowercase(set_cookie).find("; secure") == std::string::npos) set_cookie += "; Secure";
  return set_cookie;
}

beast_response to_beast(const response& res, unsigned version, bool keep_alive, bool encrypted_stream) {
  beast_response out;
  out.version(version);
  out.result(static_cast<unsigned>(res.status));
  out.set(bhttp::field::server, "siarand");
  out.set(bhttp::field::content_type, res.content_type);
  // API answers hold message states and personal data: never cached, never sniffed as HTML.
  out.set(bhttp::field::cache_control, "no-store");
  out.set("X-Content-Type-Options", "nosniff");
  out.set("Content-Security-Policy", content_security_policy);
  out.set("X-Frame-Options", "DENY");
  out.set("Referrer-Policy", "no-referrer");
  // Later headers replace these: the web UI's static files set their own Cache-Control.
  for (const auto& [name, value] : res.headers) {
    const bool cookie = encrypted_stream && common::lowercase(name) == "set-cookie";
    out.set(name, cookie ? secure_cookie(value) : value);
  }
  out.body() = res.body;
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

// Everything but the body, which is read only once the request is let in.
request head_of(const beast_request& in, decoded_target&& target, std::string remote_address) {
  request out;
  out.method = std::string(std_view(in.method_string()));
  out.path = std::move(target.path);
  out.query = std::move(target.query);
  out.content_type = media_type(std_view(in[bhttp::field::content_type]));
  for (const auto& field : in) out.headers[common::lowercase(std_view(field.name_string()))] = std::string(std_view(field.value()));
  out.remote_address = std::move(remote_address);
  return out;
}

std::vector<std::string> canonical_addresses(const std::vector<std::string>& addresses) {
  std::vector<std::string> out;
  for (const std::string& address : addresses) out.push_back(canonical_address(address));
  return out;
}

// Viewers only read, whatever a route says; other roles need the route's minimum.
std::optional<response> refuse_role(const principal& who, std::string_view method, const route_options& options) {
  if (who.level == role::viewer && method != "GET" && !options.own_account) {
    return error_response(403, "this account may only read (role viewer)");
  }
  if (who.level < options.min_role) {
    return error_response(403, fmt::format("this needs role {}; this account has role {}", role_name(options.min_role),
                                           role_name(who.level)));
  }
  return std::nullopt;
}

// The TLS handshake, within the header timeout; a failure (a plain HTTP client, an old TLS
// version, a scanner) is only logged: there is nobody to answer in a language both speak.
asio::awaitable<bool> open_session(beast::tcp_stream&, const std::string&, std::chrono::seconds) { co_return true; }

asio::awaitable<bool> open_session(tls_stream& stream, const std::string& peer, std::chrono::seconds timeout) {
  set_deadline(stream, timeout);
  error_code ec;
  co_await stream.async_handshake(asio::ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) spdlog::debug("HTTP API: TLS handshake with {} failed: {}", peer, ec.message());
  co_return !ec;
}

// TLS's close_notify, so the client knows the answer was whole; the peer's own is awaited only
// until the linger deadline the caller set.
asio::awaitable<void> close_session(beast::tcp_stream&) { co_return; }

asio::awaitable<void> close_session(tls_stream& stream) {
  error_code ec;
  co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
}

// One place in a count (max_connections), taken when the connection is accepted, before its
// coroutine first runs, so a burst of connections cannot slip past the cap.
class slot {
 public:
  explicit slot(std::size_t& count) : count_(&count) { ++count; }
  slot(slot&& other) noexcept : count_(std::exchange(other.count_, nullptr)) {}
  slot& operator=(slot&&) = delete;
  ~slot() {
    if (count_ != nullptr) --*count_;
  }

 private:
  std::size_t* count_;
};

// Keeps the server's list of open connections (what stop() closes) true however a coroutine
// ends, including when the io_context is destroyed with the coroutine still suspended.
class tracked_connection {
 public:
  tracked_connection(std::set<beast::tcp_stream*>& open, beast::tcp_stream& stream) : open_(open), stream_(stream) {
    open_.insert(&stream_);
  }
  ~tracked_connection() { open_.erase(&stream_); }
  tracked_connection(const tracked_connection&) = delete;
  tracked_connection& operator=(const tracked_connection&) = delete;

 private:
  std::set<beast::tcp_stream*>& open_;
  beast::tcp_stream& stream_;
};

// Shared with every coroutine the server spawns, so a connection still unwinding after
// ~server (its completion queued in the io_context) never touches freed memory.
class core : public std::enable_shared_from_this<core> {
 public:
  core(asio::io_context& io, server_settings settings, router routes)
      : io_(io),
        settings_(std::move(settings)),
        routes_(std::move(routes)),
        acceptor_(io),
        trusted_proxies_(canonical_addresses(settings_.trusted_proxies)),
        connections_per_address_(settings_.max_connections_per_address),
        requests_per_address_(settings_.max_requests_per_address) {}

  asio::io_context& io() { return io_; }
  std::uint16_t port() const { return port_; }
  void listen();
  void stop();
  asio::awaitable<void> accept_loop(std::shared_ptr<core> self);

 private:
  using address_ticket = std::optional<address_slots::ticket>;
  void admit_connection(tcp::socket socket, std::shared_ptr<core> self);
  template <class Start>
  void spawn_over_stream(tcp::socket socket, Start start);
  template <connection_stream Stream>
  asio::awaitable<void> serve(Stream stream, std::string peer, slot taken, address_ticket per_address,
                              std::shared_ptr<core> self);
  template <connection_stream Stream>
  asio::awaitable<void> reject(Stream stream, std::string peer, slot taken, response res, std::shared_ptr<core> self);
  template <connection_stream Stream>
  asio::awaitable<bool> await_next_request(Stream& stream, beast::flat_buffer& buffer);
  template <connection_stream Stream>
  asio::awaitable<next_step> exchange(Stream& stream, beast::flat_buffer& buffer, const std::string& peer);
  template <connection_stream Stream>
  asio::awaitable<next_step> finish(Stream& stream, const response& res, unsigned version, bool keep_alive);
  template <connection_stream Stream>
  asio::awaitable<next_step> answer_read_error(Stream& stream, const error_code& ec);
  template <connection_stream Stream>
  asio::awaitable<bool> write(Stream& stream, const response& res, unsigned version, bool keep_alive);
  template <connection_stream Stream>
  asio::awaitable<void> close_gracefully(Stream& stream);

  void tell_answered(const request& in, const response& res) const;
  asio::awaitable<response> answer_unrouted(const router::match& route, const request& in);
  asio::awaitable<std::optional<response>> admit(const route_options& options, request& in);
  asio::awaitable<response> call(const handler& h, const route_options& options, const request& in);
  asio::awaitable<void> run_on(runs_on where, std::function<void()>& job);
  response call_handler(const handler& h, const request& req) const;
  std::variant<principal, response> authenticate(const request& in) const;
  [[noreturn]] void fail_to_listen(const error_code& ec);

  asio::io_context& io_;
  server_settings settings_;
  router routes_;
  tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  bool stopped_ = false;
  std::set<beast::tcp_stream*> open_;
  std::size_t serving_ = 0;    // connections counted against max_connections
  std::size_t rejecting_ = 0;  // connections being told 503
  std::vector<std::string> trusted_proxies_;  // canonical text
  address_slots connections_per_address_;     // by the peer's address; trusted proxies not counted
  address_slots requests_per_address_;        // by the client's address (client_address.h)
};

void core::fail_to_listen(const error_code& ec) {
  error_code ignored;
  acceptor_.close(ignored);
  throw std::runtime_error(
      fmt::format("cannot listen on {}: {}", printable_address(settings_.host, settings_.port), ec.message()));
}

void core::listen() {
  error_code ec;
  tcp::resolver resolver(io_);
  const auto found = resolver.resolve(settings_.host, std::to_string(settings_.port),
                                      tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) fail_to_listen(ec);
  const tcp::endpoint endpoint = found.begin()->endpoint();
  acceptor_.open(endpoint.protocol(), ec);
  // A restarted daemon must not wait out TIME_WAIT of its previous run's connections.
  if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(tcp::socket::max_listen_connections, ec);
  if (ec) fail_to_listen(ec);
  port_ = acceptor_.local_endpoint().port();
  const char* protocol = settings_.tls ? " (HTTPS)" : "";
  spdlog::info("HTTP API listening on {}{}", printable_address(settings_.host, port_), protocol);
}

void core::stop() {
  stopped_ = true;
  error_code ignored;
  acceptor_.close(ignored);
  // Closing cancels each connection's pending read or write; its coroutine then ends and
  // leaves the set, so nothing is erased while this loop runs.
  for (beast::tcp_stream* stream : open_) stream->close();
}

asio::awaitable<void> core::accept_loop(std::shared_ptr<core> self) {
  error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  while (!stopped_) {
    tcp::socket socket = co_await acceptor_.async_accept(token);
    if (stopped_ || ec == asio::error::operation_aborted) break;
    if (ec) {
      spdlog::warn("HTTP API: cannot accept a connection: {}", ec.message());
      asio::steady_timer pause(io_, accept_retry_pause);
      co_await pause.async_wait(token);
      continue;
    }
    admit_connection(std::move(socket), self);
  }
}

// A connection is served when there is room overall and for its address; otherwise it is told
// why (while there is room for that) and closed. Beyond both caps the socket is simply closed:
// a flood gets no answer at all.
void core::admit_connection(tcp::socket socket, std::shared_ptr<core> self) {
  error_code ec;
  const auto remote = socket.remote_endpoint(ec);
  std::string peer = ec ? std::string() : canonical_address(remote.address().to_string());
  const bool proxy = std::find(trusted_proxies_.begin(), trusted_proxies_.end(), peer) != trusted_proxies_.end();
  address_ticket per_address = proxy ? std::nullopt : connections_per_address_.take(peer);
  if (serving_ < settings_.max_connections && (proxy || per_address)) {
    slot taken(serving_);
    spawn_over_stream(std::move(socket), [&](auto stream) {
      return serve(std::move(stream), std::move(peer), std::move(taken), std::move(per_address), self);
    });
  } else if (rejecting_ < settings_.max_connections) {
    response res = serving_ < settings_.max_connections
                       ? error_response(429, fmt::format("too many connections from your address (the limit is {}); "
                                                         "close some or try again shortly",
                                                         settings_.max_connections_per_address))
                       : error_response(503, fmt::format("too many connections (the limit is {}); try again shortly",
                                                         settings_.max_connections));
    res.headers.emplace_back("Retry-After", "1");
    slot taken(rejecting_);
    spawn_over_stream(std::move(socket), [&](auto stream) {
      return reject(std::move(stream), std::move(peer), std::move(taken), std::move(res), self);
    });
  }
}

// Runs `start(stream)`, a connection's coroutine, over the kind of stream the server speaks.
template <class Start>
void core::spawn_over_stream(tcp::socket socket, Start start) {
  if (settings_.tls) {
    asio::co_spawn(io_, start(tls_stream(std::move(socket), *settings_.tls)), asio::detached);
  } else {
    asio::co_spawn(io_, start(beast::tcp_stream(std::move(socket))), asio::detached);
  }
}

template <connection_stream Stream>
asio::awaitable<void> core::serve(Stream stream, std::string peer, slot taken, address_ticket per_address,
                                  [[maybe_unused]] std::shared_ptr<core> self) {
  // Held in this frame, so they are given back before `self` (a parameter) can let the core go.
  const slot held = std::move(taken);
  const address_ticket held_for_address = std::move(per_address);
  tracked_connection tracked(open_, beast::get_lowest_layer(stream));
  beast::flat_buffer buffer;
  next_step step = co_await open_session(stream, peer, settings_.header_timeout) ? next_step::keep_alive
                                                                                 : next_step::close_now;
  bool first = true;
  while (step == next_step::keep_alive && !stopped_) {
    // The first request is timed from accept: a client that connects and says nothing is slow.
    if (!first && !co_await await_next_request(stream, buffer)) break;
    first = false;
    step = co_await exchange(stream, buffer, peer);
  }
  if (step == next_step::close_gracefully && !stopped_) co_await close_gracefully(stream);
  beast::get_lowest_layer(stream).close();
}

template <connection_stream Stream>
asio::awaitable<void> core::reject(Stream stream, std::string peer, slot taken, response res,
                                   [[maybe_unused]] std::shared_ptr<core> self) {
  const slot held = std::move(taken);
  tracked_connection tracked(open_, beast::get_lowest_layer(stream));
  if (co_await open_session(stream, peer, settings_.header_timeout) && co_await write(stream, res, 11, false) &&
      !stopped_) {
    co_await close_gracefully(stream);
  }
  beast::get_lowest_layer(stream).close();
}

template <connection_stream Stream>
asio::awaitable<bool> core::await_next_request(Stream& stream, beast::flat_buffer& buffer) {
  if (buffer.size() > 0) co_return true;  // pipelined: the next request is already here
  set_deadline(stream, settings_.idle_timeout);
  error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  const auto space = buffer.prepare(4096);
  const std::size_t n = co_await stream.async_read_some(space, token);
  buffer.commit(n);
  co_return !ec;
}

template <connection_stream Stream>
asio::awaitable<next_step> core::exchange(Stream& stream, beast::flat_buffer& buffer, const std::string& peer) {
  // A slow client (one header line a second) is cut off early, whatever it still promises.
  set_deadline(stream, settings_.header_timeout);
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(settings_.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
  // The body limit depends on the route, known only once the header is in. Not boost::none:
  // Beast 1.74 compares the Content-Length with `len > optional`, which is true for none.
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  co_await bhttp::async_read_header(stream, buffer, parser, token);
  if (ec) co_return co_await answer_read_error(stream, ec);

  const auto& header = parser.get();
  const unsigned version = header.version();
  auto target = decode_target(std_view(header.target()));
  if (!target) {
    const response res = error_response(400, "the request path is malformed or leaves the API (\"..\", NUL)");
    co_await write(stream, res, version, false);
    co_return next_step::close_gracefully;
  }
  router::match route = routes_.find(std_view(header.method_string()), target->path);
  std::string client = client_address(peer, std_view(header["X-Forwarded-For"]), trusted_proxies_);
  request in = head_of(header, std::move(*target), std::move(client));
  in.route = std::move(route.pattern);
  in.params = std::move(route.params);
  // Answered without reading a body: one that follows is left unread and the connection closed.
  const bool keep_alive = header.keep_alive() && parser.is_done();
  // Answers are named, not temporaries of the co_await: GCC 12 mishandles such temporaries.
  if (route.h == nullptr) {
    const response res = co_await answer_unrouted(route, in);
    co_return co_await finish(stream, res, version, keep_alive);
  }
  // Refused from Content-Length alone, before a byte of an oversized body is buffered.
  const std::size_t max_body = route.options.max_body;
  if (parser.content_length() && *parser.content_length() > max_body) {
    const response res = error_response(413, fmt::format("the request body is larger than {} bytes", max_body));
    tell_answered(in, res);
    co_return co_await finish(stream, res, version, false);
  }
  // Who sent it is known from the header: a stranger's body is never read, whatever its size.
  const std::optional<response> refused = co_await admit(route.options, in);
  if (refused) {
    tell_answered(in, *refused);
    co_return co_await finish(stream, *refused, version, keep_alive);
  }
  const address_ticket in_progress = requests_per_address_.take(in.remote_address);
  if (!in_progress) {
    response busy = error_response(429, fmt::format("too many requests in progress from your address (the limit is "
                                                    "{}); try again in a moment",
                                                    settings_.max_requests_per_address));
    busy.headers.emplace_back("Retry-After", "1");
    tell_answered(in, busy);
    co_return co_await finish(stream, busy, version, keep_alive);
  }

  parser.body_limit(max_body);  // still needed for chunked bodies
  set_deadline(stream, settings_.request_timeout);
  if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
    bhttp::response<bhttp::empty_body> go_on(bhttp::status::continue_, version);
    co_await bhttp::async_write(stream, go_on, token);
    if (ec) co_return next_step::close_now;
  }
  co_await bhttp::async_read(stream, buffer, parser, token);
  if (ec) co_return co_await answer_read_error(stream, ec);
  in.body = std::move(parser.get().body());
  const response res = co_await call(*route.h, route.options, in);
  spdlog::debug("HTTP {} {} -> {}", common::log_text(in.method), common::log_text(in.path), res.status);
  tell_answered(in, res);
  const bool keep = parser.get().keep_alive();
  co_return co_await finish(stream, res, version, keep);
}

template <connection_stream Stream>
asio::awaitable<next_step> core::finish(Stream& stream, const response& res, unsigned version,
                                        bool keep_alive) {
  const bool keep = keep_alive && !stopped_;
  if (!co_await write(stream, res, version, keep)) co_return next_step::close_now;
  co_return keep ? next_step::keep_alive : next_step::close_gracefully;
}

template <connection_stream Stream>
asio::awaitable<next_step> core::answer_read_error(Stream& stream, const error_code& ec) {
  std::optional<response> res;
  if (ec == bhttp::error::header_limit) {
    res = error_response(431, fmt::format("the request header is larger than {} bytes", settings_.max_header_bytes));
  } else if (ec == bhttp::error::body_limit) {
    res = error_response(413, "the request body is larger than this resource accepts");
  } else if (is_http_parse_error(ec) && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
    res = error_response(400, fmt::format("malformed HTTP request: {}", ec.message()));
  }
  // End of stream, timeout, reset: nobody is listening for an answer.
  if (!res) co_return next_step::close_now;
  if (!co_await write(stream, *res, 11, false)) co_return next_step::close_now;
  co_return next_step::close_gracefully;
}

template <connection_stream Stream>
asio::awaitable<bool> core::write(Stream& stream, const response& res, unsigned version, bool keep_alive) {
  beast_response out = to_beast(res, version, keep_alive, encrypted<Stream>);
  // A client that never reads its answer must not hold the connection either.
  set_deadline(stream, settings_.request_timeout);
  error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  co_await bhttp::async_write(stream, out, token);
  co_return !ec;
}

// What the client still sends after close_notify is read from TCP and dropped, undecrypted.
template <connection_stream Stream>
asio::awaitable<void> core::close_gracefully(Stream& stream) {
  beast::tcp_stream& tcp_layer = beast::get_lowest_layer(stream);
  tcp_layer.expires_after(linger_time);
  co_await close_session(stream);
  error_code ec;
  tcp_layer.socket().shutdown(tcp::socket::shutdown_send, ec);
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  std::array<char, 16 * 1024> scratch{};
  for (std::size_t drained = 0; !ec && drained < linger_bytes;) {
    const auto space = asio::buffer(scratch);
    drained += co_await tcp_layer.async_read_some(space, token);
  }
}

// An answer to a routed request that may have changed something, before it is written.
void core::tell_answered(const request& in, const response& res) const {
  if (settings_.on_answered && in.method != "GET" && in.method != "HEAD") settings_.on_answered(in, res);
}

// The web UI's files for GETs outside the API, else 405 or 404.
asio::awaitable<response> core::answer_unrouted(const router::match& route, const request& in) {
  const handler* fallback = routes_.fallback();
  if (!route.path_known && fallback != nullptr && in.method == "GET" && !in.path.starts_with("/api/")) {
    // The web UI's files are read from the disk: not on the I/O thread.
    response res;
    // Jobs are named, not temporaries of the co_await: GCC 12 mishandles such temporaries.
    std::function<void()> serve_file = [&] { res = call_handler(*fallback, in); };
    co_await run_on(runs_on::reader, serve_file);
    co_return res;
  }
  if (route.path_known) {
    response res = error_response(
        405, fmt::format("{} is not allowed on {}; allowed: {}", in.method, in.path, join(route.allowed, ", ")));
    res.headers.emplace_back("Allow", join(route.allowed, ", "));
    co_return res;
  }
  co_return error_response(404, fmt::format("no such resource: {}", in.path));
}

// Sets who sent `in`, or the answer that refuses it. Sessions and API tokens live in the store:
// authentication runs on the writer thread, which owns the account book.
asio::awaitable<std::optional<response>> core::admit(const route_options& options, request& in) {
  if (!options.auth) co_return std::nullopt;
  if (!settings_.authenticate) co_return unauthorized();
  std::variant<principal, response> who = unauthorized();
  std::function<void()> identify = [&] { who = authenticate(in); };
  co_await run_on(runs_on::writer, identify);
  if (auto* refused = std::get_if<response>(&who)) co_return std::move(*refused);
  in.who = std::get<principal>(std::move(who));
  co_return refuse_role(in.who, in.method, options);
}

// The handler, where its route says.
asio::awaitable<response> core::call(const handler& h, const route_options& options, const request& in) {
  response res;
  std::function<void()> handle = [&] { res = call_handler(h, in); };
  const runs_on where = resolve(options.where, in.method);
  co_await run_on(where, handle);
  co_return res;
}

// The coroutine waits while `job` runs on its thread; the job only touches this frame, which
// lives until the job has posted its completion back.
asio::awaitable<void> core::run_on(runs_on where, std::function<void()>& job) {
  if (!settings_.offload || where == runs_on::io) {
    job();
    co_return;
  }
  co_await asio::async_initiate<const asio::use_awaitable_t<>&, void()>(
      [this, where, &job](auto completion) {
        auto done = std::make_shared<decltype(completion)>(std::move(completion));
        // Keeps io_.run() going while the job is away, so the completion always finds it.
        auto busy = asio::make_work_guard(io_);
        settings_.offload(where, [this, &job, done, busy]() mutable {
          job();
          asio::post(io_, [done, busy]() mutable {
            busy.reset();
            std::move(*done)();
          });
        });
      },
      asio::use_awaitable);
}

std::variant<principal, response> core::authenticate(const request& in) const {
  try {
    return settings_.authenticate(in);
  } catch (const std::exception& e) {
    spdlog::error("HTTP API: authenticating {} {}: {}", common::log_text(in.method), common::log_text(in.path),
                  common::log_text(e.what()));
  }
  response busy = error_response(503, "cannot check who you are right now (the store is not answering); try again");
  busy.headers.emplace_back("Retry-After", "2");
  return busy;
}

response core::call_handler(const handler& h, const request& req) const {
  try {
    return h(req);
  } catch (const std::exception& e) {
    spdlog::error("HTTP API: {} {} failed: {}", common::log_text(req.method), common::log_text(req.path),
                  common::log_text(e.what()));
  } catch (...) {
    spdlog::error("HTTP API: {} {} failed with an unknown exception", common::log_text(req.method),
                  common::log_text(req.path));
  }
  return error_response(500, "internal error while answering this request; the daemon's log says why");
}

}  // namespace

class server::impl {
 public:
  std::shared_ptr<core> core_;
};

server::server(asio::io_context& io, server_settings settings, router routes)
    : impl_(std::make_unique<impl>()) {
  impl_->core_ = std::make_shared<core>(io, std::move(settings), std::move(routes));
}

server::~server() { stop(); }

void server::start() {
  auto& c = impl_->core_;
  c->listen();
  asio::co_spawn(c->io(), c->accept_loop(c), asio::detached);
}

void server::stop() {
  // Connections live on the io_context's thread; from any other thread the work is posted.
  auto c = impl_->core_;
  asio::dispatch(c->io(), [c] { c->stop(); });
}

std::uint16_t server::port() const { return impl_->core_->port(); }

}  // namespace siaran::daemon::http
