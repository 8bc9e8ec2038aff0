// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The parts of siarand's HTTP API (docs/api.md) a benchmark reads and writes, as typed calls.
// Any answer other than the documented one throws api_error with the status and the daemon's
// own error text, since a benchmark over a misbehaving daemon measures nothing.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tools/api_client.h"
#include "tools/bench/messages.h"

namespace siaran::tools::bench {

class api_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct health_status {
  unsigned modems = 0;
  unsigned modems_ready = 0;
};

struct queue_status {
  long long queued = 0;
  long long in_flight = 0;
  long long sent = 0;    // since the daemon started
  long long failed = 0;  // since the daemon started
};

struct modem_status {
  std::string id;
  long long sent = 0;
  long long failed = 0;
  double busy_ms = 0;
};

// Times in milliseconds since the Unix epoch.
struct sent_message {
  double created_ms = 0;
  std::vector<double> part_sent_ms;
};

class daemon_api {
 public:
  explicit daemon_api(api_endpoint endpoint) : client_(std::move(endpoint)) {}

  // nullopt while the daemon does not answer yet (still starting).
  std::optional<health_status> health();
  queue_status queue();
  std::vector<modem_status> modems();
  // One POST /api/v1/messages/batch; returns the number of parts queued.
  long long queue_batch(std::span<const outgoing_message> messages);
  // Every message in state `sent`, paged 1000 at a time.
  std::vector<sent_message> sent_messages();

  // Any other route, for a scenario's own calls: the answer's JSON, or api_error when its status
  // is not `expected`.
  nlohmann::json get_json(const std::string& target);
  nlohmann::json post_json(const std::string& target, const std::string& body, int expected,
                           std::string_view content_type = "application/json");

 private:
  api_client client_;
};

// "2026-11-25T08:00:00.000Z" -> milliseconds since the epoch. Throws api_error otherwise.
double parse_utc_ms(const std::string& text);

}  // namespace siaran::tools::bench
