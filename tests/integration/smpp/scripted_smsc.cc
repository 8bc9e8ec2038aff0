// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/smpp/scripted_smsc.h"

#include <array>
#include <boost/asio/ip/tcp.hpp>

namespace siaran::smpp::test {

using asio::ip::tcp;

struct scripted_smsc::session : std::enable_shared_from_this<session> {
  session(scripted_smsc& smsc, tcp::socket s) : owner(smsc), socket(std::move(s)) {}
  scripted_smsc& owner;
  tcp::socket socket;
  std::deque<pdu> held;
  unsigned next_message_id = 0;

  // Blocking writes: PDUs are small and the peer reads on the same thread later.
  void write(const std::vector<std::uint8_t>& octets) {
    boost::system::error_code ignored;
    asio::write(socket, asio::buffer(octets), ignored);
  }
  void write(const pdu& message) { write(encode(message)); }

  void answer_submit(const pdu& request, std::uint32_t status_code) {
    --owner.unanswered;
    message_id_body body;
    if (status_code == status::ok) {
      owner.accepted.push_back(std::get<short_message_body>(request.body));
      body.message_id = "msg-" + std::to_string(++next_message_id);
    }
    write(pdu{command::submit_sm_resp, status_code, request.sequence_number, body});
    const auto& part = std::get<short_message_body>(request.body);
    if (status_code == status::ok && owner.receipts && part.registered_delivery != 0) {
      short_message_body receipt;
      receipt.source_addr_ton = part.dest_addr_ton;
      receipt.source_addr_npi = part.dest_addr_npi;
      receipt.source_addr = part.destination_addr;
      receipt.destination_addr = part.source_addr;
      receipt.esm_class = esm::delivery_receipt;
      auto text = "id:" + body.message_id + " sub:001 dlvrd:001 stat:DELIVRD err:000 text:";
      receipt.short_message.assign(text.begin(), text.end());
      write(pdu{command::deliver_sm, status::ok, 1000 + next_message_id, receipt});
    }
  }

  void handle(const pdu& message) {
    switch (message.command_id) {
      case command::bind_transceiver:
      case command::bind_transmitter:
      case command::bind_receiver: {
        owner.binds.push_back(message);
        bind_resp_body body{"SCRIPTSMSC", {make_tlv_u8(tag::sc_interface_version, 0x34)}};
        if (owner.bind_status != status::ok) body = {};
        write(pdu{message.command_id | command::response_bit, owner.bind_status,
                  message.sequence_number, body});
        return;
      }
      case command::submit_sm: {
        const auto& body = std::get<short_message_body>(message.body);
        owner.submits.push_back(body);
        owner.max_unanswered = std::max(owner.max_unanswered, ++owner.unanswered);
        if (owner.throttle_first > 0) {
          --owner.throttle_first;
          answer_submit(message, status::throttled);
        } else if (owner.hold_submits) {
          held.push_back(message);
        } else {
          answer_submit(message, owner.submit_status ? owner.submit_status(body) : status::ok);
        }
        return;
      }
      case command::enquire_link:
        ++owner.enquire_links;
        if (owner.answer_enquire_link)
          write(pdu{command::enquire_link_resp, 0, message.sequence_number, {}});
        return;
      case command::unbind: {
        ++owner.unbinds;
        write(pdu{command::unbind_resp, 0, message.sequence_number, {}});
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
      }
      default:
        if (is_response(message.command_id)) owner.responses.push_back(message);
        return;
    }
  }

  asio::awaitable<void> read_loop() {
    auto keep = shared_from_this();
    while (true) {
      std::array<std::uint8_t, 4> head{};
      boost::system::error_code error;
      co_await asio::async_read(socket, asio::buffer(head),
                                asio::redirect_error(asio::use_awaitable, error));
      if (error) break;
      std::vector<std::uint8_t> octets(pdu_length(head));
      std::copy(head.begin(), head.end(), octets.begin());
      auto rest = asio::buffer(octets.data() + 4, octets.size() - 4);
      co_await asio::async_read(socket, rest, asio::redirect_error(asio::use_awaitable, error));
      if (error) break;
      handle(decode(octets));
    }
    // A closed connection loses the submits it held: the ESME never gets their answers.
    owner.unanswered -= static_cast<unsigned>(held.size());
    held.clear();
  }
};

struct scripted_smsc::state {
  explicit state(asio::io_context& context)
      : io(context), acceptor(context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {}
  asio::io_context& io;
  tcp::acceptor acceptor;
  std::vector<std::shared_ptr<session>> sessions;
};

scripted_smsc::scripted_smsc(asio::io_context& io) : state_(std::make_shared<state>(io)) {
  asio::co_spawn(
      io,
      [](scripted_smsc* smsc, std::shared_ptr<state> st) -> asio::awaitable<void> {
        while (true) {
          boost::system::error_code error;
          auto socket =
              co_await st->acceptor.async_accept(asio::redirect_error(asio::use_awaitable, error));
          if (error) break;
          ++smsc->connections;
          auto next = std::make_shared<session>(*smsc, std::move(socket));
          st->sessions.push_back(next);
          asio::co_spawn(st->io, next->read_loop(), asio::detached);
        }
      }(this, state_),
      asio::detached);
}

scripted_smsc::~scripted_smsc() {
  boost::system::error_code ignored;
  state_->acceptor.close(ignored);
  for (auto& s : state_->sessions) s->socket.close(ignored);
}

std::uint16_t scripted_smsc::port() const { return state_->acceptor.local_endpoint().port(); }

void scripted_smsc::send(const pdu& message) { send_raw(encode(message)); }

void scripted_smsc::send_raw(const std::vector<std::uint8_t>& octets) {
  if (!state_->sessions.empty()) state_->sessions.back()->write(octets);
}

void scripted_smsc::answer_held(std::size_t count) {
  if (state_->sessions.empty()) return;
  auto& newest = *state_->sessions.back();
  while (count-- > 0 && !newest.held.empty()) {
    auto request = newest.held.front();
    newest.held.pop_front();
    newest.answer_submit(request, status::ok);
  }
}

std::size_t scripted_smsc::held() const {
  return state_->sessions.empty() ? 0 : state_->sessions.back()->held.size();
}

void scripted_smsc::drop() {
  if (state_->sessions.empty()) return;
  boost::system::error_code ignored;
  state_->sessions.back()->socket.shutdown(tcp::socket::shutdown_both, ignored);
  state_->sessions.back()->socket.close(ignored);
}

bool scripted_smsc::connected() const {
  return !state_->sessions.empty() && state_->sessions.back()->socket.is_open();
}

}  // namespace siaran::smpp::test
