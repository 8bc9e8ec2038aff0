// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/asio.h"
#include "modem/init_sequence.h"
#include "modem/modem_options.h"
#include "modem/modem_setup.h"

namespace siaran::modem {

struct session;
class supervisor;

// Runs the initialisation tables (init_sequence.h) on one opened port and interprets the
// answers into a modem_setup; the supervisor applies it. One per modem object, since a
// rejected PIN must never be sent again, not even after the port is reopened.
class initialisation {
 public:
  initialisation(supervisor& life, const modem_options& options) : life_(life), options_(options) {}

  // Starts from `known`, what the last initialisation found: a value not read again stays.
  asio::awaitable<init_outcome> run(session& current, modem_setup known);

 private:
  asio::awaitable<std::optional<init_failure>> run_steps(session& current, std::span<const init_step> steps);
  asio::awaitable<std::optional<init_failure>> unlock_sim(session& current);
  asio::awaitable<std::optional<init_failure>> wait_for_registration(session& current,
                                                                     std::optional<int>& registration);
  asio::awaitable<void> choose_storage(session& current, modem_setup& setup);
  asio::awaitable<std::optional<report_routing>> choose_indications(session& current,
                                                                    std::optional<report_routing> known);
  asio::awaitable<void> read_identity(session& current, std::span<const identity_query> queries,
                                      modem_identity& identity);
  asio::awaitable<void> read_network_identity(session& current, modem_setup& setup);

  supervisor& life_;
  const modem_options& options_;
  bool pin_rejected_ = false;
};

}  // namespace siaran::modem
