// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/channel.h"

#include <algorithm>
#include <array>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

#include "common/log_text.h"
#include "modem/at/response_parsers.h"
#include "modem/at/text.h"

namespace siaran::at {
namespace {

constexpr char ctrl_z = '\x1a';  // ends the PDU after the prompt (27.005 §3.5.1)
constexpr char esc = '\x1b';     // aborts AT+CMGS at the prompt
// Queued commands wait for their turn on a timer that only a wake-up ends.
constexpr std::chrono::milliseconds forever = std::chrono::hours(24 * 365);

// The beginning of a line, for info-level logs that must not show numbers or text, escaped:
// line noise must not make the log a binary file.
std::string log_head(std::string_view line) {
  const std::size_t colon = line.find(':');
  return common::log_text(line.substr(0, std::min<std::size_t>(colon == std::string_view::npos ? 12 : colon + 1, 12)));
}

// A trace shows whole lines, PDUs included (about 350 hex digits at most), escaped all the same.
constexpr std::size_t trace_limit = 1024;

}  // namespace

struct channel::in_flight {
  command cmd;
  std::unique_ptr<timer> deadline;  // also woken early by the reader
  response answer;
  bool done = false;
  bool awaiting_prompt = false;
  bool prompt_seen = false;
  int probes = 0;  // "AT" written while waiting (command::probe_after)

  // Once the modem prompted for the PDU, the PDU may be out, however the command ends.
  bool pdu_may_be_out() const { return answer.pdu_written || (cmd.pdu && prompt_seen); }
};

struct channel::waiter {
  std::unique_ptr<timer> wake;
};

channel::channel(byte_stream& stream, timer_factory timers, channel_options options,
                 urc_registry urcs)
    : stream_(stream),
      timers_(std::move(timers)),
      options_(std::move(options)),
      urcs_(std::move(urcs)),
      framer_(urcs_.pdu_prefixes()) {}

void channel::start(asio::io_context& io) { asio::co_spawn(io, read_loop(), asio::detached); }

asio::awaitable<response> channel::execute(command cmd) {
  if (gone_) co_return gone_response();
  waiter me{timers_()};
  queue_.push_back(&me);
  while (!gone_ && (busy_ || queue_.front() != &me)) {
    me.wake->expires_after(forever);
    co_await me.wake->wait();
  }
  queue_.erase(std::find(queue_.begin(), queue_.end(), &me));
  if (gone_) co_return gone_response();

  busy_ = true;
  response answer = co_await run(std::move(cmd));
  busy_ = false;
  if (!queue_.empty()) queue_.front()->wake->cancel();
  co_return answer;
}

asio::awaitable<response> channel::run(command cmd) {
  if (need_resync_) co_await resync();
  if (gone_) co_return gone_response();
  response answer = co_await exchange(std::move(cmd));
  if (answer.error == channel_error::timeout || answer.error == channel_error::prompt_timeout) {
    ++consecutive_timeouts_;
    need_resync_ = true;
    spdlog::warn("{}: {} ({} in a row)", options_.name, answer.detail, consecutive_timeouts_);
  } else if (answer.error == channel_error::none) {
    consecutive_timeouts_ = 0;
  }
  co_return answer;
}

// After a timeout the modem may still be busy with the old command or may have lost our
// framing: throw away the partial line, and only send the next command once a plain "AT"
// is answered (ModemManager and ofono do the same). Lines arriving meanwhile are the old
// command's late answer and are dropped (on_line) unless they are registered URCs.
asio::awaitable<void> channel::resync() {
  framer_.reset();
  awaiting_pdu_.reset();
  // A process killed between AT+CMGS and its PDU leaves the modem at "> ", taking every later
  // line as message text until ESC (27.005 §3.5.1); a modem in command mode ignores it. Its
  // answer, if any, is awaited here so that it cannot pass for the answer to the AT below.
  command escape;
  escape.text = std::string(1, esc);
  escape.terminator.clear();
  escape.timeout = options_.resync_timeout / 4;
  co_await exchange(std::move(escape));
  command probe;
  probe.text = "AT";
  probe.timeout = options_.resync_timeout;
  const response answer = co_await exchange(std::move(probe));
  if (answer.error == channel_error::none) {
    need_resync_ = false;
    spdlog::info("{}: resynchronised after a timeout", options_.name);
  } else if (answer.error == channel_error::timeout) {
    ++consecutive_timeouts_;  // the next command is still sent: the modem may answer it
    spdlog::warn("{}: no answer to AT while resynchronising", options_.name);
  }
}

asio::awaitable<response> channel::exchange(command cmd) {
  in_flight flight{std::move(cmd), timers_(), {}};
  active_ = &flight;
  spdlog::trace("{}: -> {}", options_.name, common::log_text(flight.cmd.text, trace_limit));
  if (co_await write(flight.cmd.text + flight.cmd.terminator) && flight.cmd.pdu) co_await send_pdu(flight);
  if (!flight.done && flight.answer.error == channel_error::none) {
    const bool final_in_time = co_await wait_for_final(flight);
    if (final_in_time && flight.probes > 0) {
      need_resync_ = true;  // the probes' own answers may still come
      if (flight.answer.error == channel_error::none && flight.answer.lines.empty()) {
        // The final code answered a probe: the modem is back, its answer to the command lost.
        const bool written = flight.pdu_may_be_out();
        flight.answer = response{};
        flight.answer.error = channel_error::timeout;
        flight.answer.pdu_written = written;
        flight.answer.detail = "no answer to " + flight.cmd.text + ", though the modem answers again";
      }
    } else if (!final_in_time) {
      flight.answer.error = channel_error::timeout;
      flight.answer.detail = "no final result code to " + flight.cmd.text + " within " +
                             std::to_string(flight.cmd.timeout.count()) + " ms";
    }
  }
  active_ = nullptr;
  co_return std::move(flight.answer);
}

// AT+CMGS=<length> answers "> " (27.005 §3.5.1); then the PDU and Ctrl-Z. Without a prompt,
// ESC takes the modem out of PDU entry so the next command is not typed into a message.
asio::awaitable<void> channel::send_pdu(in_flight& flight) {
  flight.awaiting_prompt = true;
  const bool prompted = co_await wait_until(flight, flight.cmd.prompt_timeout, [](const in_flight& f) {
    return f.prompt_seen || f.done;
  });
  flight.awaiting_prompt = false;
  if (flight.done) co_return;  // ERROR instead of a prompt, or the device is gone
  if (!prompted) {
    flight.answer.error = channel_error::prompt_timeout;
    flight.answer.detail = "no \"> \" prompt after " + flight.cmd.text + " within " +
                           std::to_string(flight.cmd.prompt_timeout.count()) + " ms; sent ESC";
    co_await write(std::string(1, esc));
    co_return;
  }
  // A write that fails half-way (the device vanished) may still have put the PDU out: the
  // prompt was seen, so mark_gone keeps the part in doubt; only a success is recorded here.
  if (co_await write(*flight.cmd.pdu + ctrl_z)) flight.answer.pdu_written = true;
}

// The final result code within the command's timeout, probing the modem meanwhile when the
// command asks for it.
asio::awaitable<bool> channel::wait_for_final(in_flight& flight) {
  const auto done = [](const in_flight& f) { return f.done; };
  if (!flight.cmd.probe_after || *flight.cmd.probe_after >= flight.cmd.timeout) {
    co_return co_await wait_until(flight, flight.cmd.timeout, done);
  }
  std::chrono::milliseconds left = flight.cmd.timeout;
  std::chrono::milliseconds step = *flight.cmd.probe_after;
  while (left > std::chrono::milliseconds::zero()) {
    step = std::min(step, left);
    if (co_await wait_until(flight, step, done)) co_return true;
    left -= step;
    step = flight.cmd.probe_every;
    if (left <= std::chrono::milliseconds::zero()) break;
    ++flight.probes;
    if (!co_await write("AT\r")) co_return true;  // gone: mark_gone has ended the flight
  }
  co_return flight.done;
}

void channel::interrupt(std::string reason) {
  if (!active_ || active_->done) return;
  const bool written = active_->pdu_may_be_out();
  active_->answer = response{};
  active_->answer.error = channel_error::interrupted;
  active_->answer.pdu_written = written;
  active_->answer.detail = std::move(reason);
  active_->done = true;
  active_->deadline->cancel();
  need_resync_ = true;
}

// Waits until `ready(flight)` or `limit` has passed; false on timeout. The reader wakes the
// deadline timer whenever it changes the flight.
asio::awaitable<bool> channel::wait_until(in_flight& flight, std::chrono::milliseconds limit,
                                          bool (*ready)(const in_flight&)) {
  if (!ready(flight)) {
    flight.deadline->expires_after(limit);
    bool expired = false;
    while (!expired && !ready(flight)) expired = co_await flight.deadline->wait();
  }
  co_return ready(flight);
}

asio::awaitable<bool> channel::write(std::string bytes) {
  const boost::system::error_code error = co_await stream_.write(bytes);
  if (!error) co_return true;
  mark_gone("write: " + error.message());
  co_return false;
}

asio::awaitable<void> channel::read_loop() {
  std::array<char, 512> buffer;
  std::vector<frame> frames;
  while (!gone_) {
    const read_result got = co_await stream_.read_some(buffer);
    if (got.error) {
      // Our own close (the modem stopping or reopening its port) cancels the read: the port
      // is gone for this channel, but no device vanished, so it is not an error to log.
      mark_gone("read: " + got.error.message(), got.error == asio::error::operation_aborted);
      break;
    }
    frames.clear();
    framer_.feed(std::string_view(buffer.data(), got.bytes), frames);
    for (frame& next : frames) on_frame(std::move(next));
  }
}

void channel::on_frame(frame&& next) {
  if (awaiting_pdu_) {
    urc header = std::move(*awaiting_pdu_);
    awaiting_pdu_.reset();
    if (next.kind == frame_kind::pdu) {
      header.pdu = std::move(next.text);
      deliver(std::move(header));
      return;
    }
    deliver(std::move(header));  // the PDU never came; the header still says something arrived
  }
  switch (next.kind) {
    case frame_kind::prompt:
      if (active_ && active_->awaiting_prompt) {
        active_->prompt_seen = true;
        active_->deadline->cancel();
      }
      return;
    case frame_kind::garbage:
      spdlog::warn("{}: dropped an overlong line ({} bytes without a line end)", options_.name,
                   framer::max_line_bytes);
      return;
    case frame_kind::line:
    case frame_kind::pdu:
      spdlog::trace("{}: <- {}", options_.name, common::log_text(next.text, trace_limit));
      on_line(next.text);
      return;
  }
}

void channel::on_line(std::string_view line) {
  line = trim(line);
  if (line.empty()) return;
  if (active_ && on_command_line(*active_, line)) return;
  if (const urc_spec* spec = urcs_.match(line)) {
    urc code{std::string(line), std::nullopt, spec->prefix};
    if (spec->pdu_follows) {
      awaiting_pdu_ = std::move(code);
    } else {
      deliver(std::move(code));
    }
    return;
  }
  if (active_) {
    active_->answer.lines.emplace_back(line);  // information text without a prefix
    return;
  }
  if (need_resync_) {
    spdlog::debug("{}: dropped a late line while resynchronising", options_.name);
    return;
  }
  spdlog::info("{}: unsolicited line not recognised: \"{}...\" ({} bytes)", options_.name,
               log_head(line), line.size());
  deliver(urc{std::string(line), std::nullopt, {}});
}

// The lines that belong to the command in flight: its echo, its final result code, and the
// lines with its expected prefixes. Everything else may be a URC.
bool channel::on_command_line(in_flight& flight, std::string_view line) {
  if (line == flight.cmd.text) return true;  // echo (ATE1)
  if (flight.cmd.pdu && !flight.awaiting_prompt) {
    std::string_view echoed = line;
    while (!echoed.empty() && echoed.back() == ctrl_z) echoed.remove_suffix(1);
    if (echoed == *flight.cmd.pdu) return true;  // the PDU echoed back
  }
  if (std::optional<final_result> final = parse_final_result(line)) {
    flight.answer.success = final->success;
    flight.answer.final = std::move(final);
    flight.done = true;
    flight.deadline->cancel();
    return true;
  }
  const bool expected = std::any_of(flight.cmd.expected_prefixes.begin(),
                                    flight.cmd.expected_prefixes.end(),
                                    [&](const std::string& prefix) { return line.starts_with(prefix); });
  if (!expected) return false;
  flight.answer.lines.emplace_back(line);
  return true;
}

void channel::deliver(urc&& code) {
  if (!urc_handler_) return;
  try {
    urc_handler_(code);
  } catch (const std::exception& error) {
    // A bug in the modem logic must not stop the channel from reading.
    spdlog::error("{}: URC handler failed on \"{}\": {}", options_.name, log_head(code.line),
                  error.what());
  }
}

void channel::mark_gone(std::string reason, bool closed_here) {
  if (gone_) return;
  gone_ = true;
  gone_reason_ = std::move(reason);
  spdlog::log(closed_here ? spdlog::level::debug : spdlog::level::err, "{}: device gone ({})", options_.name,
              gone_reason_);
  if (active_) {
    const bool written = active_->pdu_may_be_out();
    active_->answer = gone_response();
    active_->answer.pdu_written = written;
    active_->done = true;
    active_->deadline->cancel();
  }
  for (waiter* queued : queue_) queued->wake->cancel();
}

response channel::gone_response() const {
  response answer;
  answer.error = channel_error::device_gone;
  answer.detail = "device gone: " + gone_reason_;
  return answer;
}

}  // namespace siaran::at
