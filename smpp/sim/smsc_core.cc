// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/smsc_core.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "smpp/sim/receipt_text.h"
#include "smpp/sim/send_log.h"
#include "smpp/sim/submitted_message.h"

namespace siaran::smscsim {
namespace {

using steady = std::chrono::steady_clock;
namespace status = smpp::status;

// How often the pump looks for deliver_sm unanswered too long when nothing else wakes it.
constexpr std::chrono::milliseconds idle_check{250};

// Message ids count up from the start time in milliseconds (times 1024), so that a restarted
// simulator does not hand out an id an ESME already holds receipts for.
std::uint64_t first_message_id() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<std::uint64_t>(
             std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) *
         1024;
}

}  // namespace

smsc_core::smsc_core(asio::io_context& io, smsc_settings settings)
    : io_(io),
      settings_(std::move(settings)),
      throttle_(settings_.throttle),
      wake_(io),
      next_id_(first_message_id()) {}

void smsc_core::start() { asio::co_spawn(io_, pump(), asio::detached); }

void smsc_core::stop() {
  stopped_ = true;
  wake_.cancel();
  const auto sessions = sessions_;  // closing one removes it
  for (const auto& session : sessions) session->close();
}

smsc_status smsc_core::status() const {
  smsc_status now;
  now.counts = counts_;
  now.bound = static_cast<std::size_t>(
      std::ranges::count_if(sessions_, [](const auto& s) { return s->kind().has_value(); }));
  now.pending = pending_.size();
  for (const auto& session : sessions_) now.in_flight += session->deliveries_in_flight();
  now.throttle = throttle_.rate();
  now.silent = silent_;
  now.refusing_binds = refusing_binds_;
  now.drop_after = drop_after_;
  now.failing = failing_;
  return now;
}

void smsc_core::add(std::shared_ptr<esme_session> session) {
  ++counts_.connections;
  sessions_.push_back(std::move(session));
}

void smsc_core::remove(const esme_session* session) {
  std::erase_if(sessions_, [&](const auto& s) { return s.get() == session; });
}

void smsc_core::drop_connections() {
  const auto sessions = sessions_;
  counts_.drops += sessions.size();
  for (const auto& session : sessions) session->close();
}

std::uint32_t smsc_core::check_bind(const smpp::bind_body& bind) const {
  if (refusing_binds_) return status::bind_failed;
  if (settings_.accounts.empty()) return status::ok;
  const auto found = std::ranges::find(settings_.accounts, bind.system_id, &account::system_id);
  if (found == settings_.accounts.end()) return status::invalid_system_id;
  return found->password == bind.password ? status::ok : status::invalid_password;
}

void smsc_core::bound() { wake_.cancel(); }

std::optional<submit_outcome> smsc_core::fault_for_submit() {
  using action = submit_outcome::action;
  if (drop_after_) {
    ++counts_.unanswered;
    if (--*drop_after_ > 0) return submit_outcome::unanswered(action::ignore);
    drop_after_.reset();
    return submit_outcome::unanswered(action::ignore_and_drop_all);
  }
  if (failing_ > 0) {
    --failing_;
    ++counts_.failed;
    return submit_outcome::answer(failing_status_);
  }
  return std::nullopt;
}

submit_outcome smsc_core::submit(const std::string& system_id,
                                 const smpp::short_message_body& submit) {
  if (auto fault = fault_for_submit()) return *fault;
  submitted_message message;
  try {
    message = read_submit(submit);
  } catch (const submit_refused& e) {
    ++counts_.refused;
    return submit_outcome::answer(e.command_status());
  }
  if (!throttle_.admit(steady::now())) {
    ++counts_.throttled;
    return submit_outcome::answer(settings_.throttle_status);
  }
  ++counts_.submits;
  const std::string message_id = next_message_id();
  if (settings_.send_log)
    settings_.send_log(
        send_log_line({std::chrono::system_clock::now(), system_id, message_id, submit, message}));
  queue_receipt(system_id, message_id, submit, message.text);
  return submit_outcome::answer(smpp::status::ok, message_id);
}

std::string smsc_core::next_message_id() {
  char text[24];
  std::snprintf(text, sizeof text, "%llX", static_cast<unsigned long long>(next_id_++));
  return text;
}

void smsc_core::queue_receipt(const std::string& system_id, const std::string& message_id,
                              const smpp::short_message_body& submit, const std::string& text) {
  // registered_delivery bits 1-0 (§5.2.17): 1 a receipt whatever happens, 2 on failure only.
  const unsigned asked = submit.registered_delivery & 0x03;
  if (asked == 0) return;
  const receipt_rule* rule = rule_for(settings_.receipt_rules, submit.destination_addr);
  if (rule != nullptr && !rule->state) return;
  const std::uint8_t state = rule != nullptr ? *rule->state : smpp::message_state::delivered;
  if (asked == 2 && state == smpp::message_state::delivered) return;
  const auto delay = rule != nullptr && rule->delay ? *rule->delay : settings_.receipt_delay;

  delivery item{.system_id = system_id, .receipt = true, .body = {}, .due = steady::now() + delay};
  smpp::short_message_body& body = item.body;
  // From the handset the submit went to, back to the sender the ESME used.
  body.source_addr_ton = submit.dest_addr_ton;
  body.source_addr_npi = submit.dest_addr_npi;
  body.source_addr = submit.destination_addr;
  body.dest_addr_ton = submit.source_addr_ton;
  body.dest_addr_npi = submit.source_addr_npi;
  body.destination_addr = submit.source_addr;
  body.esm_class = smpp::esm::delivery_receipt;
  const auto submitted = std::chrono::system_clock::now();
  const std::string receipt = receipt_text({message_id, state, submitted, submitted + delay, text});
  body.short_message.assign(receipt.begin(), receipt.end());
  body.tlvs = {smpp::make_tlv_string(smpp::tag::receipted_message_id, message_id),
               smpp::make_tlv_u8(smpp::tag::message_state, state)};
  queue(std::move(item));
}

std::size_t smsc_core::inject(const mo_message& message) {
  const auto parts = mo_parts(message, next_reference_);
  for (const auto& part : parts) {
    try {
      smpp::encode({smpp::command::deliver_sm, smpp::status::ok, 1, part});
    } catch (const smpp::pdu_error& e) {
      throw std::invalid_argument(std::string("the SMS does not fit a deliver_sm: ") + e.what());
    }
  }
  if (parts.size() > 1) ++next_reference_;
  for (const auto& part : parts)
    queue({.system_id = message.system_id, .receipt = false, .body = part, .due = steady::now()});
  return parts.size();
}

void smsc_core::queue(delivery item) {
  pending_.push_back(std::move(item));
  wake_.cancel();
}

void smsc_core::delivery_answered(delivery item, std::optional<std::uint32_t> command_status) {
  if (command_status == status::ok) {
    ++(item.receipt ? counts_.receipts : counts_.messages);
    wake_.cancel();  // room in the session's window
    return;
  }
  ++counts_.redeliveries;
  item.due = steady::now() + settings_.redelivery_delay;
  queue(std::move(item));
}

void smsc_core::delivery_lost(delivery item) {
  ++counts_.redeliveries;
  item.due = steady::now();
  queue(std::move(item));
}

esme_session* smsc_core::receiving_bind_for(const std::string& account) const {
  esme_session* least_busy = nullptr;
  for (const auto& session : sessions_) {
    const std::size_t busy = session->deliveries_in_flight();
    if (!session->receives_for(account) || busy >= settings_.delivery_window) continue;
    if (least_busy == nullptr || busy < least_busy->deliveries_in_flight())
      least_busy = session.get();
  }
  return least_busy;
}

// Hands each due deliver_sm to the least busy receiving bind of its account with room in its
// window. esme_session::deliver never calls back into the core, so pending_ stays put here.
void smsc_core::deliver_due() {
  const auto now = steady::now();
  for (const auto& session : sessions_)
    session->expire_deliveries(now - settings_.response_timeout);
  if (silent_) return;
  for (auto it = pending_.begin(); it != pending_.end();) {
    esme_session* target = it->due <= now ? receiving_bind_for(it->system_id) : nullptr;
    if (target == nullptr) {
      ++it;
      continue;
    }
    delivery item = std::move(*it);
    it = pending_.erase(it);
    target->deliver(std::move(item));
  }
}

asio::awaitable<void> smsc_core::pump() {
  const auto self = shared_from_this();  // the pump keeps the core alive until it ends
  while (!stopped_) {
    deliver_due();
    auto wake_at = steady::now() + idle_check;
    for (const auto& item : pending_)
      if (item.due > steady::now()) wake_at = std::min(wake_at, item.due);
    wake_.expires_at(wake_at);
    boost::system::error_code ignored;  // cancelled: something to deliver, or the end
    co_await wake_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

void smsc_core::drop_after(unsigned submits) {
  drop_after_ = submits == 0 ? std::nullopt : std::optional<unsigned>(submits);
}

void smsc_core::set_silent(bool silent) {
  silent_ = silent;
  wake_.cancel();
}

void smsc_core::fail_next(unsigned count, std::uint32_t command_status) {
  failing_ = count;
  failing_status_ = command_status;
}

void smsc_core::set_throttle(unsigned per_second) { throttle_.set_rate(per_second); }

void smsc_core::set_throttle_status(std::uint32_t command_status) {
  settings_.throttle_status = command_status;
}

void smsc_core::set_receipt_rules(std::vector<receipt_rule> rules) {
  settings_.receipt_rules = std::move(rules);
}

void smsc_core::refuse_binds(bool refuse) { refusing_binds_ = refuse; }

}  // namespace siaran::smscsim
