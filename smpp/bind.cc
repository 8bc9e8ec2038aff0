// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/bind.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "smpp/connection.h"
#include "smpp/incoming.h"
#include "smpp/pdu.h"
#include "smpp/submit_sm.h"
#include "smpp/tasks.h"

namespace siaran::smpp {
namespace {

using clock_type = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr auto never = clock_type::time_point::max();
// After a bind that lasted this long, a drop starts the backoff again from rebind_min.
constexpr auto lasting_bind = std::chrono::seconds(60);
constexpr milliseconds first_throttle_pause{1000}, longest_throttle_pause{30000};
constexpr auto throttle_log_interval = std::chrono::seconds(10);
constexpr auto unbind_wait = std::chrono::seconds(1);

// The SMSC said no to the account itself: trying again soon cannot help.
class bind_refusal : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

bool is_throttling(std::uint32_t command_status) {
  return command_status == status::throttled || command_status == status::message_queue_full;
}

// Answers that blame the message itself: no other channel or later try would get it through.
bool is_message_fault(std::uint32_t command_status) {
  switch (command_status) {
    case status::invalid_message_length:
    case status::invalid_priority:
    case status::invalid_registered_delivery:
    case status::invalid_source:
    case status::invalid_destination:
    case status::invalid_esm_class:
    case status::invalid_source_ton:
    case status::invalid_source_npi:
    case status::invalid_destination_ton:
    case status::invalid_destination_npi:
    case status::invalid_schedule_time:
    case status::invalid_expiry_time:
    case status::invalid_data_coding:
    case status::invalid_optional_parameter:
    case status::optional_parameter_not_allowed:
    case status::invalid_parameter_length:
    case status::missing_optional_parameter:
    case status::invalid_optional_value:
    case status::permanent_app_error:
      return true;
    default:
      return false;
  }
}

submit_result failure(submit_error error) { return {std::nullopt, std::move(error)}; }

submit_result not_sent(std::string why) { return failure({0, std::move(why), false, false, true}); }

submit_result refused_by_smsc(std::uint32_t command_status, std::string what) {
  bool permanent = is_message_fault(command_status);
  return failure({command_status, std::move(what) + " " + status_name(command_status), permanent,
                  false, !permanent});
}

std::string refusal_text(std::uint32_t command_status, const bind_settings& settings) {
  switch (command_status) {
    case status::invalid_password:
      return "the SMSC refused the bind: wrong password for system_id \"" + settings.system_id +
             "\" (ESME_RINVPASWD)";
    case status::invalid_system_id:
      return "the SMSC refused the bind: it does not know system_id \"" + settings.system_id +
             "\" (ESME_RINVSYSID)";
    default:
      return "the SMSC refused the bind of system_id \"" + settings.system_id + "\" (" +
             status_name(command_status) + ")";
  }
}

bool is_account_refusal(std::uint32_t command_status) {
  return command_status == status::invalid_password ||
         command_status == status::invalid_system_id || command_status == status::bind_failed;
}

// data_sm carries the same things as deliver_sm, in options; read it as one.
short_message_body as_short_message(const pdu& message) {
  if (const auto* body = std::get_if<short_message_body>(&message.body)) return *body;
  const auto& data = std::get<data_sm_body>(message.body);
  short_message_body body;
  body.service_type = data.service_type;
  body.source_addr_ton = data.source_addr_ton;
  body.source_addr_npi = data.source_addr_npi;
  body.source_addr = data.source_addr;
  body.dest_addr_ton = data.dest_addr_ton;
  body.dest_addr_npi = data.dest_addr_npi;
  body.destination_addr = data.destination_addr;
  body.esm_class = data.esm_class;
  body.registered_delivery = data.registered_delivery;
  body.data_coding = data.data_coding;
  body.tlvs = data.tlvs;
  return body;
}

}  // namespace

struct bind::impl {
  impl(asio::io_context& context, bind_settings bind_settings, bind_handlers bind_handlers)
      : io(context),
        settings(std::move(bind_settings)),
        handlers(std::move(bind_handlers)),
        tasks(settings.id),
        changed(context),
        backoff_timer(context),
        throttle_timer(context) {
    changed.expires_at(never);
  }

  asio::io_context& io;
  bind_settings settings;
  bind_handlers handlers;
  task_count tasks;
  asio::steady_timer changed;  // cancelled (never re-armed) to wake everything waiting for a change
  asio::steady_timer backoff_timer;
  asio::steady_timer throttle_timer;

  bind_state state = bind_state::connecting;
  std::string last_error;
  std::string smsc_system_id;
  bind_counts counts;
  unsigned in_window = 0;
  bool started = false;
  bool stopping = false;
  std::shared_ptr<connection> transmitter;  // the transceiver in transceiver mode
  std::shared_ptr<connection> receiver;     // transmitter_receiver mode only
  std::shared_ptr<connection> opening;      // the connection whose bind is under way
  std::uint64_t generation = 0;             // one per successful bind
  clock_type::time_point next_send{};
  milliseconds next_throttle_pause = first_throttle_pause;
  clock_type::time_point last_throttle_log{};

  std::size_t room() const {
    if (state != bind_state::bound || in_window >= settings.window) return 0;
    return settings.window - in_window;
  }

  void notify() {
    changed.cancel();
    if (handlers.on_change) handlers.on_change();
  }

  void set_state(bind_state next) {
    if (state == next) return;
    state = next;
    notify();
  }

  asio::awaitable<void> wait_for_change() {
    boost::system::error_code ignored;
    co_await changed.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }

  asio::awaitable<void> sleep(std::chrono::steady_clock::duration duration) {
    backoff_timer.expires_after(duration);
    boost::system::error_code ignored;
    co_await backoff_timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }

  void close_links(const std::string& reason) {
    for (auto* link : {&transmitter, &receiver}) {
      if (*link) (*link)->close(reason);
    }
  }

  bool links_open() const {
    return transmitter && transmitter->is_open() && (!receiver || receiver->is_open());
  }

  std::string drop_reason() const {
    for (const auto* link : {&transmitter, &receiver}) {
      if (*link && !(*link)->is_open()) return (*link)->name() + ": " + (*link)->close_reason();
    }
    return "closed";
  }

  // Connects and binds one connection; throws bind_refusal or std::runtime_error.
  asio::awaitable<std::shared_ptr<connection>> open_and_bind(std::uint32_t bind_command,
                                                             std::string role) {
    connection_options options{settings.id + " " + role, settings.enquire_link,
                               settings.response_timeout};
    auto link = co_await connection::open(io, tasks, settings.host, settings.port, options);
    if (stopping) throw std::runtime_error("stopped");
    opening = link;  // so that stop() can end a bind request under way
    connection* raw = link.get();
    link->start([this, raw](const pdu& message) { on_request(*raw, message); },
                [this] { notify(); });
    pdu request{
        bind_command, status::ok, 0,
        bind_body{settings.system_id, settings.password, settings.system_type, 0x34, 0, 0, ""}};
    auto outcome = co_await link->request(request, settings.response_timeout);
    if (outcome.dropped)
      throw std::runtime_error(command_name(bind_command) + ": " + link->close_reason());
    if (outcome.timed_out) {
      link->close("no bind answer");
      throw std::runtime_error("no answer to " + command_name(bind_command) + " within " +
                               std::to_string(settings.response_timeout.count()) + " s");
    }
    const auto& answer = *outcome.response;
    if (answer.command_status != status::ok || answer.command_id == command::generic_nack) {
      link->close("bind refused");
      if (is_account_refusal(answer.command_status))
        throw bind_refusal(refusal_text(answer.command_status, settings));
      throw std::runtime_error("the SMSC answered " + command_name(bind_command) + " with " +
                               command_name(answer.command_id) + " " +
                               status_name(answer.command_status));
    }
    const auto& body = std::get<bind_resp_body>(answer.body);
    smsc_system_id = body.system_id;
    auto version = tlv_u8(body.tlvs, tag::sc_interface_version);
    spdlog::info("smpp {}: bound {} to {}:{} as \"{}\"; SMSC \"{}\", interface version {:#x}",
                 settings.id, role, settings.host, settings.port, settings.system_id,
                 body.system_id, version.value_or(0x33));
    co_return link;
  }

  enum class attempt { bound, refused, failed };

  asio::awaitable<attempt> establish() {
    auto result = attempt::failed;
    try {
      if (settings.mode == bind_mode::transceiver) {
        transmitter = co_await open_and_bind(command::bind_transceiver, "transceiver");
      } else {
        transmitter = co_await open_and_bind(command::bind_transmitter, "transmitter");
        receiver = co_await open_and_bind(command::bind_receiver, "receiver");
      }
      result = attempt::bound;
    } catch (const bind_refusal& e) {
      last_error = e.what();
      result = attempt::refused;
      spdlog::error("smpp {}: {}; trying again in {} s", settings.id, last_error,
                    settings.rebind_max.count());
    } catch (const std::exception& e) {
      last_error = e.what();
      spdlog::warn("smpp {}: {}", settings.id, last_error);
    }
    opening.reset();
    if (result != attempt::bound) close_links("bind failed");
    co_return result;
  }

  asio::awaitable<void> supervise() {
    auto backoff = std::chrono::duration_cast<clock_type::duration>(settings.rebind_min);
    const auto longest = std::chrono::duration_cast<clock_type::duration>(settings.rebind_max);
    while (!stopping) {
      set_state(bind_state::connecting);
      transmitter.reset();
      receiver.reset();
      auto result = co_await establish();
      if (stopping) {
        close_links("stopped");
        break;
      }
      if (result == attempt::refused) {
        set_state(bind_state::refused);
        co_await sleep(longest);
        continue;
      }
      if (result == attempt::bound) {
        ++generation;
        ++counts.binds;
        last_error.clear();
        next_throttle_pause = first_throttle_pause;
        auto bound_at = clock_type::now();
        set_state(bind_state::bound);
        while (links_open() && !stopping) co_await wait_for_change();
        if (stopping) break;  // shutdown() unbinds politely
        last_error = drop_reason();
        close_links(last_error);
        spdlog::warn("smpp {}: link lost ({}); binding again", settings.id, last_error);
        set_state(bind_state::connecting);
        if (clock_type::now() - bound_at >= lasting_bind) backoff = settings.rebind_min;
      }
      co_await sleep(backoff);
      backoff = std::min(backoff * 2, longest);
    }
  }

  asio::awaitable<void> shutdown() {
    for (auto* link : {&transmitter, &receiver}) {
      auto current = *link;
      if (!current || !current->is_open()) continue;
      pdu unbind{command::unbind, status::ok, 0, std::monostate{}};
      co_await current->request(unbind, unbind_wait);
      current->close("stopped");
    }
    close_links("stopped");
    if (opening) opening->close("stopped");
    set_state(bind_state::stopped);
    spdlog::info("smpp {}: stopped", settings.id);
  }

  void on_request(connection& link, const pdu& message) {
    tasks.spawn(io, handle_deliver(link.shared_from_this(), message));
  }

  // Answers once the handler has stored the event; the reader goes on meanwhile.
  asio::awaitable<void> handle_deliver(std::shared_ptr<connection> link, pdu message) {
    auto body = as_short_message(message);
    std::uint32_t answer = status::temporary_app_error;
    try {
      bool stored = false;
      if (is_receipt(body.esm_class)) {
        auto parsed = receipt_of(body);
        ++counts.receipts;
        if (handlers.on_receipt) stored = co_await handlers.on_receipt(parsed);
      } else {
        auto incoming = incoming_of(body);
        ++counts.received;
        if (handlers.on_message) stored = co_await handlers.on_message(incoming);
      }
      answer = stored ? status::ok : status::temporary_app_error;
    } catch (const pdu_error& e) {
      spdlog::warn("smpp {}: refusing a {} we cannot read: {}", settings.id,
                   command_name(message.command_id), e.what());
      answer = status::permanent_app_error;
    } catch (const std::exception& e) {
      spdlog::error("smpp {}: storing a {} failed: {}", settings.id,
                    command_name(message.command_id), e.what());
    }
    auto response =
        message.command_id == command::data_sm ? command::data_sm_resp : command::deliver_sm_resp;
    link->send({response, answer, message.sequence_number, message_id_body{}});
  }

  clock_type::time_point reserve_rate_slot() {
    auto now = clock_type::now();
    if (settings.rate_per_second <= 0) return now;
    auto interval = std::chrono::duration_cast<clock_type::duration>(
        std::chrono::duration<double>(1.0 / settings.rate_per_second));
    auto slot = std::max(now, next_send);
    next_send = slot + interval;
    return slot;
  }

  void enter_throttle() {
    if (state != bind_state::bound) return;
    auto pause = next_throttle_pause;
    next_throttle_pause = std::min(next_throttle_pause * 2, longest_throttle_pause);
    if (clock_type::now() - last_throttle_log >= throttle_log_interval) {
      last_throttle_log = clock_type::now();
      spdlog::warn("smpp {}: the SMSC throttles ({} throttling answers so far); pausing {} ms",
                   settings.id, counts.throttled, pause.count());
    }
    set_state(bind_state::throttled);
    tasks.spawn(io, end_throttle(pause, generation));
  }

  asio::awaitable<void> end_throttle(milliseconds pause, std::uint64_t of_generation) {
    throttle_timer.expires_after(pause);
    boost::system::error_code ignored;
    co_await throttle_timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    if (state == bind_state::throttled && generation == of_generation && !stopping)
      set_state(bind_state::bound);
  }

  // Waits until the bind has room; false when it is not bound (or stopping) instead.
  asio::awaitable<bool> wait_for_room() {
    while (true) {
      if (stopping || state == bind_state::connecting || state == bind_state::refused ||
          state == bind_state::stopped) {
        co_return false;
      }
      if (room() > 0) co_return true;
      co_await wait_for_change();
    }
  }

  asio::awaitable<submit_result> submit(submit_request request) {
    pdu message;
    std::string unsendable;
    try {
      message = submit_sm_of(request);
    } catch (const pdu_error& e) {
      unsendable = std::string("cannot be sent over SMPP: ") + e.what();
    }
    if (!unsendable.empty()) co_return failure({0, unsendable, true, false, false});
    while (true) {
      bool has_room = co_await wait_for_room();
      if (!has_room) {
        co_return not_sent("not bound: " + (last_error.empty() ? "connecting" : last_error));
      }
      ++in_window;
      auto link = transmitter;
      auto of_generation = generation;
      auto slot = reserve_rate_slot();
      if (slot > clock_type::now()) {
        asio::steady_timer pace(io, slot);
        boost::system::error_code ignored;
        co_await pace.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
      }
      if (generation != of_generation || !link->is_open() || stopping) {
        --in_window;
        notify();
        co_return not_sent("the link dropped before the part was sent");
      }
      ++counts.submitted;
      auto outcome = co_await link->request(message, settings.response_timeout);
      --in_window;
      notify();
      if (outcome.timed_out || (outcome.dropped && outcome.written)) {
        ++counts.uncertain;
        std::string why = outcome.timed_out
                              ? "no submit_sm_resp within " +
                                    std::to_string(settings.response_timeout.count()) + " s"
                              : "the link dropped before the SMSC answered";
        if (outcome.timed_out) link->close(why);
        co_return failure({0, why, false, true, true});
      }
      if (outcome.dropped) co_return not_sent("the link dropped before the part was sent");
      const auto& answer = *outcome.response;
      if (answer.command_id == command::generic_nack) {
        ++counts.generic_nacks;
        ++counts.rejected;
        co_return refused_by_smsc(answer.command_status,
                                  "the SMSC answered submit_sm with generic_nack");
      }
      if (answer.command_status == status::ok) {
        ++counts.accepted;
        next_throttle_pause = first_throttle_pause;
        const auto* body = std::get_if<message_id_body>(&answer.body);
        co_return submit_result{body != nullptr ? body->message_id : std::string(), std::nullopt};
      }
      if (is_throttling(answer.command_status)) {
        ++counts.throttled;
        enter_throttle();
        continue;  // the same part again, once the pause is over
      }
      ++counts.rejected;
      co_return refused_by_smsc(answer.command_status, "the SMSC refused the part:");
    }
  }
};

std::string_view bind_state_name(bind_state state) {
  switch (state) {
    case bind_state::connecting:
      return "connecting";
    case bind_state::bound:
      return "bound";
    case bind_state::throttled:
      return "throttled";
    case bind_state::refused:
      return "refused";
    case bind_state::stopped:
      return "stopped";
  }
  return "unknown";
}

bind::bind(asio::io_context& io, bind_settings settings, bind_handlers handlers)
    : impl_(std::make_unique<impl>(io, std::move(settings), std::move(handlers))) {}

bind::~bind() = default;

void bind::start() {
  if (impl_->started || impl_->stopping) return;
  impl_->started = true;
  impl_->tasks.spawn(impl_->io, impl_->supervise());
}

void bind::stop() {
  auto& me = *impl_;
  if (me.stopping) return;
  me.stopping = true;
  me.backoff_timer.cancel();
  me.throttle_timer.cancel();
  if (!me.started) {
    me.set_state(bind_state::stopped);
    return;
  }
  me.notify();
  me.tasks.spawn(me.io, me.shutdown());
}

bool bind::running() const { return impl_->tasks.live() > 0; }

const std::string& bind::id() const { return impl_->settings.id; }

bind_state bind::state() const { return impl_->state; }

bind_status bind::status() const {
  const auto& me = *impl_;
  return {me.settings.id,     me.state,     me.last_error, me.smsc_system_id,
          me.settings.window, me.in_window, me.counts};
}

std::size_t bind::room() const { return impl_->room(); }

asio::awaitable<submit_result> bind::submit(submit_request request) {
  return impl_->submit(std::move(request));
}

}  // namespace siaran::smpp
