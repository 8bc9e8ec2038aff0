// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/connection.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <deque>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

namespace siaran::smpp {
namespace {

using asio::ip::tcp;
using clock_type = std::chrono::steady_clock;

constexpr auto never = clock_type::time_point::max();

// A request waiting for its answer: the reader (or close) completes it and cancels its timer.
struct pending {
  explicit pending(asio::io_context& io) : timer(io) {}
  asio::steady_timer timer;
  request_outcome outcome;
  bool done = false;
};

struct outgoing {
  std::vector<std::uint8_t> octets;
  std::uint32_t sequence = 0;  // of a request, to mark it written; 0 for an answer
  std::optional<std::string> close_after;
};

std::uint32_t read_u32(std::span<const std::uint8_t> octets, std::size_t at) {
  return static_cast<std::uint32_t>(octets[at]) << 24 |
         static_cast<std::uint32_t>(octets[at + 1]) << 16 |
         static_cast<std::uint32_t>(octets[at + 2]) << 8 | octets[at + 3];
}

}  // namespace

struct connection::state {
  state(asio::io_context& context, task_count& task_list, connection_options opts)
      : io(context),
        tasks(task_list),
        options(std::move(opts)),
        socket(context),
        writer_wake(context),
        enquire_timer(context),
        closed_signal(context) {
    writer_wake.expires_at(never);
    closed_signal.expires_at(never);
  }

  asio::io_context& io;
  task_count& tasks;
  connection_options options;
  tcp::socket socket;
  asio::steady_timer writer_wake;
  asio::steady_timer enquire_timer;
  asio::steady_timer closed_signal;
  std::deque<outgoing> queue;
  std::map<std::uint32_t, pending*> waiting;
  request_handler on_request;
  std::function<void()> on_close;
  std::uint32_t last_sequence = 0;
  clock_type::time_point last_traffic = clock_type::now();
  bool open = true;
  std::string reason;

  std::uint32_t next_sequence() {
    last_sequence = last_sequence >= 0x7FFFFFFF ? 1 : last_sequence + 1;
    return last_sequence;
  }
};

connection::connection(std::unique_ptr<state> own) : state_(std::move(own)) {}
connection::~connection() = default;

asio::awaitable<std::shared_ptr<connection>> connection::open(asio::io_context& io,
                                                              task_count& tasks, std::string host,
                                                              std::uint16_t port,
                                                              connection_options options) {
  auto self = std::make_shared<connection>(std::make_unique<state>(io, tasks, std::move(options)));
  auto& st = *self->state_;
  tcp::resolver resolver(io);
  boost::system::error_code error;
  auto service = std::to_string(port);
  auto endpoints = co_await resolver.async_resolve(
      host, service, asio::redirect_error(asio::use_awaitable, error));
  if (error) throw std::runtime_error("cannot resolve " + host + ": " + error.message());

  // A watchdog closes the socket if the SMSC does not accept within the response timeout.
  auto watchdog = std::make_shared<asio::steady_timer>(io, st.options.response_timeout);
  tasks.spawn(io,
              [](std::shared_ptr<asio::steady_timer> timer,
                 std::shared_ptr<connection> owner) -> asio::awaitable<void> {
                boost::system::error_code ignored;
                co_await timer->async_wait(asio::redirect_error(asio::use_awaitable, ignored));
                if (!ignored) owner->state_->socket.close(ignored);
              }(watchdog, self));
  co_await asio::async_connect(st.socket, endpoints,
                               asio::redirect_error(asio::use_awaitable, error));
  watchdog->cancel();
  if (error) {
    throw std::runtime_error(
        "cannot connect to " + host + ":" + service + ": " +
        (error == asio::error::operation_aborted ? std::string("no answer") : error.message()));
  }
  st.socket.set_option(tcp::no_delay(true), error);
  co_return self;
}

void connection::start(request_handler on_request, std::function<void()> on_close) {
  state_->on_request = std::move(on_request);
  state_->on_close = std::move(on_close);
  auto self = shared_from_this();
  state_->tasks.spawn(state_->io, [](std::shared_ptr<connection> me) -> asio::awaitable<void> {
    co_await me->read_loop();
  }(self));
  state_->tasks.spawn(state_->io, [](std::shared_ptr<connection> me) -> asio::awaitable<void> {
    co_await me->write_loop();
  }(self));
  state_->tasks.spawn(state_->io, [](std::shared_ptr<connection> me) -> asio::awaitable<void> {
    co_await me->enquire_loop();
  }(self));
}

asio::awaitable<request_outcome> connection::request(pdu message,
                                                     std::chrono::steady_clock::duration timeout) {
  auto self = shared_from_this();  // the reader may close us while we wait
  auto& st = *state_;
  pending waiter(st.io);
  if (!st.open) {
    waiter.outcome.dropped = true;
    co_return waiter.outcome;
  }
  message.sequence_number = st.next_sequence();
  auto octets = encode(message);
  waiter.timer.expires_after(timeout);
  st.waiting[message.sequence_number] = &waiter;
  st.queue.push_back({std::move(octets), message.sequence_number, std::nullopt});
  st.writer_wake.cancel();
  while (!waiter.done) {
    boost::system::error_code error;
    co_await waiter.timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
    if (!error && !waiter.done) {
      waiter.outcome.timed_out = true;
      break;
    }
  }
  st.waiting.erase(message.sequence_number);
  co_return waiter.outcome;
}

void connection::send(const pdu& message) {
  if (!state_->open) return;
  state_->queue.push_back({encode(message), 0, std::nullopt});
  state_->writer_wake.cancel();
}

void connection::close(const std::string& reason) {
  auto& st = *state_;
  if (!st.open) return;
  st.open = false;
  st.reason = reason;
  boost::system::error_code ignored;
  st.socket.close(ignored);
  for (auto& [sequence, waiter] : st.waiting) {
    waiter->done = true;
    waiter->outcome.dropped = true;
    waiter->timer.cancel();
  }
  st.writer_wake.cancel();
  st.enquire_timer.cancel();
  st.closed_signal.cancel();
  if (st.on_close) st.on_close();
}

asio::awaitable<void> connection::closed() {
  auto self = shared_from_this();
  while (state_->open) {
    boost::system::error_code ignored;
    co_await state_->closed_signal.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

bool connection::is_open() const { return state_->open; }
const std::string& connection::close_reason() const { return state_->reason; }
const std::string& connection::name() const { return state_->options.name; }

asio::awaitable<void> connection::read_loop() {
  auto& st = *state_;
  std::array<std::uint8_t, 4> head{};
  while (st.open) {
    boost::system::error_code error;
    co_await asio::async_read(st.socket, asio::buffer(head),
                              asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      close(error == asio::error::eof ? "the SMSC closed the connection"
                                      : "read failed: " + error.message());
      break;
    }
    std::size_t length = 0;
    try {
      length = pdu_length(head);
    } catch (const pdu_error& e) {
      // Without a trustworthy length the next PDU's start is unknown: only a new connection helps.
      close(std::string("framing lost: ") + e.what());
      break;
    }
    std::vector<std::uint8_t> octets(length);
    std::copy(head.begin(), head.end(), octets.begin());
    auto rest = asio::buffer(octets.data() + head.size(), length - head.size());
    co_await asio::async_read(st.socket, rest, asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      close(error == asio::error::eof ? "the SMSC closed the connection"
                                      : "read failed: " + error.message());
      break;
    }
    st.last_traffic = clock_type::now();
    std::optional<pdu> message;
    try {
      message = decode(octets);
    } catch (const pdu_error& e) {
      answer_undecodable(octets, e);
      continue;
    }
    dispatch(*message);
  }
}

void connection::answer_undecodable(std::span<const std::uint8_t> octets, const pdu_error& error) {
  auto command_id = read_u32(octets, 4);
  auto sequence = read_u32(octets, 12);
  spdlog::warn("smpp {}: undecodable {}: {}", state_->options.name, command_name(command_id),
               error.what());
  if (is_response(command_id)) return;  // the request it answers times out and the link is renewed
  // A length inside the body that does not fit it reads as a bad length (§5.1.3), the rest as a
  // system error on our side.
  bool length_fault =
      error.field().ends_with("command_length") || error.field().ends_with("sm_length") ||
      std::string_view(error.what()).find("ends after") != std::string_view::npos ||
      std::string_view(error.what()).find("before the end") != std::string_view::npos;
  send({command::generic_nack, length_fault ? status::invalid_command_length : status::system_error,
        sequence, std::monostate{}});
}

void connection::dispatch(const pdu& message) {
  auto& st = *state_;
  if (is_response(message.command_id)) {
    auto found = st.waiting.find(message.sequence_number);
    if (found == st.waiting.end()) {
      spdlog::debug("smpp {}: {} for no request (sequence {})", st.options.name,
                    command_name(message.command_id), message.sequence_number);
      return;
    }
    found->second->outcome.response = message;
    found->second->done = true;
    found->second->timer.cancel();
    return;
  }
  switch (message.command_id) {
    case command::enquire_link:
      send({command::enquire_link_resp, status::ok, message.sequence_number, std::monostate{}});
      return;
    case command::unbind:
      spdlog::info("smpp {}: the SMSC unbinds", st.options.name);
      st.queue.push_back(
          {encode({command::unbind_resp, status::ok, message.sequence_number, std::monostate{}}), 0,
           "the SMSC unbound"});
      st.writer_wake.cancel();
      return;
    case command::deliver_sm:
    case command::data_sm:
      if (st.on_request) {
        st.on_request(message);
        return;
      }
      break;
    default:
      break;
  }
  spdlog::info("smpp {}: answering {} with generic_nack", st.options.name,
               command_name(message.command_id));
  send({command::generic_nack, status::invalid_command_id, message.sequence_number,
        std::monostate{}});
}

asio::awaitable<void> connection::write_loop() {
  auto& st = *state_;
  while (st.open) {
    if (st.queue.empty()) {
      boost::system::error_code ignored;
      co_await st.writer_wake.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
      continue;
    }
    auto next = std::move(st.queue.front());
    st.queue.pop_front();
    if (auto found = st.waiting.find(next.sequence);
        next.sequence != 0 && found != st.waiting.end()) {
      found->second->outcome.written = true;
    }
    boost::system::error_code error;
    co_await asio::async_write(st.socket, asio::buffer(next.octets),
                               asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      close("write failed: " + error.message());
      break;
    }
    st.last_traffic = clock_type::now();
    if (next.close_after) close(*next.close_after);
  }
}

asio::awaitable<void> connection::enquire_loop() {
  auto& st = *state_;
  while (st.open) {
    auto due = st.last_traffic + st.options.enquire_link;
    if (clock_type::now() < due) {
      st.enquire_timer.expires_at(due);
      boost::system::error_code ignored;
      co_await st.enquire_timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
      continue;
    }
    pdu probe{command::enquire_link, status::ok, 0, std::monostate{}};
    auto outcome = co_await request(probe, st.options.response_timeout);
    if (outcome.timed_out) {
      close("no enquire_link_resp within " + std::to_string(st.options.response_timeout.count()) +
            " s");
    } else if (!outcome.dropped) {
      st.last_traffic = clock_type::now();
    }
  }
}

}  // namespace siaran::smpp
