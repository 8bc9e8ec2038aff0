// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/probe.h"

#include <exception>
#include <memory>
#include <vector>

#include "smpp/connection.h"
#include "smpp/pdu.h"
#include "smpp/submit_sm.h"
#include "smpp/tasks.h"

namespace siaran::smpp {
namespace {

using clock_type = std::chrono::steady_clock;

asio::awaitable<void> pause(asio::io_context& io, clock_type::duration duration) {
  asio::steady_timer timer(io, duration);
  boost::system::error_code ignored;
  co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
}

// The connection's coroutines refer to `tasks`: it must outlive them.
asio::awaitable<void> drain(asio::io_context& io, const task_count& tasks) {
  for (int i = 0; i < 500 && tasks.live() > 0; ++i)
    co_await pause(io, std::chrono::milliseconds(10));
}

asio::awaitable<void> unbind_and_close(connection& link) {
  pdu unbind{command::unbind, status::ok, 0, std::monostate{}};
  co_await link.request(unbind, std::chrono::seconds(1));
  link.close("probe finished");
}

}  // namespace

asio::awaitable<probe_result> probe(asio::io_context& io, bind_settings settings,
                                    std::optional<submit_request> message,
                                    std::chrono::seconds receipt_wait) {
  probe_result result;
  task_count tasks(settings.id);
  connection_options options{settings.id + " probe", settings.enquire_link,
                             settings.response_timeout};
  std::shared_ptr<connection> link;
  try {
    link = co_await connection::open(io, tasks, settings.host, settings.port, options);
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  if (!link) {
    co_await drain(io, tasks);
    co_return result;
  }
  result.connected = true;

  std::vector<receipt> receipts;
  asio::steady_timer receipt_came(io, clock_type::time_point::max());
  connection* raw = link.get();
  link->start(
      [&receipts, &receipt_came, raw](const pdu& incoming) {
        // Only receipts are taken; an incoming SMS is left for siarand (ESME_RX_T_APPN: sent again
        // later).
        std::uint32_t answer = status::temporary_app_error;
        const auto* body = std::get_if<short_message_body>(&incoming.body);
        if (body != nullptr && is_receipt(body->esm_class)) {
          try {
            receipts.push_back(receipt_of(*body));
            answer = status::ok;
            receipt_came.cancel();
          } catch (const pdu_error&) {
          }
        }
        auto response = incoming.command_id == command::data_sm ? command::data_sm_resp
                                                                : command::deliver_sm_resp;
        raw->send({response, answer, incoming.sequence_number, message_id_body{}});
      },
      {});

  auto bind_command = settings.mode == bind_mode::transceiver ? command::bind_transceiver
                                                              : command::bind_transmitter;
  pdu bind_request{
      bind_command, status::ok, 0,
      bind_body{settings.system_id, settings.password, settings.system_type, 0x34, 0, 0, ""}};
  auto bound = co_await link->request(bind_request, settings.response_timeout);
  if (!bound.response) {
    result.error =
        bound.timed_out ? "no answer to " + command_name(bind_command) : link->close_reason();
  } else {
    result.bind_status = bound.response->command_status;
    result.bind_status_name = status_name(bound.response->command_status);
    if (const auto* body = std::get_if<bind_resp_body>(&bound.response->body)) {
      result.smsc_system_id = body->system_id;
      result.interface_version = tlv_u8(body->tlvs, tag::sc_interface_version);
    }
    if (bound.response->command_status != status::ok ||
        bound.response->command_id == command::generic_nack) {
      result.error = "the SMSC refused the bind: " + result.bind_status_name;
    }
  }

  if (result.ok() && message) {
    std::optional<pdu> submit;
    try {
      submit = submit_sm_of(*message);
    } catch (const pdu_error& e) {
      result.error = std::string("the message cannot be sent over SMPP: ") + e.what();
    }
    if (submit) {
      auto answered = co_await link->request(*submit, settings.response_timeout);
      if (!answered.response) {
        result.error = answered.timed_out ? "no answer to submit_sm" : link->close_reason();
      } else {
        result.submit_status = answered.response->command_status;
        result.submit_status_name = status_name(answered.response->command_status);
        if (const auto* body = std::get_if<message_id_body>(&answered.response->body)) {
          result.message_id = body->message_id;
        }
        if (answered.response->command_status != status::ok) {
          result.error = "the SMSC refused the message: " + result.submit_status_name;
        }
      }
    }
    auto deadline = clock_type::now() + receipt_wait;
    while (result.ok() && !result.delivery && link->is_open() && clock_type::now() < deadline) {
      for (const auto& got : receipts) {
        if (got.message_id == result.message_id) result.delivery = got;
      }
      if (result.delivery) break;
      receipt_came.expires_at(deadline);
      boost::system::error_code ignored;
      co_await receipt_came.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    }
  }

  if (link->is_open()) co_await unbind_and_close(*link);
  co_await drain(io, tasks);
  co_return result;
}

}  // namespace siaran::smpp
