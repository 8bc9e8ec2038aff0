// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "common/redaction.h"
#include "daemon/clock.h"
#include "daemon/whole_resend.h"
#include "sms/codec_error.h"
#include "smpp/tpdu_submission.h"

namespace siaran::daemon {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// With nothing to do, look again this often even unwoken: parts with a later send_at or a retry
// time become due without anyone saying so.
constexpr auto idle_poll = 1s;
constexpr auto cap_window = std::chrono::minutes(1);
constexpr auto expiry_sweep = 5s;
// While throttled, tokens are spent in rounds at most this far apart: at 40 parts/s a round per
// token woke the daemon 40 times a second for one part each, and each wake-up cost more than
// the part.
constexpr auto longest_round_interval = 100ms;
// A sent part is noted in the store and recorded with the next claim (message_queue::note_sent);
// when no claim will come within this long, the dispatcher records it by itself.
constexpr auto noted_sends_limit = longest_round_interval;
// While another process holds the store's write lock, claims and records are tried this often:
// sending resumes within this (plus the store thread's lock wait) of the lock's release.
constexpr auto busy_retry = 250ms;

// Enough candidates for every part that can go now, with room for those waiting on a sticky or
// pinned modem that is busy.
int window_for(std::size_t can_send) {
  return static_cast<int>(std::min<std::size_t>(can_send * 2 + 16, 1024));
}

}  // namespace

dispatcher::dispatcher(asio::io_context& io, store_thread& writes, queue::message_queue& messages,
                       modem::pool& pool, std::vector<modem::modem_entry> entries,
                       std::vector<bind_channel> binds, dispatch_settings settings, send_metrics& metrics,
                       concat_reference_allocator& references, clock now)
    : io_(io),
      writes_(writes),
      queue_(messages),
      references_(references),
      now_(std::move(now)),
      pool_(pool),
      entries_(std::move(entries)),
      binds_(std::move(binds)),
      settings_(std::move(settings)),
      metrics_(metrics),
      bucket_(settings.rate_per_second, settings.burst, steady::now()),
      // Room for one token more than a round waits for: a late round loses none to the cap.
      round_interval_(std::min<std::chrono::nanoseconds>(
          longest_round_interval, bucket_.time_to_earn(bucket_.capacity() - 1))),
      wake_timer_(io),
      drain_timer_(io),
      load_(entries_.size() + binds_.size()) {
  for (const modem::modem_entry& entry : entries_) {
    channel_slot& slot = slots_.emplace_back();
    slot.id = entry.id;
    slot.operator_name = entry.operator_name;
  }
  for (const bind_channel& b : binds_) {
    channel_slot& slot = slots_.emplace_back();
    slot.id = b.bind->id();
    slot.bind = true;
    slot.senders = b.senders;
  }
}

const std::string& dispatcher::channel_id(std::size_t channel_index) const {
  return slots_[channel_index].id;
}

void dispatcher::start() {
  asio::co_spawn(io_, run(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
}

void dispatcher::wake() {
  woken_ = true;
  wake_timer_.cancel();
}

void dispatcher::queued() {
  head_.outdated = true;
  wake();
}

asio::awaitable<void> dispatcher::drain(std::chrono::milliseconds limit) {
  draining_ = true;
  wake();
  record_noted_sends();
  if (in_flight_count_ == 0) co_return;
  spdlog::info("waiting up to {} ms for {} part(s) in flight", limit.count(), in_flight_count_);
  drain_timer_.expires_after(limit);
  boost::system::error_code ignored;
  co_await drain_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  if (in_flight_count_ > 0)
    spdlog::warn("{} part(s) still in flight at the drain limit", in_flight_count_);
}

asio::awaitable<void> dispatcher::run() {
  while (!draining_) {
    auto pause = steady::duration::zero();
    try {
      co_await round();
      store_failing_ = false;
    } catch (const queue::store_busy& e) {
      spdlog::warn("dispatcher: the store is locked by another process ({}); trying again",
                   e.what());
      pause = busy_retry;
    } catch (const queue::store_error& e) {
      // A full disk or a broken file: nothing can be claimed or recorded until it clears. Said
      // once per spell, as the store watch says what to do once: not every second for hours.
      if (!store_failing_) spdlog::error("dispatcher: {}; sending waits until it clears", e.what());
      store_failing_ = true;
      pause = idle_poll;
    }
    if (pause != steady::duration::zero()) co_await sleep_until(steady::now() + pause);
  }
}

// `job`, preceded by handing over the noted sends. They count as unrecorded from now on, so that
// in_flight() never passes through zero while they travel.
template <typename Job>
auto dispatcher::with_noted_sends(Job job) {
  unrecorded_sends_ += noted_.size();
  return [this, noted = std::exchange(noted_, {}), job = std::move(job)]() mutable {
    struct publish_unrecorded {
      dispatcher& d;
      ~publish_unrecorded() { d.unrecorded_sends_ = d.queue_.unrecorded_sends(); }
    } publish{*this};
    for (const noted_send& n : noted)
      queue_.note_sent(n.part_id, n.modem, n.reference, n.at, n.price, n.smsc_message_id);
    return job(queue_);
  };
}

// Runs a copy of `job` with the store on the writer thread, handing the store the sends noted
// since the last job first (the job's write transaction, or the next one, records them).
// Whatever the job did, the count of sends the store holds unrecorded is read there after it.
// Callers name their jobs (store_thread::run says why).
template <typename Job>
asio::awaitable<std::invoke_result_t<Job&, queue::message_queue&>> dispatcher::in_store(
    const Job& job) {
  return writes_.run(with_noted_sends(Job(job)));
}

// One look at the modems and the queue: assigns parts to idle modems as far as tokens allow,
// or sleeps until something can change.
asio::awaitable<void> dispatcher::round() {
  const auto now = steady::now();
  const std::vector<channel_slot>& modems = slots(now);
  std::size_t idle = 0;  // parts the channels can take now
  for (const channel_slot& slot : modems) idle += slot.idle ? (slot.bind ? slot.room : 1) : 0;
  if (idle == 0) {
    co_await expire_now_and_then(now);
    co_await sleep_until(std::min(now + idle_poll, next_cap_release()));
    co_return;
  }
  const std::size_t tokens = bucket_.available(now);
  if (tokens == 0) {
    awaiting_token_ = true;
    co_await sleep_until(std::max(bucket_.next_token_at(now), last_claims_at_ + round_interval_));
    awaiting_token_ = false;
    co_return;
  }

  // At most this many parts can go this round: look at no more of the queue than that needs.
  const std::size_t can_send = std::min(idle, tokens);
  const bool fresh = co_await read_head_if_outdated(now, can_send);
  const bool prefer_modems = settings_.auto_prefers_modems;
  auto chosen = choose_channels(head_.parts, modems, sticky_, can_send, rotation_++ % modems.size(), prefer_modems);
  if (chosen.size() < can_send && !fresh) {
    // What is left of an older read may be only parts waiting for busy modems.
    co_await read_head(now, can_send);
    chosen = choose_channels(head_.parts, modems, sticky_, can_send, rotation_ % modems.size(), prefer_modems);
  }
  if (chosen.empty()) {
    co_await sleep_until(now + idle_poll);
    co_return;
  }

  co_await claim_chosen(chosen, now);
  // Let the sends just launched reach their modems before the next round looks again.
  co_await asio::post(io_, asio::use_awaitable);
}

// Claims the chosen parts in one job of the store thread and launches those claimed. No more
// parts were chosen than there are tokens, and a claim that fails costs none: a stale entry of
// the head (a long message's next part, claimed or pinned by its first since the read) would
// otherwise spend one.
asio::awaitable<void> dispatcher::claim_chosen(const std::vector<assignment>& chosen,
                                               steady::time_point now) {
  std::vector<queue::message_queue::claim_request> plain;
  std::vector<std::size_t> plain_at;  // their index in `chosen`
  struct moved_claim {
    std::size_t index;  // in `chosen`
    std::int64_t part_id;
    std::string modem;
    std::string from;
  };
  std::vector<moved_claim> moved;
  std::vector<bool> taken(head_.parts.size());
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const assignment& a = chosen[i];
    taken[a.candidate] = true;
    const candidate& part = head_.parts[a.candidate];
    // choose_channels moves a pinned part only when its modem is not healthy.
    if (part.pinned_modem && *part.pinned_modem != channel_id(a.modem)) {
      moved.push_back({i, part.part_id, channel_id(a.modem), *part.pinned_modem});
    } else {
      plain.push_back({part.part_id, channel_id(a.modem)});
      plain_at.push_back(i);
    }
  }
  std::erase_if(head_.parts,
                [&, i = std::size_t{0}](const candidate&) mutable { return taken[i++]; });
  // The plain claims share one transaction. A moved claim that fails (a lock) keeps the claims
  // before it: they are `sending`.
  const auto claim = [this, plain = std::move(plain), plain_at = std::move(plain_at),
                      moved = std::move(moved), count = chosen.size(),
                      at = now_()](queue::message_queue& s) {
    std::vector<std::optional<queue::claimed_part>> out(count);
    auto claimed = s.claim_each(plain, at);
    for (std::size_t k = 0; k < claimed.size(); ++k) out[plain_at[k]] = std::move(claimed[k]);
    for (const moved_claim& m : moved) {
      try {
        out[m.index] = claim_moved(s, m.part_id, m.modem, m.from, at);
      } catch (const queue::store_error&) {
        if (std::ranges::none_of(out, [](const auto& c) { return c.has_value(); })) throw;
        break;
      }
    }
    return out;
  };
  auto claimed = co_await in_store(claim);
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    if (!claimed[i]) continue;
    bucket_.try_take(now);
    last_claims_at_ = now;
    launch(chosen[i].modem, std::move(*claimed[i]));
  }
}

// On the writer thread: a part moved to `modem` off `from` (gone or resting). When part of its
// message went out from another modem, the phone could never join the rest to it: the whole
// message goes again from `modem` under a new reference, its first part claimed now.
std::optional<queue::claimed_part> dispatcher::claim_moved(queue::message_queue& s,
                                                           std::int64_t part_id,
                                                           const std::string& modem,
                                                           const std::string& from,
                                                           queue::timestamp at) {
  const auto split = s.split_by_move(part_id, modem);
  if (!split) return s.claim(part_id, modem, at, from);
  const std::string reason = "modem " + from +
                             " stopped part-way through this long message; sent again whole from " +
                             modem + " so that the phone can join it";
  s.resend_whole(split->id, parts_again(*split, references_, at), modem, reason, at);
  spdlog::warn("message {} to {}: {}", split->id, common::redacted_number(split->recipient),
               reason);
  return s.claim_part_of(split->id, 1, modem, at);
}

// Reads the head of the queue again when new work was queued, when the last read is older than
// idle_poll (retries and later send_at times have come due since), or when fewer parts are left
// of it than can go now. True when it did.
asio::awaitable<bool> dispatcher::read_head_if_outdated(steady::time_point now,
                                                        std::size_t can_send) {
  if (!head_.outdated && now < head_.read_at + idle_poll && head_.parts.size() >= can_send)
    co_return false;
  co_await read_head(now, can_send);
  co_return true;
}

asio::awaitable<void> dispatcher::read_head(steady::time_point now, std::size_t can_send) {
  // Marked read before the read: work queued while the store thread reads outdates it again.
  head_.outdated = false;
  const auto read = [at = now_(), limit = window_for(can_send), busy = busy_modems()](
                        queue::message_queue& s) { return s.due_parts(at, limit, busy); };
  auto due = co_await in_store(read);
  head_.parts.clear();
  for (queue::due_part& d : due) {
    head_.parts.push_back({d.part_id, std::move(d.recipient), d.priority, std::move(d.pinned_modem),
                           std::move(d.avoid_modem), d.via, std::move(d.sender)});
  }
  head_.read_at = now;
}

// With no modem to send, nothing meets expired messages at the head of the queue: look for
// them now and then, so that they fail when their time is up rather than when a modem returns.
asio::awaitable<void> dispatcher::expire_now_and_then(steady::time_point now) {
  if (now < next_expiry_sweep_) co_return;
  next_expiry_sweep_ = now + expiry_sweep;
  const auto expire = [at = now_()](queue::message_queue& s) { return s.expire_overdue(at); };
  const auto expired = co_await in_store(expire);
  if (expired) {
    spdlog::warn("{} part(s) expired with no modem to send them", expired);
  }
}

asio::awaitable<void> dispatcher::sleep_until(steady::time_point until) {
  if (woken_) {
    woken_ = false;
    co_return;
  }
  if (until - steady::now() > noted_sends_limit) record_noted_sends();
  wake_timer_.expires_at(until);
  wakes_at_ = until;
  boost::system::error_code ignored;  // cancelled by wake()
  co_await wake_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  wakes_at_ = steady::time_point::min();
  woken_ = false;
}

// Whether a claim will record a send of `part` noted now within noted_sends_limit: the claim of
// its message's next part, or the next round (woken when a modem frees unless it awaits a token).
bool dispatcher::claim_follows_soon(const queue::claimed_part& part) const {
  const auto now = steady::now();
  if (draining_) return false;
  if (part.part.number < part.part.total)
    return bucket_.next_token_at(now) - now <= noted_sends_limit;
  return !awaiting_token_ || wakes_at_ - now <= noted_sends_limit;
}

// Waits for nothing: the job runs before any later claim, which would record them anyway.
void dispatcher::record_noted_sends() {
  if (noted_.empty() && unrecorded_sends_ == 0) return;
  const auto record = [](queue::message_queue& s) { s.record_noted_sends(); };
  writes_.post("recording sent parts (the next write of the store tries again)",
               with_noted_sends(record));
}

const std::vector<channel_slot>& dispatcher::slots(steady::time_point now) {
  for (std::size_t b = 0; b < binds_.size(); ++b) {
    const smpp::bind& bind = *binds_[b].bind;
    channel_slot& slot = slots_[entries_.size() + b];
    const unsigned window = binds_[b].window;
    const unsigned sending = load_[entries_.size() + b].in_flight;
    slot.room = std::min<std::size_t>(bind.room(), window > sending ? window - sending : 0);
    slot.healthy = bind.state() == smpp::bind_state::bound || bind.state() == smpp::bind_state::throttled;
    slot.idle = slot.room > 0;
  }
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    auto& recent = load_[i].recent;
    while (!recent.empty() && recent.front() + cap_window <= now) recent.pop_front();
    const modem::modem_state state = pool_.modems()[i]->state();
    const unsigned cap = entries_[i].max_per_minute;
    const bool under_cap = cap == 0 || recent.size() < cap;
    // A resting modem's pinned parts move on, as a failed modem's do; an initialising one's wait
    // (after a restart of siarand, a long message's next part went out from the first modem
    // that was ready).
    const bool resting = load_[i].rest.resting(now) || load_[i].low_balance;
    slots_[i].healthy = state != modem::modem_state::failed && !resting;
    slots_[i].idle =
        state == modem::modem_state::ready && load_[i].in_flight == 0 && under_cap && !resting;
  }
  return slots_;
}

// Modems with a part in flight and binds without room: parts pinned to them wait.
std::vector<std::string> dispatcher::busy_modems() const {
  std::vector<std::string> busy;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (is_bind(i) ? slots_[i].room == 0 : load_[i].in_flight > 0) busy.push_back(slots_[i].id);
  }
  return busy;
}

// When a modem held back by its per-minute cap may send again (or a second from now).
steady::time_point dispatcher::next_cap_release() const {
  auto next = steady::now() + idle_poll;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const unsigned cap = entries_[i].max_per_minute;
    if (cap != 0 && load_[i].recent.size() >= cap)
      next = std::min(next, load_[i].recent.front() + cap_window);
  }
  return next;
}

void dispatcher::launch(std::size_t modem_index, queue::claimed_part part) {
  ++load_[modem_index].in_flight;
  if (is_bind(modem_index)) {
    if (slots_[modem_index].room > 0) --slots_[modem_index].room;
  } else {
    load_[modem_index].recent.push_back(steady::now());  // the per-minute cap of a SIM
  }
  ++in_flight_count_;
  asio::co_spawn(io_, send(modem_index, std::move(part)), asio::detached);
}

// One part, then the rest of its message on the same modem (a handset joins the parts of a
// long SMS only from one sender; kept together, they never wait at the head of the queue for
// their modem either). The modem counts as in flight throughout.
asio::awaitable<void> dispatcher::send(std::size_t modem_index, queue::claimed_part part) {
  std::optional<queue::claimed_part> next = std::move(part);
  while (next) {
    const bool sent = co_await send_one(modem_index, *next);
    if (sent) {
      next = co_await next_part_of(modem_index, *next);
    } else {
      next.reset();
    }
  }
  --load_[modem_index].in_flight;
  if (--in_flight_count_ == 0 && draining_) drain_timer_.cancel();
  // A round waiting for the throttle's next token finds this modem idle then.
  if (!awaiting_token_) wake();
}

asio::awaitable<bool> dispatcher::send_one(std::size_t modem_index,
                                           const queue::claimed_part& part) {
  attempt_outcome outcome;
  if (is_bind(modem_index)) {
    outcome = co_await attempt_on_bind(modem_index, part);
  } else {
    outcome = co_await attempt_on_modem(modem_index, part);
  }
  try {
    co_await record(modem_index, part, outcome);
  } catch (const std::exception& e) {
    // The part stays `sending` in the store: the next start-up treats it as uncertain.
    spdlog::error("recording the outcome of part {}: {}", part.part.id, e.what());
    co_return false;
  }
  co_return outcome.ok;
}

asio::awaitable<dispatcher::attempt_outcome> dispatcher::attempt_on_modem(std::size_t modem_index,
                                                                          const queue::claimed_part& part) {
  modem::modem& modem = *pool_.modems()[modem_index];
  const auto started = steady::now();
  const sms::encoded_part encoded{part.part.pdu, static_cast<std::size_t>(part.part.tpdu_length)};
  const modem::send_result result = co_await modem.send(encoded);
  const auto took = steady::now() - started;
  metrics_.modems[modem_index].busy += took;
  metrics_.send_seconds.observe(std::chrono::duration<double>(took).count());
  attempt_outcome outcome;
  outcome.reference = result.reference;
  outcome.ok = result.ok();
  if (const auto& error = result.error) {
    outcome.permanent = error->kind == at::failure_class::permanent && error->source == at::failure_source::message;
    outcome.of_channel = error->source == at::failure_source::modem;
    outcome.maybe_sent = error->maybe_sent;
    outcome.code = error->cms_code;
    const std::string code = error->cms_code ? "error " + std::to_string(*error->cms_code) + ", " : "";
    outcome.what = "modem " + entries_[modem_index].id + ": " + code + error->text;
  }
  co_return outcome;
}

// The stored part as a submit_sm from the message's registered name; its answer as an outcome.
asio::awaitable<dispatcher::attempt_outcome> dispatcher::attempt_on_bind(std::size_t channel_index,
                                                                         const queue::claimed_part& part) {
  smpp::bind& bind = *binds_[channel_index - entries_.size()].bind;
  attempt_outcome outcome;
  std::optional<smpp::submit_request> request;
  try {
    request = smpp::submission_of_tpdu(part.part.pdu, part.sender.value_or(""), part.part.delivery.has_value());
  } catch (const sms::codec_error& e) {
    outcome.permanent = true;
    outcome.what = "smpp " + bind.id() + ": the stored PDU cannot be read: " + e.what();
    co_return outcome;
  }
  const smpp::submit_request to_send = std::move(*request);
  const smpp::submit_result result = co_await bind.submit(to_send);
  outcome.smsc_message_id = result.message_id;
  outcome.ok = result.ok();
  if (const auto& error = result.error) {
    outcome.permanent = error->permanent;
    outcome.of_channel = error->of_bind;
    outcome.maybe_sent = error->maybe_sent;
    if (error->command_status != 0) outcome.code = static_cast<int>(error->command_status);
    outcome.what = "smpp " + bind.id() + ": " + error->text;
  }
  co_return outcome;
}

// The following part of `sent`'s message, claimed once the throttle gives a token; nothing
// at the last part, when draining, or when that part is not due (a retry waits its turn).
asio::awaitable<std::optional<queue::claimed_part>> dispatcher::next_part_of(
    std::size_t modem_index, const queue::claimed_part& sent) {
  if (sent.part.number >= sent.part.total) co_return std::nullopt;
  asio::steady_timer pace(io_);
  while (!draining_ && !bucket_.try_take(steady::now())) {
    pace.expires_at(bucket_.next_token_at(steady::now()));
    boost::system::error_code stopped;
    co_await pace.async_wait(asio::redirect_error(asio::use_awaitable, stopped));
    if (stopped) co_return std::nullopt;
  }
  if (draining_) co_return std::nullopt;
  if (!is_bind(modem_index)) load_[modem_index].recent.push_back(steady::now());
  try {
    const auto claim_next = [message_id = sent.part.message_id, number = sent.part.number + 1,
                             modem = channel_id(modem_index),
                             at = now_()](queue::message_queue& s) {
      return s.claim_part_of(message_id, number, modem, at);
    };
    co_return co_await in_store(claim_next);
  } catch (const queue::store_error& e) {
    spdlog::error("claiming part {} of message {}: {}", sent.part.number + 1, sent.part.message_id,
                  e.what());
  }
  co_return std::nullopt;
}

// Retries `job` while another process holds the store's lock: the part stays on its modem (the
// modem sends nothing else) until its outcome is recorded, or until the daemon drains, which
// leaves it `sending` for the next start-up to resolve as uncertain.
template <typename Job>
asio::awaitable<void> dispatcher::until_recorded(const queue::claimed_part& part, const Job& job) {
  for (;;) {
    try {
      co_await in_store(job);
      co_return;
    } catch (const queue::store_busy& e) {
      if (draining_) throw;
      spdlog::warn("recording part {}: {}; trying again", part.part.id, e.what());
    }
    asio::steady_timer pause(io_, busy_retry);
    co_await pause.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> dispatcher::record(std::size_t modem_index, const queue::claimed_part& part,
                                         const attempt_outcome& outcome) {
  if (!outcome.ok) {
    co_await record_failure(modem_index, part, outcome);
    co_return;
  }
  const std::string& channel = channel_id(modem_index);
  const unsigned price = settings_.prices.price(channel, part.recipient);
  noted_.push_back({part.part.id, channel, outcome.reference.value_or(0), now_(), price, outcome.smsc_message_id});
  if (!claim_follows_soon(part)) record_noted_sends();
  load_[modem_index].rest.sent();
  if (!is_bind(modem_index)) {
    ++metrics_.modems[modem_index].sent;
    // Replies come back to the SIM a cadre last received from; a registered name takes none.
    sticky_[part.recipient] = channel;
  }
  spdlog::debug("part {} ({}/{}) of message {} to {} sent on {} ({})", part.part.id, part.part.number,
                part.part.total, part.part.message_id, common::redacted_number(part.recipient), channel,
                outcome.smsc_message_id ? "message id " + *outcome.smsc_message_id
                                        : "reference " + std::to_string(outcome.reference.value_or(0)));
}

asio::awaitable<void> dispatcher::record_failure(std::size_t modem_index,
                                                 const queue::claimed_part& part,
                                                 const attempt_outcome& outcome) {
  const auto now = now_();
  const std::string& what = outcome.what;
  const bool counted = !is_bind(modem_index);  // a bind counts its own (smpp::bind_counts)
  if (outcome.maybe_sent) {
    if (counted) ++metrics_.modems[modem_index].uncertain;
    const bool resend = settings_.on_uncertain == queue::uncertain_policy::resend;
    const auto mark = [resend, id = part.part.id, what, now](queue::message_queue& s) {
      resend ? s.requeue_uncertain(id, what, now) : s.mark_uncertain(id, what, now);
    };
    co_await until_recorded(part, mark);
    spdlog::warn("part {} of message {} is uncertain ({}): {}", part.part.id, part.part.message_id,
                 what,
                 resend ? "sending it again, it may arrive twice" : "held for a person to decide");
    co_return;
  }
  if (counted) ++metrics_.modems[modem_index].failed;
  if (outcome.of_channel && counted) rest_after_failure(modem_index, what);
  const queue::send_failure failure{what, outcome.code};
  // A permanent error of the modem's (a SIM without credit or barred) is not the message's:
  // another modem may send it.
  if (outcome.permanent) {
    const auto mark = [id = part.part.id, failure, now](queue::message_queue& s) {
      s.mark_failed_permanent(id, failure, now);
    };
    co_await until_recorded(part, mark);
    spdlog::warn("part {} of message {} failed: {}", part.part.id, part.part.message_id, what);
  } else if (part.part.attempts >= static_cast<int>(settings_.max_attempts)) {
    const queue::send_failure last{
        "gave up after " + std::to_string(part.part.attempts) + " attempts: " + what,
        outcome.code};
    const auto mark = [id = part.part.id, last, now](queue::message_queue& s) {
      s.mark_failed_permanent(id, last, now);
    };
    co_await until_recorded(part, mark);
    spdlog::warn("part {} of message {} failed after {} attempts: {}", part.part.id,
                 part.part.message_id, part.part.attempts, what);
  } else {
    const auto delay = backoff(part.part.attempts);
    const auto mark = [id = part.part.id, failure, now, delay](queue::message_queue& s) {
      s.mark_failed_temporary(id, failure, now, now + delay);
    };
    co_await until_recorded(part, mark);
    spdlog::info("part {} of message {}: {}; retrying in {} s", part.part.id, part.part.message_id,
                 what, delay.count());
  }
}

void dispatcher::rest_after_failure(std::size_t modem_index, const std::string& what) {
  modem_rest& rest = load_[modem_index].rest;
  const std::chrono::seconds rests = rest.failed(steady::now());
  if (rests == std::chrono::seconds::zero()) return;
  spdlog::warn(
      "modem {}: {} sends in a row failed, the last: {}; resting it for {} s while other modems "
      "send",
      channel_id(modem_index), rest.failures_in_a_row(), what, rests.count());
}

std::chrono::seconds dispatcher::rests_for(std::size_t index) const {
  const auto left = load_[index].rest.rests_until() - steady::now();
  return std::max(std::chrono::ceil<std::chrono::seconds>(left), std::chrono::seconds::zero());
}

void dispatcher::hold_for_low_balance(std::size_t index, bool held) {
  if (std::exchange(load_[index].low_balance, held) == held) return;
  head_.outdated = true;  // parts pinned to it move on (or may come back)
  wake();
}

// retry_delay after the first attempt, doubled after each next one, capped.
std::chrono::seconds dispatcher::backoff(int attempts) const {
  auto delay = settings_.retry_delay;
  for (int i = 1; i < attempts && delay < settings_.retry_max_delay; ++i) delay *= 2;
  return std::min(delay, settings_.retry_max_delay);
}

}  // namespace siaran::daemon
