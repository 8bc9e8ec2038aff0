// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "manual_timer.h"
#include "common/asio.h"
#include "modem/at/channel.h"
#include "scripted_stream.h"

namespace siaran::at::test {

// A channel over a scripted modem and a manual clock, driven by settle(): run everything that
// is ready, never wait.
struct channel_rig {
  asio::io_context io;
  scripted_stream modem{io};
  manual_clock clock{io};
  channel chat{modem, clock.factory()};
  std::vector<urc> urcs;

  channel_rig() {
    chat.on_urc([this](const urc& code) { urcs.push_back(code); });
    chat.start(io);
    settle();
  }
  ~channel_rig() {
    modem.hang_up();
    settle();
  }

  void settle() {
    do {
      io.restart();
    } while (io.poll() > 0);
  }

  // Starts `cmd`; the optional fills in when its response arrives.
  std::shared_ptr<std::optional<response>> send(command cmd) {
    auto result = std::make_shared<std::optional<response>>();
    asio::co_spawn(io, chat.execute(std::move(cmd)), [result](std::exception_ptr error, response answer) {
      if (error) std::rethrow_exception(error);
      *result = std::move(answer);
    });
    settle();
    return result;
  }

  void advance(std::chrono::milliseconds by) {
    clock.advance(by);
    settle();
  }
};

inline command at(std::string text, std::vector<std::string> prefixes = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  command cmd;
  cmd.text = std::move(text);
  cmd.expected_prefixes = std::move(prefixes);
  cmd.timeout = timeout;
  return cmd;
}

}  // namespace siaran::at::test
