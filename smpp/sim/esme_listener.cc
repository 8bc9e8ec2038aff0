// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/esme_listener.h"

#include <boost/asio/ip/tcp.hpp>
#include <deque>
#include <map>
#include <optional>
#include <span>

#include "smpp/sim/esme_session.h"

namespace siaran::smscsim {
namespace {

using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
namespace command = smpp::command;
namespace status = smpp::status;

std::optional<bind_kind> bind_kind_of(std::uint32_t command_id) {
  switch (command_id) {
    case command::bind_transmitter:
      return bind_kind::transmitter;
    case command::bind_receiver:
      return bind_kind::receiver;
    case command::bind_transceiver:
      return bind_kind::transceiver;
    default:
      return std::nullopt;
  }
}

std::uint32_t read_u32(std::span<const std::uint8_t> octets) {
  return static_cast<std::uint32_t>(octets[0]) << 24 | static_cast<std::uint32_t>(octets[1]) << 16 |
         static_cast<std::uint32_t>(octets[2]) << 8 | octets[3];
}

// One ESME's connection, from accept to close.
class tcp_session final : public esme_session, public std::enable_shared_from_this<tcp_session> {
 public:
  tcp_session(std::shared_ptr<smsc_core> core, tcp::socket socket)
      : core_(std::move(core)), socket_(std::move(socket)), wake_(socket_.get_executor()) {
    wake_.expires_at(steady::time_point::max());
  }

  void start() {
    asio::co_spawn(socket_.get_executor(), read_loop(shared_from_this()), asio::detached);
    asio::co_spawn(socket_.get_executor(), write_loop(shared_from_this()), asio::detached);
  }

  std::optional<bind_kind> kind() const override {
    return closed_ || closing_ ? std::nullopt : kind_;
  }
  const std::string& system_id() const override { return system_id_; }
  std::size_t deliveries_in_flight() const override { return in_flight_.size(); }

  void deliver(delivery item) override {
    const std::uint32_t sequence = next_sequence();
    send({command::deliver_sm, status::ok, sequence, item.body});
    in_flight_.emplace(sequence, sent_delivery{std::move(item), steady::now()});
  }

  void expire_deliveries(steady::time_point sent_before) override {
    for (auto it = in_flight_.begin(); it != in_flight_.end();) {
      if (it->second.sent_at >= sent_before) {
        ++it;
        continue;
      }
      delivery item = std::move(it->second.item);
      it = in_flight_.erase(it);
      core_->delivery_answered(std::move(item), std::nullopt);
    }
  }

  void close() override {
    if (closed_) return;
    closed_ = true;
    boost::system::error_code ignored;
    socket_.close(ignored);
    wake_.cancel();
    core_->remove(this);
    auto lost = std::move(in_flight_);
    in_flight_.clear();
    for (auto& [sequence, sent] : lost) core_->delivery_lost(std::move(sent.item));
  }

 private:
  struct sent_delivery {
    delivery item;
    steady::time_point sent_at;
  };

  std::uint32_t next_sequence() {
    // 0x00000001 to 0x7FFFFFFF (§5.1.4), then around again.
    next_sequence_ = next_sequence_ >= 0x7FFFFFFF ? 1 : next_sequence_ + 1;
    return next_sequence_;
  }

  void send(const smpp::pdu& message) {
    if (closed_) return;
    out_.push_back(smpp::encode(message));
    wake_.cancel();
  }

  void answer(const smpp::pdu& request, std::uint32_t command_status, smpp::pdu_body body) {
    send({request.command_id | command::response_bit, command_status, request.sequence_number,
          std::move(body)});
  }

  // An answer with nothing in its body: an error, or an enquire_link or unbind answered.
  void answer(const smpp::pdu& request, std::uint32_t command_status) {
    smpp::pdu_body empty;
    if (bind_kind_of(request.command_id)) empty = smpp::bind_resp_body{};
    if (request.command_id == command::submit_sm) empty = smpp::message_id_body{};
    answer(request, command_status, std::move(empty));
  }

  void generic_nack(std::uint32_t command_status, std::uint32_t sequence) {
    ++core_->counts().generic_nacks;
    send({command::generic_nack, command_status, sequence, {}});
  }

  // Answers what is left to write, then closes (after unbind, or when the framing is lost).
  void close_after_writing() {
    closing_ = true;
    wake_.cancel();
  }

  static asio::awaitable<void> read_loop(std::shared_ptr<tcp_session> self) {
    try {
      std::vector<std::uint8_t> octets(smpp::header_length);
      while (!self->closed_ && !self->closing_) {
        octets.resize(smpp::header_length);
        co_await asio::async_read(self->socket_, asio::buffer(octets), asio::use_awaitable);
        std::size_t length = 0;
        try {
          length = smpp::pdu_length(octets);
        } catch (const smpp::pdu_error&) {
          // The next PDU's start cannot be found: say so and hang up (§5.1.3 ESME_RINVCMDLEN).
          self->generic_nack(status::invalid_command_length,
                             read_u32(std::span(octets).subspan(12)));
          self->close_after_writing();
          break;
        }
        octets.resize(length);
        if (length > smpp::header_length) {
          auto rest =
              asio::buffer(octets.data() + smpp::header_length, length - smpp::header_length);
          co_await asio::async_read(self->socket_, rest, asio::use_awaitable);
        }
        self->handle(octets);
      }
    } catch (const std::exception&) {
      // The ESME hung up, a fault closed the socket, or (a bug) an answer could not be encoded:
      // the connection ends either way, never the simulator.
      self->close();
    }
  }

  static asio::awaitable<void> write_loop(std::shared_ptr<tcp_session> self) {
    try {
      while (!self->closed_) {
        if (self->out_.empty()) {
          if (self->closing_) break;
          boost::system::error_code woken;  // cancelled by send() and close()
          co_await self->wake_.async_wait(asio::redirect_error(asio::use_awaitable, woken));
          continue;
        }
        co_await asio::async_write(self->socket_, asio::buffer(self->out_.front()),
                                   asio::use_awaitable);
        self->out_.pop_front();
      }
    } catch (const boost::system::system_error&) {
    }
    self->close();
  }

  void handle(std::span<const std::uint8_t> octets) {
    smpp::pdu request;
    try {
      request = smpp::decode(octets);
    } catch (const smpp::pdu_error&) {
      // The length framed it, so the stream goes on: refuse this one (its fields do not fit its
      // command_length) and read the next.
      if (!core_->silent())
        generic_nack(status::invalid_command_length, read_u32(octets.subspan(12)));
      return;
    }
    if (smpp::is_response(request.command_id)) {
      on_response(request);
    } else if (core_->silent()) {
      if (request.command_id == command::submit_sm) ++core_->counts().unanswered;
    } else {
      on_request(request);
    }
  }

  void on_response(const smpp::pdu& response) {
    if (response.command_id != command::deliver_sm_resp &&
        response.command_id != command::generic_nack)
      return;
    const auto found = in_flight_.find(response.sequence_number);
    if (found == in_flight_.end()) return;
    delivery item = std::move(found->second.item);
    in_flight_.erase(found);
    // A generic_nack with ESME_ROK would be nonsense: treat it as a refusal.
    const std::uint32_t answer =
        response.command_id == command::generic_nack && response.command_status == status::ok
            ? status::invalid_command_id
            : response.command_status;
    core_->delivery_answered(std::move(item), answer);
  }

  void on_request(const smpp::pdu& request) {
    if (const auto kind = bind_kind_of(request.command_id)) return on_bind(request, *kind);
    const bool known = request.command_id == command::submit_sm ||
                       request.command_id == command::enquire_link ||
                       request.command_id == command::unbind;
    if (!known) return generic_nack(status::invalid_command_id, request.sequence_number);
    if (!kind_) return answer(request, status::invalid_bind_status);
    if (request.command_id == command::enquire_link) {
      ++core_->counts().enquire_links;
      return answer(request, status::ok);
    }
    if (request.command_id == command::unbind) {
      answer(request, status::ok);
      return close_after_writing();
    }
    on_submit(request);
  }

  void on_bind(const smpp::pdu& request, bind_kind kind) {
    const auto& bind = std::get<smpp::bind_body>(request.body);
    const std::uint32_t verdict = kind_ ? status::already_bound : core_->check_bind(bind);
    if (verdict != status::ok) {
      ++core_->counts().bind_refusals;
      return answer(request, verdict);
    }
    kind_ = kind;
    system_id_ = bind.system_id;
    ++core_->counts().binds;
    // §4.1.2: a 3.4 SMSC names the interface version it speaks.
    answer(request, status::ok,
           smpp::bind_resp_body{core_->settings().system_id,
                                {smpp::make_tlv_u8(smpp::tag::sc_interface_version, 0x34)}});
    core_->bound();
  }

  void on_submit(const smpp::pdu& request) {
    if (kind_ == bind_kind::receiver) return answer(request, status::invalid_bind_status);
    const submit_outcome outcome =
        core_->submit(system_id_, std::get<smpp::short_message_body>(request.body));
    switch (outcome.what) {
      case submit_outcome::action::answer:
        return answer(request, outcome.command_status,
                      smpp::message_id_body{outcome.message_id, {}});
      case submit_outcome::action::ignore:
        return;
      case submit_outcome::action::ignore_and_drop_all:
        return core_->drop_connections();
    }
  }

  std::shared_ptr<smsc_core> core_;
  tcp::socket socket_;
  asio::steady_timer wake_;  // the writer waits on it; send() and close() cancel it
  std::deque<std::vector<std::uint8_t>> out_;
  std::map<std::uint32_t, sent_delivery> in_flight_;  // by sequence_number
  std::optional<bind_kind> kind_;
  std::string system_id_;
  std::uint32_t next_sequence_ = 0;
  bool closing_ = false;
  bool closed_ = false;
};

}  // namespace

struct esme_listener::impl {
  impl(std::shared_ptr<smsc_core> core, const tcp::endpoint& endpoint)
      : core(std::move(core)),
        acceptor(this->core->io(), endpoint),
        port(acceptor.local_endpoint().port()) {}

  static asio::awaitable<void> accept_loop(std::shared_ptr<impl> self) {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket socket =
          co_await self->acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec == asio::error::operation_aborted || !self->acceptor.is_open()) co_return;
      if (ec) continue;  // the client gave up before we accepted it
      socket.set_option(tcp::no_delay(true), ec);
      auto session = std::make_shared<tcp_session>(self->core, std::move(socket));
      self->core->add(session);
      session->start();
    }
  }

  std::shared_ptr<smsc_core> core;
  tcp::acceptor acceptor;
  std::uint16_t port;  // kept: the acceptor forgets it when closed
};

esme_listener::esme_listener(std::shared_ptr<smsc_core> core, const std::string& address,
                             std::uint16_t port)
    : impl_(std::make_shared<impl>(std::move(core),
                                   tcp::endpoint(asio::ip::make_address(address), port))) {
  asio::co_spawn(impl_->core->io(), impl::accept_loop(impl_), asio::detached);
}

esme_listener::~esme_listener() { close(); }

std::uint16_t esme_listener::port() const { return impl_->port; }

void esme_listener::close() {
  boost::system::error_code ignored;
  impl_->acceptor.close(ignored);
}

}  // namespace siaran::smscsim
