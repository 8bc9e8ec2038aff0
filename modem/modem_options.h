// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "modem/at/byte_stream.h"
#include "modem/modem_status.h"

namespace siaran::modem {

// Told each time the modem's state or its reason changes (not for ready <-> sending, which
// happens with every part).
using state_receiver = std::function<void(const modem_status&)>;
// Opens the device (again, after an unplug: the configured path, so a /dev/serial/by-id link
// that reappears is found). Throws (open_error) when it cannot.
using stream_opener = std::function<std::unique_ptr<at::byte_stream>()>;

struct modem_options {
  std::string id = "modem";
  std::string port;  // for status and messages only; `stream_opener` opens it
  std::optional<std::string> pin;
  std::chrono::milliseconds register_timeout{std::chrono::seconds(60)};
  std::chrono::milliseconds register_poll{std::chrono::seconds(2)};
  std::chrono::milliseconds send_timeout{std::chrono::seconds(60)};
  // AT+CMGS without an answer this long: the modem is probed with "AT" meanwhile, so one that
  // hung and came back is noticed at once rather than at send_timeout. Real sends take 1-5 s,
  // slow networks several more; a probe is a character a busy modem may take as an abort.
  std::chrono::milliseconds send_probe_after{std::chrono::seconds(20)};
  // A modem that stops answering with its port open is asked "AT" this often, for up to
  // `probe_for`, and initialised the moment it answers; only then is the port reopened.
  std::chrono::milliseconds probe_interval{std::chrono::seconds(1)};
  std::chrono::milliseconds probe_for{std::chrono::minutes(10)};
  std::chrono::milliseconds health_interval{std::chrono::seconds(30)};
  std::chrono::milliseconds poll_interval{std::chrono::seconds(120)};
  int max_timeouts = 3;  // consecutive command timeouts that make the modem unhealthy
  std::chrono::milliseconds backoff_initial{std::chrono::seconds(1)};
  std::chrono::milliseconds backoff_max{std::chrono::seconds(60)};
  // false (the `siaran modem` tools): the first failure is final instead of retried.
  bool recover = true;
};

}  // namespace siaran::modem
