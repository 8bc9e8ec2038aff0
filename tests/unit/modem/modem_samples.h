// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// PDUs, parts and receivers shared by the modem tests.

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fake_modem.h"
#include "sms/submit_encoder.h"

namespace siaran::modem::test {

// From the corpus (python-gsmmodem's AT+CMGL capture and ModemManager's +CDS test).
inline const std::string deliver_pdu =
    "07917248014000F3240B917247587706F400003110824115248012C8329BFD06C9C373B8B82C97E741F034";
inline const std::string report_pdu = "07914356060013F1065A098136395339F6219011700463802190117004638030";  // TP-MR 90
// gammu's tests/at-sms-failing/18 and 13 (corpus gammu_at-sms-failing_*): a PDU that is hex
// but corrupt, and one that is not even hex, as real modems printed them.
inline const std::string corrupt_hex_pdu = "0CD0ABD9CC86CBC16034180C1616000AD0D770BB5D0700F9FF080074006500730074";
inline const std::string not_hex_pdu =
    "0BD04259303784=96p331p71160016D02B5AEC86BBDD6E37D80DFF00F19C0AC8F7BA3E87BFD7F539FFFF";

inline sms::encoded_part one_part() {
  sms::submit_request request;
  request.to = "+6281234567890";
  request.text = "Ibu Siti, rapat kader besok";
  request.status_report = true;
  return sms::encode_submit(request).front();
}

inline bool comes_before(const std::vector<std::string>& commands, std::string_view first, std::string_view second) {
  const auto a = std::find(commands.begin(), commands.end(), first);
  const auto b = std::find(commands.begin(), commands.end(), second);
  return a != commands.end() && b != commands.end() && a < b;
}

// The modem announces (+CMTI) a message at `index` of `memory` that AT+CMGR reads as `pdu`.
inline void announce_stored(modem_rig& rig, int index, const std::string& pdu, const std::string& memory = "SM") {
  rig.fake.set("AT+CMGR=" + std::to_string(index), "+CMGR: 0,,35\r\n" + pdu);
  rig.device->push("\r\n+CMTI: \"" + memory + "\"," + std::to_string(index) + "\r\n");
  rig.settle();
}

// An incoming message receiver whose answer the test gives later (or up front, in `answer`).
struct slow_receiver {
  // Receives `rig`'s messages, answering `stored` (or waiting for decide()).
  explicit slow_receiver(modem_rig& rig, std::optional<bool> stored = std::nullopt) : answer(stored) {
    rig.driver->on_message(bind(rig));
  }
  slow_receiver(const slow_receiver&) = delete;
  slow_receiver& operator=(const slow_receiver&) = delete;

  std::vector<incoming_message> seen;
  std::optional<bool> answer;
  std::unique_ptr<at::timer> gate;

  message_receiver bind(modem_rig& rig) {
    gate = rig.clock.factory()();
    return [this](const incoming_message& message) -> asio::awaitable<bool> {
      seen.push_back(message);
      while (!answer) {
        gate->expires_after(std::chrono::hours(1));
        co_await gate->wait();
      }
      co_return *answer;
    };
  }
  void decide(bool stored) {
    answer = stored;
    gate->cancel();
  }
};

}  // namespace siaran::modem::test
